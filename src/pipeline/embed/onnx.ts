/**
 * The corpus model as an ONNX graph that transformers.js runs like any encoder:
 * inputs `input_ids` and `attention_mask` (int64, [batch, sequence]), output
 * `last_hidden_state` (float, [batch, sequence, dims]) = Gather(table, input_ids).
 * transformers.js then mean-pools with the attention mask and normalises.
 * Built with onnx-proto (the ONNX protobuf schema), not by hand-writing protobuf.
 */
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export function buildGatherModel(table: Float32Array, vocabSize: number, dims: number, docString: string): Uint8Array {
  const tensorType = (elemType: number, shape: Array<string | number>) =>
    onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType,
        shape: onnx.TensorShapeProto.create({
          dim: shape.map((d) => (typeof d === 'string' ? onnx.TensorShapeProto.Dimension.create({ dimParam: d }) : onnx.TensorShapeProto.Dimension.create({ dimValue: d }))),
        }),
      }),
    });
  const { FLOAT, INT64 } = onnx.TensorProto.DataType;
  const graph = onnx.GraphProto.create({
    name: 'deepatlas_lsi',
    node: [onnx.NodeProto.create({ opType: 'Gather', input: ['embeddings', 'input_ids'], output: ['last_hidden_state'], name: 'lookup', attribute: [onnx.AttributeProto.create({ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 })] })],
    initializer: [onnx.TensorProto.create({ name: 'embeddings', dataType: FLOAT, dims: [vocabSize, dims], rawData: new Uint8Array(table.buffer, table.byteOffset, table.byteLength) })],
    input: [
      onnx.ValueInfoProto.create({ name: 'input_ids', type: tensorType(INT64, ['batch_size', 'sequence_length']) }),
      onnx.ValueInfoProto.create({ name: 'attention_mask', type: tensorType(INT64, ['batch_size', 'sequence_length']) }),
    ],
    output: [onnx.ValueInfoProto.create({ name: 'last_hidden_state', type: tensorType(FLOAT, ['batch_size', 'sequence_length', dims]) })],
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'deepatlas',
    producerVersion: '1',
    docString,
    opsetImport: [onnx.OperatorSetIdProto.create({ domain: '', version: 13 })],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

/**
 * One loader for every model: the site's own corpus model and any pretrained
 * transformers.js feature-extraction model (e.g. Xenova/multilingual-e5-small)
 * go through the same `pipeline('feature-extraction', ...)` call. Local first:
 * the hub is asked only when DEEPATLAS_ALLOW_REMOTE_MODELS=1.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { env, pipeline, Tensor, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { CORPUS_MODEL_ID, type Device, type EmbedSettings } from './settings.ts';

export class ModelNotFoundError extends Error {
  constructor(modelId: string, dir: string) {
    const fix = modelId === CORPUS_MODEL_ID
      ? 'run "npm run train:embed" to train the site\'s own model there'
      : 'copy the model there (config.json, tokenizer.json, onnx/model.onnx), or run with DEEPATLAS_ALLOW_REMOTE_MODELS=1 to download it once';
    super(`embedding model "${modelId}" not found in ${dir}\n  fix: ${fix}`);
    this.name = 'ModelNotFoundError';
  }
}

export interface LoadedModel {
  extractor: FeatureExtractionPipeline;
  modelId: string;
  /** The device actually used. */
  device: Exclude<Device, 'auto'>;
  /** Why `auto` did not pick the GPU, when it did not. */
  fallbackReason?: string;
}

function hasCudaProvider(): string | undefined {
  // onnxruntime-node ships CUDA support only after `npm rebuild onnxruntime-node` with
  // ONNXRUNTIME_NODE_INSTALL_CUDA=v12 (its install script is skipped by default).
  if (!fs.existsSync('/dev/nvidia0') && !fs.existsSync('/proc/driver/nvidia/version')) return 'no NVIDIA GPU on this machine';
  const dir = path.dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
  const cudaLib = path.join(dir, 'bin/napi-v6/linux/x64/libonnxruntime_providers_cuda.so');
  return fs.existsSync(cudaLib) ? undefined : 'onnxruntime-node was installed without its CUDA provider (see README: GPU)';
}

export async function loadModel(settings: EmbedSettings): Promise<LoadedModel> {
  env.localModelPath = `${settings.modelDir}/`;
  env.allowLocalModels = true;
  env.allowRemoteModels = settings.allowRemote;
  const dir = path.join(settings.modelDir, settings.modelId);
  if (!settings.allowRemote && !fs.existsSync(path.join(dir, 'config.json'))) throw new ModelNotFoundError(settings.modelId, dir);

  let device: Exclude<Device, 'auto'> = settings.device === 'auto' ? 'cpu' : settings.device;
  let fallbackReason: string | undefined;
  if (settings.device === 'auto') {
    fallbackReason = hasCudaProvider();
    if (!fallbackReason) device = 'cuda';
  }
  const load = (d: Exclude<Device, 'auto'>) =>
    pipeline('feature-extraction', settings.modelId, { device: d, dtype: 'fp32', local_files_only: !settings.allowRemote }) as Promise<FeatureExtractionPipeline>;
  try {
    return { extractor: await load(device), modelId: settings.modelId, device, ...(fallbackReason ? { fallbackReason } : {}) };
  } catch (error) {
    if (device === 'cpu' || settings.device !== 'auto') throw error;
    const reason = `the ${device} provider failed to start (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    return { extractor: await load('cpu'), modelId: settings.modelId, device: 'cpu', fallbackReason: reason };
  }
}

/**
 * Mean over the tokens the attention mask keeps, for every row of a [batch, sequence, dims]
 * output. The same sums in the same order as transformers.js's mean_pooling (so the same
 * floats), but reading the mask once per token instead of once per token and dimension, and
 * the hidden states row by row: its version converted a BigInt per value and strided through
 * memory, and was the largest single cost of embedding 10,000 papers.
 */
export function meanPool(hidden: Float32Array, dims: readonly number[], mask: ArrayLike<bigint | number>): Float32Array {
  const [batch, sequence, width] = dims as [number, number, number];
  const out = new Float32Array(batch * width);
  const sums = new Float64Array(width);
  for (let b = 0; b < batch; b++) {
    sums.fill(0);
    let count = 0;
    for (let t = 0; t < sequence; t++) {
      const keep = Number(mask[b * sequence + t]);
      count += keep;
      const row = (b * sequence + t) * width;
      for (let k = 0; k < width; k++) sums[k] = sums[k]! + hidden[row + k]! * keep;
    }
    for (let k = 0; k < width; k++) out[b * width + k] = sums[k]! / count;
  }
  return out;
}

/**
 * Mean-pooled, L2-normalised embeddings: the feature-extraction pipeline's own steps
 * (tokenizer, model, pooling, normalisation) with the pooling above. A text made only of
 * unknown tokens has a zero vector, which normalises to NaN: such rows come back as zeros.
 */
export async function embedTexts(model: LoadedModel, texts: string[], batchSize = 32): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  const { tokenizer, model: encoder } = model.extractor;
  for (let i = 0; i < texts.length; i += batchSize) {
    const batch = texts.slice(i, i + batchSize);
    const inputs = tokenizer(batch, { padding: true, truncation: true }) as { attention_mask: Tensor };
    const outputs = (await encoder(inputs)) as Record<string, Tensor | undefined>;
    const hidden = (outputs.last_hidden_state ?? outputs.logits ?? outputs.token_embeddings)!;
    const pooled = meanPool(hidden.data as Float32Array, hidden.dims, inputs.attention_mask.data as ArrayLike<bigint>);
    const tensor = new Tensor('float32', pooled, [batch.length, hidden.dims[2]!]).normalize(2, -1);
    const [rows, dims] = tensor.dims as [number, number];
    const data = tensor.data as Float32Array;
    for (let r = 0; r < rows; r++) {
      const row = data.slice(r * dims, (r + 1) * dims);
      if (row.some((v) => Number.isNaN(v))) row.fill(0);
      out.push(row);
    }
  }
  return out;
}

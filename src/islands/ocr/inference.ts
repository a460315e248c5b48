/**
 * Text recognition without the page: PP-OCRv4 detection (DBNet), direction classification and
 * recognition (SVTR + CTC) on onnxruntime-web, WebGPU first, WASM second. The demo's UI is in
 * index.ts; the pre- and post-processing maths in src/shared/ocr/postprocess.ts.
 */
import type * as Ort from 'onnxruntime-web';
import { boxesFromProbabilityMap, ctcDecode, DETECTION, detectionSize, parseDictionary, RECOGNITION, toChw, type Box } from '../../shared/ocr/postprocess.ts';
import { createSession, fetchWithProgress, loadOrt, RUNTIME_BYTES_ESTIMATE, type Backend, type WebgpuFallback } from '../runtime/ort.ts';
import type { DemoProgress } from '../runtime/progress.ts';
import { assetManifest } from '../runtime/assets.ts';

const MODELS = { det: 'ch_PP-OCRv4_det_infer.onnx', cls: 'ch_ppocr_mobile_v2.0_cls_infer.onnx', rec: 'ch_PP-OCRv4_rec_infer.onnx', dict: 'ppocr_keys_v1.txt' };

export type { Backend };

export interface OcrLine {
  box: Box;
  text: string;
  confidence: number;
}
export interface OcrResult {
  lines: OcrLine[];
  backend: Backend;
  timings: Record<'detection' | 'classification' | 'recognition', number>;
}

export interface Pipeline {
  ort: typeof Ort;
  det: Ort.InferenceSession;
  cls: Ort.InferenceSession;
  rec: Ort.InferenceSession;
  dictionary: string[];
  backend: Backend;
  fallbackReason?: WebgpuFallback;
}

export async function loadPipeline(base: string, preferred: Backend, progress?: DemoProgress): Promise<Pipeline> {
  // Byte sizes for the progress bar, from the manifest the build writes beside the models.
  const manifest = await assetManifest(`${base}models/ocr/`);
  const sizes = Object.fromEntries(Object.entries(MODELS).map(([key, file]) => [key, manifest[file] ?? 0]));
  const noop = () => {};
  const runtime = progress?.expect('runtime', RUNTIME_BYTES_ESTIMATE) ?? noop;
  const sinks = Object.fromEntries(Object.entries(sizes).map(([key, size]) => [key, progress?.expect(key, size) ?? noop]));
  progress?.start();
  const get = (key: keyof typeof MODELS) => fetchWithProgress(`${base}models/ocr/${MODELS[key]}`, sinks[key]!);
  const [ort, detBytes, clsBytes, recBytes, dictBytes] = await Promise.all([loadOrt(base, runtime), get('det'), get('cls'), get('rec'), get('dict')]);
  progress?.preparing();
  const det = await createSession(ort, detBytes, preferred);
  const cls = await createSession(ort, clsBytes, det.backend);
  const rec = await createSession(ort, recBytes, det.backend);
  progress?.ready();
  return { ort, det: det.session, cls: cls.session, rec: rec.session, dictionary: parseDictionary(new TextDecoder().decode(dictBytes)), backend: det.backend, ...(det.fallbackReason ? { fallbackReason: det.fallbackReason } : {}) };
}

function pixels(source: CanvasImageSource, sx: number, sy: number, sw: number, sh: number, width: number, height: number, rotate = false): Uint8ClampedArray {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  if (rotate) {
    ctx.translate(width, height);
    ctx.rotate(Math.PI);
  }
  ctx.drawImage(source, sx, sy, sw, sh, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height).data;
}

export async function recognize(p: Pipeline, image: ImageBitmap): Promise<OcrResult> {
  const { ort } = p;
  const timings = { detection: 0, classification: 0, recognition: 0 };
  let started = performance.now();
  const size = detectionSize(image.width, image.height);
  const input = toChw(pixels(image, 0, 0, image.width, image.height, size.width, size.height), size.width, size.height, DETECTION.mean, DETECTION.std);
  const detOut = await p.det.run({ [p.det.inputNames[0]!]: new ort.Tensor('float32', input, [1, 3, size.height, size.width]) });
  const map = (detOut[p.det.outputNames[0]!]!.data as Float32Array);
  const sx = image.width / size.width;
  const sy = image.height / size.height;
  const boxes = boxesFromProbabilityMap(map, size.width, size.height).map((b) => ({ ...b, x: b.x * sx, y: b.y * sy, width: b.width * sx, height: b.height * sy }));
  timings.detection = performance.now() - started;

  const lines: OcrLine[] = [];
  const half = [0.5, 0.5, 0.5];
  for (const box of boxes) {
    started = performance.now();
    const clsInput = toChw(pixels(image, box.x, box.y, box.width, box.height, 192, 48), 192, 48, half, half);
    const clsOut = await p.cls.run({ [p.cls.inputNames[0]!]: new ort.Tensor('float32', clsInput, [1, 3, 48, 192]) });
    const [upright = 1, flipped = 0] = clsOut[p.cls.outputNames[0]!]!.data as Float32Array;
    const rotate = flipped > upright && flipped > 0.9;
    timings.classification += performance.now() - started;

    started = performance.now();
    const width = Math.min(RECOGNITION.maxWidth, Math.max(16, Math.ceil((RECOGNITION.height * box.width) / box.height / 8) * 8));
    const recInput = toChw(pixels(image, box.x, box.y, box.width, box.height, width, RECOGNITION.height, rotate), width, RECOGNITION.height, half, half);
    const recOut = await p.rec.run({ [p.rec.inputNames[0]!]: new ort.Tensor('float32', recInput, [1, 3, RECOGNITION.height, width]) });
    const out = recOut[p.rec.outputNames[0]!]!;
    const [, steps = 0, classes = 0] = out.dims as number[];
    const { text, confidence } = ctcDecode(out.data as Float32Array, steps, classes, p.dictionary);
    timings.recognition += performance.now() - started;
    if (text.trim()) lines.push({ box, text, confidence });
  }
  return { lines, backend: p.backend, timings };
}

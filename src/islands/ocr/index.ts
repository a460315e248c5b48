/**
 * Text recognition demo: PP-OCRv4 detection (DBNet), direction classification
 * and recognition (SVTR + CTC) with onnxruntime-web, WebGPU first, WASM second.
 */
import type * as Ort from 'onnxruntime-web';
import { boxesFromProbabilityMap, ctcDecode, DETECTION, detectionSize, parseDictionary, RECOGNITION, toChw, type Box } from '../../shared/ocr/postprocess.ts';
import { backendName, createSession, fetchWithProgress, loadOrt, RUNTIME_BYTES_ESTIMATE, type Backend, type WebgpuFallback } from '../runtime/ort.ts';
import { DemoProgress } from '../runtime/progress.ts';

const MODELS = { det: 'ch_PP-OCRv4_det_infer.onnx', cls: 'ch_ppocr_mobile_v2.0_cls_infer.onnx', rec: 'ch_PP-OCRv4_rec_infer.onnx', dict: 'ppocr_keys_v1.txt' };
const MAX_PIXELS = 4096 * 4096;
const MAX_BYTES = 15 * 1024 * 1024;

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

interface Pipeline {
  ort: typeof Ort;
  det: Ort.InferenceSession;
  cls: Ort.InferenceSession;
  rec: Ort.InferenceSession;
  dictionary: string[];
  backend: Backend;
  fallbackReason?: WebgpuFallback;
}

export async function loadPipeline(base: string, preferred: Backend, progress?: DemoProgress): Promise<Pipeline> {
  const sizes = { det: 4_745_517, cls: 578_966, rec: 10_822_323, dict: 26_249 };
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

// ---- the page's island ----

function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

export function mount(root: HTMLElement) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = 'true';
  const base = root.dataset.base ?? '/';
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const file = q<HTMLInputElement>('[data-ocr-file]');
  const samples = root.querySelectorAll<HTMLButtonElement>('[data-ocr-sample]');
  const backendSelect = q<HTMLSelectElement>('[data-ocr-backend-choice]');
  const progress = q<HTMLProgressElement>('[data-ocr-progress]');
  const status = q<HTMLElement>('[data-ocr-status]');
  const canvas = q<HTMLCanvasElement>('[data-ocr-canvas]');
  const list = q<HTMLOListElement>('[data-ocr-lines]');
  const timing = q<HTMLElement>('[data-ocr-timings]');
  const backendLabel = q<HTMLElement>('[data-ocr-backend]');
  let pipeline: Promise<Pipeline> | undefined;
  let pipelineBackend: string | undefined;

  const say = (text: string, error = false) => {
    status.textContent = text;
    status.dataset.state = error ? 'error' : 'ok';
  };

  const getPipeline = () => {
    const preferred = backendSelect.value as Backend;
    if (!pipeline || pipelineBackend !== preferred) {
      pipelineBackend = preferred;
      pipeline = loadPipeline(base, preferred, new DemoProgress(progress, status, strings));
      pipeline.catch(() => (progress.hidden = true));
    }
    return pipeline;
  };

  const run = async (blob: Blob) => {
    if (!blob.type.startsWith('image/')) return say(strings['ocr.notImage'] ?? '', true);
    if (blob.size > MAX_BYTES) return say(format(strings['ocr.tooLarge'] ?? '', { mb: 15 }), true);
    let image: ImageBitmap;
    try {
      image = await createImageBitmap(blob);
    } catch {
      return say(strings['ocr.notImage'] ?? '', true);
    }
    if (image.width * image.height > MAX_PIXELS) return say(format(strings['ocr.tooLarge'] ?? '', { mb: 15 }), true);
    let p: Pipeline;
    try {
      p = await getPipeline();
    } catch (error) {
      pipeline = undefined;
      return say(format(strings['ocr.downloadFailed'] ?? '', { error: error instanceof Error ? error.message : String(error) }), true);
    }
    backendLabel.textContent = backendName(p.backend, p.fallbackReason, strings);
    backendLabel.dataset.backend = p.backend;
    say(strings['ocr.running'] ?? '');
    try {
      const result = await recognize(p, image);
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(image, 0, 0);
      ctx.lineWidth = Math.max(2, image.width / 300);
      ctx.strokeStyle = '#e4572e';
      for (const line of result.lines) ctx.strokeRect(line.box.x, line.box.y, line.box.width, line.box.height);
      list.replaceChildren(...result.lines.map((line) => {
        const li = document.createElement('li');
        li.textContent = `${line.text} `;
        const c = document.createElement('span');
        c.className = 'muted';
        c.textContent = `(${(line.confidence * 100).toFixed(1)}%)`;
        li.append(c);
        return li;
      }));
      timing.textContent = format(strings['ocr.timings'] ?? '', { det: result.timings.detection.toFixed(0), cls: result.timings.classification.toFixed(0), rec: result.timings.recognition.toFixed(0) });
      say(result.lines.length ? format(strings['ocr.found'] ?? '', { count: result.lines.length }) : strings['ocr.none'] ?? '');
    } catch (error) {
      say(format(strings['ocr.failed'] ?? '', { error: error instanceof Error ? error.message : String(error) }), true);
    }
  };

  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) void run(f);
  });
  for (const button of samples) {
    button.addEventListener('click', async () => {
      const response = await fetch(button.dataset.ocrSample!).catch(() => undefined);
      if (!response?.ok) return say(format(strings['ocr.downloadFailed'] ?? '', { error: button.dataset.ocrSample! }), true);
      void run(await response.blob());
    });
  }
  root.addEventListener('paste', (event) => {
    const item = [...(event.clipboardData?.items ?? [])].find((i) => i.type.startsWith('image/'));
    const blob = item?.getAsFile();
    if (blob) void run(blob);
  });
  root.addEventListener('dragover', (e) => e.preventDefault());
  root.addEventListener('drop', (event) => {
    event.preventDefault();
    const f = event.dataTransfer?.files?.[0];
    if (f) void run(f);
  });
  // For the tests and the benchmark.
  (window as unknown as { deepatlasOcr: unknown }).deepatlasOcr = { run, loadPipeline: (b: Backend) => loadPipeline(base, b), recognize };
}

/**
 * The text-recognition demo on the page: file, sample, paste and drop input, the boxes drawn on
 * the image, the lines with their confidence, timings and the backend used.
 */
import { backendName } from '../runtime/ort.ts';
import { DemoProgress } from '../runtime/progress.ts';
import { format } from '../runtime/strings.ts';
import { loadPipeline, recognize, type Backend, type Pipeline } from './inference.ts';

const MAX_PIXELS = 4096 * 4096;
const MAX_BYTES = 15 * 1024 * 1024;

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

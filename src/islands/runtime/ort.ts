/**
 * onnxruntime-web for the demos: WebGPU first, WASM second, every file served
 * by this site (/_astro/ for the runtime, /models/ for the OCR models). Single-threaded WASM, because static
 * hosts cannot send the COOP/COEP headers that threads need.
 */
import type * as Ort from 'onnxruntime-web';

export type Backend = 'webgpu' | 'wasm';
let ortPromise: Promise<typeof Ort> | undefined;

export function loadOrt(base: string): Promise<typeof Ort> {
  ortPromise ??= import('onnxruntime-web/webgpu').then((ort) => {
    // No wasmPaths: the WebGPU bundle finds its WebAssembly through new URL(..., import.meta.url),
    // which Vite emits as a hashed file of this site (one copy, served from /_astro/).
    void base;
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    return ort as unknown as typeof Ort;
  });
  return ortPromise;
}

/**
 * Whether this browser offers a WebGPU adapter, and if not, why. Some headless and
 * driver setups never settle requestAdapter(), so the answer is given up after 3 s.
 */
export async function webgpuStatus(): Promise<{ available: boolean; reason?: string }> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return { available: false, reason: 'no navigator.gpu' };
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 3000));
  try {
    const adapter = await Promise.race([gpu.requestAdapter(), timeout]);
    if (adapter === 'timeout') return { available: false, reason: 'the WebGPU adapter request did not answer' };
    return adapter ? { available: true } : { available: false, reason: 'no WebGPU adapter' };
  } catch (error) {
    return { available: false, reason: String(error) };
  }
}

/** Fetches a file with progress (bytes so far, total when the server says). */
export async function fetchWithProgress(url: string, onProgress: (loaded: number, total: number) => void): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length') ?? 0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(loaded, total);
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** A session on the preferred backend, falling back to WASM when WebGPU cannot run the model. */
export async function createSession(ort: typeof Ort, model: Uint8Array, preferred: Backend): Promise<{ session: Ort.InferenceSession; backend: Backend; fallbackReason?: string }> {
  if (preferred === 'webgpu') {
    const status = await webgpuStatus();
    if (status.available) {
      try {
        return { session: await ort.InferenceSession.create(model, { executionProviders: ['webgpu'] }), backend: 'webgpu' };
      } catch (error) {
        return { session: await ort.InferenceSession.create(model, { executionProviders: ['wasm'] }), backend: 'wasm', fallbackReason: String(error) };
      }
    }
    return { session: await ort.InferenceSession.create(model, { executionProviders: ['wasm'] }), backend: 'wasm', fallbackReason: status.reason ?? 'WebGPU unavailable' };
  }
  return { session: await ort.InferenceSession.create(model, { executionProviders: ['wasm'] }), backend: 'wasm' };
}

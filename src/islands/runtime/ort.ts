/**
 * onnxruntime-web for the demos: WebGPU first, WASM second, every file served
 * by this site (/_astro/ for the runtime, /models/ for the OCR models). Single-threaded WASM, because static
 * hosts cannot send the COOP/COEP headers that threads need.
 */
import type * as Ort from 'onnxruntime-web';
// The same file the WebGPU bundle would fetch by itself (Vite emits one hashed copy). We fetch it
// ourselves so the demos' progress bars count its ~27 MB instead of sitting at 100% while it loads.
import runtimeUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';

export type Backend = 'webgpu' | 'wasm';
/** Why a demo runs on WASM: a code the islands turn into a sentence from the strings tables. */
export type WebgpuFallback = 'no-api' | 'no-adapter' | 'timeout' | 'error' | 'session-failed';
/** "WebGPU", or "WASM（未使用 WebGPU：浏览器不支持 WebGPU）": the reason in the page's language. */
export function backendName(backend: Backend, fallback: WebgpuFallback | undefined, strings: Record<string, string>): string {
  if (backend === 'webgpu') return 'WebGPU';
  if (!fallback) return 'WASM';
  return (strings['demo.wasmBecause'] ?? '').replace('{reason}', strings[`demo.webgpu.${fallback}`] ?? fallback);
}

/** The runtime's size when the server sends no Content-Length (onnxruntime-web 1.30, asyncify build). */
export const RUNTIME_BYTES_ESTIMATE = 26_800_000;
let ortPromise: Promise<typeof Ort> | undefined;

export function loadOrt(base: string, onProgress: (loaded: number, total: number) => void = () => {}): Promise<typeof Ort> {
  ortPromise ??= Promise.all([import('onnxruntime-web/webgpu'), fetchWithProgress(runtimeUrl, onProgress)]).then(([ort, wasm]) => {
    void base;
    ort.env.wasm.wasmBinary = wasm;
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    return ort as unknown as typeof Ort;
  });
  ortPromise.catch(() => (ortPromise = undefined));
  return ortPromise;
}

/**
 * Whether this browser offers a WebGPU adapter, and if not, why. Some headless and
 * driver setups never settle requestAdapter(), so the answer is given up after 3 s.
 */
export async function webgpuStatus(): Promise<{ available: boolean; reason?: WebgpuFallback }> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return { available: false, reason: 'no-api' };
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 3000));
  try {
    const adapter = await Promise.race([gpu.requestAdapter(), timeout]);
    if (adapter === 'timeout') return { available: false, reason: 'timeout' };
    return adapter ? { available: true } : { available: false, reason: 'no-adapter' };
  } catch (error) {
    console.warn('WebGPU adapter request failed:', error);
    return { available: false, reason: 'error' };
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
export async function createSession(ort: typeof Ort, model: Uint8Array, preferred: Backend): Promise<{ session: Ort.InferenceSession; backend: Backend; fallbackReason?: WebgpuFallback }> {
  if (preferred === 'webgpu') {
    const status = await webgpuStatus();
    if (status.available) {
      try {
        return { session: await ort.InferenceSession.create(model, { executionProviders: ['webgpu'] }), backend: 'webgpu' };
      } catch (error) {
        console.warn('WebGPU session failed, falling back to WASM:', error);
        return { session: await ort.InferenceSession.create(model, { executionProviders: ['wasm'] }), backend: 'wasm', fallbackReason: 'session-failed' };
      }
    }
    return { session: await ort.InferenceSession.create(model, { executionProviders: ['wasm'] }), backend: 'wasm', fallbackReason: status.reason ?? 'no-adapter' };
  }
  return { session: await ort.InferenceSession.create(model, { executionProviders: ['wasm'] }), backend: 'wasm' };
}

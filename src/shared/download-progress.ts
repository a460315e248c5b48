/**
 * The demos' progress: every file a demo downloads (runtime included) counts, in bytes,
 * and the bar never shows 100% before the demo can run. Pure, so node:test covers it.
 */
export interface FileProgress {
  loaded: number;
  /** Bytes expected: the server's Content-Length, else the caller's estimate. */
  total: number;
}

export interface ProgressSnapshot {
  phase: 'downloading' | 'preparing' | 'ready';
  loaded: number;
  total: number;
  /** For the <progress> bar: below 1 until ready; undefined means indeterminate (preparing). */
  fraction: number | undefined;
}

/** The bar stops just short of full while bytes arrive: only `ready` fills it. */
const DOWNLOAD_CEILING = 0.99;

export function snapshot(files: Iterable<FileProgress>, phase: ProgressSnapshot['phase']): ProgressSnapshot {
  let loaded = 0;
  let total = 0;
  for (const f of files) {
    loaded += f.loaded;
    // A file larger than announced (compressed Content-Length, wrong estimate) must not push past its own total.
    total += Math.max(f.total, f.loaded);
  }
  const fraction = phase === 'ready' ? 1 : phase === 'preparing' ? undefined : total > 0 ? Math.min(DOWNLOAD_CEILING, loaded / total) : 0;
  return { phase, loaded, total, fraction };
}

/** Megabytes with one decimal, as the status line shows them. */
export function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toFixed(1);
}

/** Fills a template such as "正在下载：{loaded} / {total} MB（{percent}%）" from a snapshot. */
export function describe(s: ProgressSnapshot, templates: { downloading: string; preparing: string; ready: string }): string {
  if (s.phase !== 'downloading') return templates[s.phase];
  const percent = s.total > 0 ? Math.floor((Math.min(s.loaded, s.total) / s.total) * 100) : 0;
  return templates.downloading
    .replace('{loaded}', megabytes(s.loaded))
    .replace('{total}', megabytes(s.total))
    .replace('{percent}', String(Math.min(percent, 99)));
}

/** The strings every demo passes to its island: progress lines and the WASM fallback reasons. */
export const DEMO_STRING_KEYS = ['demo.downloading', 'demo.preparing', 'demo.wasmBecause', 'demo.webgpu.no-api', 'demo.webgpu.no-adapter', 'demo.webgpu.timeout', 'demo.webgpu.error', 'demo.webgpu.session-failed'] as const;

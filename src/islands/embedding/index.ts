/**
 * Embedding playground: the corpus model's ONNX graph on onnxruntime-web (WebGPU
 * first, WASM second), its tokenizer through @huggingface/tokenizers, mean pooling
 * and normalisation as transformers.js does them; the site's concept vectors for
 * nearest neighbours and a 2-D PCA map.
 */
import { Tokenizer } from '@huggingface/tokenizers';
import type * as Ort from 'onnxruntime-web';
import { dequantizeRows } from '../../shared/embed/quantize.ts';
import { MODELS_DIR, SEARCH_FILES, searchFileUrl, type SearchManifest, type SearchPage as Page } from '../../shared/search/contract.ts';
import { backendName, createSession, fetchWithProgress, loadOrt, RUNTIME_BYTES_ESTIMATE, type Backend, type WebgpuFallback } from '../runtime/ort.ts';
import { DemoProgress } from '../runtime/progress.ts';
import { placeLabels } from './labels.ts';

interface Model {
  ort: typeof Ort;
  session: Ort.InferenceSession;
  tokenizer: Tokenizer;
  backend: Backend;
  fallbackReason?: WebgpuFallback;
  concepts: Array<{ page: Page; vector: Float32Array }>;
}

/** The corpus model's ONNX size when the server sends no Content-Length. */
const MODEL_BYTES_ESTIMATE = 1_500_000;

async function loadModel(base: string, progress: DemoProgress): Promise<Model> {
  const runtime = progress.expect('runtime', RUNTIME_BYTES_ESTIMATE);
  const modelBytes = progress.expect('model', MODEL_BYTES_ESTIMATE);
  progress.start();
  const ortLoading = loadOrt(base, runtime);
  const json = async (name: string) => (await (await fetch(searchFileUrl(base, name))).json()) as unknown;
  const manifest = (await json(SEARCH_FILES.manifest)) as SearchManifest;
  const [onnx, tokenizerJson, tokenizerConfig, pages, vectors, scales] = await Promise.all([
    fetchWithProgress(searchFileUrl(base, `${MODELS_DIR}/${manifest.model}/onnx/model.onnx`), modelBytes),
    json(SEARCH_FILES.tokenizer),
    json(SEARCH_FILES.tokenizerConfig),
    json(SEARCH_FILES.pages) as Promise<Page[]>,
    fetch(searchFileUrl(base, SEARCH_FILES.vectors)).then((r) => r.arrayBuffer()),
    fetch(searchFileUrl(base, SEARCH_FILES.vectorScales)).then((r) => r.arrayBuffer()),
  ]);
  const ort = await ortLoading;
  progress.preparing();
  const { session, backend, fallbackReason } = await createSession(ort, onnx, 'webgpu');
  const dims = manifest.dims;
  const all = dequantizeRows(new Int8Array(vectors), new Float32Array(scales), dims);
  const concepts = pages.flatMap((page, i) => (page.kind === 'concept' ? [{ page, vector: all.slice(i * dims, (i + 1) * dims) }] : []));
  const tokenizer = new Tokenizer(tokenizerJson as never, tokenizerConfig as never);
  progress.ready();
  return { ort, session, tokenizer, backend, ...(fallbackReason ? { fallbackReason } : {}), concepts };
}

/** Mean-pooled, normalised vectors: the model's token rows averaged over the attention mask. */
export async function embed(model: Model, texts: string[]): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (const text of texts) {
    const ids = model.tokenizer.encode(text, { add_special_tokens: false }).ids;
    if (ids.length === 0) ids.push(1);
    const input = new model.ort.Tensor('int64', BigInt64Array.from(ids, (i) => BigInt(i)), [1, ids.length]);
    const mask = new model.ort.Tensor('int64', BigInt64Array.from(ids, () => 1n), [1, ids.length]);
    const result = await model.session.run({ input_ids: input, attention_mask: mask });
    const hidden = result.last_hidden_state!;
    const dims = hidden.dims[2]!;
    const data = hidden.data as Float32Array;
    const v = new Float32Array(dims);
    for (let t = 0; t < ids.length; t++) for (let c = 0; c < dims; c++) v[c]! += data[t * dims + c]! / ids.length;
    const norm = Math.hypot(...v);
    out.push(norm > 0 ? v.map((x) => x / norm) : v);
  }
  return out;
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

/** The two leading principal axes of a set of vectors (power iteration with deflation). */
function pca2(vectors: Float32Array[]): { mean: Float32Array; axes: [Float32Array, Float32Array] } {
  const dims = vectors[0]!.length;
  const mean = new Float32Array(dims);
  for (const v of vectors) for (let c = 0; c < dims; c++) mean[c]! += v[c]! / vectors.length;
  const centred = vectors.map((v) => v.map((x, c) => x - mean[c]!));
  const axes: Float32Array[] = [];
  for (let k = 0; k < 2; k++) {
    let axis = Float32Array.from({ length: dims }, (_, c) => ((c * 7919 + k * 104729) % 17) - 8);
    for (let it = 0; it < 100; it++) {
      const next = new Float32Array(dims);
      for (const v of centred) {
        const p = dot(v, axis);
        for (let c = 0; c < dims; c++) next[c]! += p * v[c]!;
      }
      for (const prev of axes) {
        const p = dot(next, prev);
        for (let c = 0; c < dims; c++) next[c]! -= p * prev[c]!;
      }
      const norm = Math.hypot(...next) || 1;
      axis = next.map((x) => x / norm);
    }
    axes.push(axis);
  }
  return { mean, axes: axes as [Float32Array, Float32Array] };
}

export function mount(root: HTMLElement) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = 'true';
  const base = root.dataset.base ?? '/';
  const lang = root.dataset.lang ?? 'en';
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  const q = <T extends Element>(sel: string) => root.querySelector<T>(sel)!;
  const input = q<HTMLTextAreaElement>('[data-play-input]');
  const progress = q<HTMLProgressElement>('[data-play-progress]');
  const status = q<HTMLElement>('[data-play-status]');
  const backend = q<HTMLElement>('[data-play-backend]');
  const lineSelect = q<HTMLSelectElement>('[data-play-line]');
  let model: Promise<Model> | undefined;

  const run = async () => {
    const texts = input.value.split('\n').map((s) => s.trim()).filter(Boolean).slice(0, 8);
    if (!texts.length) return;
    model ??= loadModel(base, new DemoProgress(progress, status, strings));
    let m: Model;
    try {
      m = await model;
    } catch (error) {
      model = undefined;
      status.textContent = (strings['play.downloadFailed'] ?? '').replace('{error}', error instanceof Error ? error.message : String(error));
      return;
    } finally {
      progress.hidden = true;
    }
    backend.textContent = backendName(m.backend, m.fallbackReason, strings);
    backend.dataset.backend = m.backend;
    const started = performance.now();
    const vectors = await embed(m, texts);
    status.textContent = (strings['play.timing'] ?? '').replace('{ms}', ((performance.now() - started) / texts.length).toFixed(1));

    const table = document.createElement('table');
    table.innerHTML = '<caption></caption>';
    table.caption!.textContent = strings['play.matrix'] ?? '';
    const head = table.insertRow();
    head.append(document.createElement('th'), ...texts.map((t) => Object.assign(document.createElement('th'), { textContent: t })));
    vectors.forEach((a, i) => {
      const row = table.insertRow();
      row.append(Object.assign(document.createElement('th'), { textContent: texts[i]! }));
      vectors.forEach((b) => (row.insertCell().textContent = dot(a, b).toFixed(2)));
    });
    q<HTMLElement>('[data-play-matrix]').replaceChildren(table);

    const own = m.concepts.filter((c) => c.page.lang === lang);
    // The nearest concepts of one line at a time, the line named in the picker above the list.
    const renderNearest = (line: number) => {
      const nearest = own.map((c) => ({ c, score: dot(vectors[line]!, c.vector) })).sort((a, b) => b.score - a.score).slice(0, 6);
      q<HTMLElement>('[data-play-nearest]').replaceChildren(...nearest.map(({ c, score }) => {
        const li = document.createElement('li');
        const a = Object.assign(document.createElement('a'), { href: c.page.url, textContent: c.page.title });
        li.append(a, ` (${score.toFixed(2)})`);
        li.dataset.key = c.page.key;
        return li;
      }));
    };
    lineSelect.replaceChildren(...texts.map((text, i) => Object.assign(document.createElement('option'), { value: String(i), textContent: text })));
    lineSelect.onchange = () => renderNearest(Number(lineSelect.value));
    lineSelect.closest<HTMLElement>('[data-play-line-picker]')!.hidden = false;
    renderNearest(0);

    const { mean, axes } = pca2(own.map((c) => c.vector));
    const project = (v: Float32Array) => axes.map((axis) => dot(v.map((x, c) => x - mean[c]!), axis)) as [number, number];
    // The reader's lines first, so theirs are the labels that always get a place.
    const points = vectors.map((v, i) => ({ label: texts[i]!, xy: project(v), typed: true })).concat(own.map((c) => ({ label: c.page.title, xy: project(c.vector), typed: false })));
    const xs = points.map((p) => p.xy[0]);
    const ys = points.map((p) => p.xy[1]);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const [W, H] = [500, 340];
    const sx = (x: number) => 20 + ((x - minX) / (maxX - minX || 1)) * (W - 40);
    const sy = (y: number) => 20 + ((y - minY) / (maxY - minY || 1)) * (H - 40);
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', strings['play.map'] ?? '');
    const dots = points.map((p) => ({ x: sx(p.xy[0]), y: sy(p.xy[1]), r: p.typed ? 4 : 2.5 }));
    const placed = placeLabels(points.map((p, i) => ({ x: dots[i]!.x, y: dots[i]!.y, text: p.label, fontSize: p.typed ? 11 : 9 })), W, H, dots);
    points.forEach((p, i) => {
      const dotEl = document.createElementNS(ns, 'circle');
      dotEl.setAttribute('cx', String(dots[i]!.x));
      dotEl.setAttribute('cy', String(dots[i]!.y));
      dotEl.setAttribute('r', String(dots[i]!.r));
      dotEl.setAttribute('class', p.typed ? 'typed' : 'concept');
      // Every dot names itself on hover, labelled or not.
      dotEl.append(Object.assign(document.createElementNS(ns, 'title'), { textContent: p.label }));
      svg.append(dotEl);
      const spot = placed[i];
      if (!spot) return;
      const label = document.createElementNS(ns, 'text');
      label.setAttribute('x', String(spot.x));
      label.setAttribute('y', String(spot.y));
      label.setAttribute('text-anchor', spot.anchor);
      if (p.typed) label.setAttribute('class', 'typed');
      label.textContent = p.label;
      svg.append(label);
    });
    q<HTMLElement>('[data-play-map]').replaceChildren(svg);
  };
  q<HTMLButtonElement>('[data-play-run]').addEventListener('click', () => void run());
}

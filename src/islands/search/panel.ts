/**
 * Search: Pagefind's keyword results (through its modular UI) and the semantic results of the site's own
 * embedding model, merged by reciprocal-rank fusion. The semantic side runs the
 * corpus model's TypeScript fast path (same vectors as transformers.js, tested),
 * so a first semantic query downloads a few hundred KB, all from this site.
 */
import { FilterPills, Input, Instance } from '@pagefind/modular-ui';
import { CorpusEmbedder } from '../../shared/embed/fast-path.ts';
import { reciprocalRankFusion } from '../../shared/fusion.ts';
import { entityKeyFromUrl } from '../../shared/urls.ts';
import { webgpuStatus } from '../runtime/ort.ts';

type Mode = 'keyword' | 'semantic' | 'fused';

interface PagefindData {
  url: string;
  excerpt: string;
  meta: { title?: string; type?: string };
}
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string, o?: Record<string, unknown>): Promise<{ results: Array<{ data(): Promise<PagefindData> }> } | null>;
}
interface SearchPage {
  key: string;
  lang: string;
  url: string;
  title: string;
  kind: string;
}
interface Manifest {
  model: string;
  runtime: string;
  dims: number;
  files: Record<string, number>;
  queryPrefix: string;
}

export interface SearchHit {
  key: string;
  url: string;
  title: string;
  kind: string;
  /** Pagefind's excerpt with <mark>ed words, when keyword search matched. */
  excerpt?: string;
  /** Cosine similarity, when semantic search matched. */
  similarity?: number;
}

let pagefindPromise: Promise<PagefindApi> | undefined;
function loadPagefind(base: string): Promise<PagefindApi> {
  pagefindPromise ??= (import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<PagefindApi>).then(async (api) => {
    await api.options({ excerptLength: 24 });
    return api;
  });
  return pagefindPromise;
}

/** Turns a query into a vector: the corpus model's fast path, or transformers.js. */
interface QueryEmbedder {
  embed(text: string): Promise<Float32Array>;
  /** 'typescript', 'webgpu' or 'wasm': what the UI reports. */
  backend: string;
}

async function fastPathEmbedder(get: (name: string) => Promise<ArrayBuffer>): Promise<QueryEmbedder> {
  const decode = (b: ArrayBuffer) => JSON.parse(new TextDecoder().decode(b)) as unknown;
  const [tokenizer, config, table, scales] = await Promise.all([get('model/tokenizer.json'), get('model/tokenizer_config.json'), get('model/table.int8'), get('model/table.scales.f32')]);
  const embedder = new CorpusEmbedder({ tokenizerJson: decode(tokenizer), tokenizerConfig: decode(config), table: new Int8Array(table), scales: new Float32Array(scales) });
  return { embed: async (text) => embedder.embed(text), backend: 'typescript' };
}

/** Pretrained models (and the corpus model on request) through transformers.js, WebGPU first. */
async function transformersEmbedder(base: string, model: string): Promise<QueryEmbedder> {
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${base}search/models/`;
  const wasm = env.backends.onnx.wasm as { wasmPaths?: unknown; numThreads?: number } | undefined;
  if (wasm) {
    // transformers.js points onnxruntime-web at a CDN; the site serves the runtime itself
    // (the bundler emits it next to the code), and static hosts cannot enable threads.
    delete wasm.wasmPaths;
    wasm.numThreads = 1;
  }
  const device = (await webgpuStatus()).available ? 'webgpu' : 'wasm';
  const extractor = await pipeline('feature-extraction', model, { device, dtype: 'fp32' });
  return {
    backend: device,
    embed: async (text) => {
      const out = await extractor([text], { pooling: 'mean', normalize: true });
      const v = Float32Array.from(out.data as Float32Array);
      return v.some(Number.isNaN) ? new Float32Array(v.length) : v;
    },
  };
}

class SemanticIndex {
  readonly embedder: QueryEmbedder;
  readonly pages: SearchPage[];
  readonly vectors: Float32Array;
  readonly manifest: Manifest;
  readonly bytes: number;

  constructor(embedder: QueryEmbedder, pages: SearchPage[], vectors: Float32Array, manifest: Manifest, bytes: number) {
    this.embedder = embedder;
    this.pages = pages;
    this.vectors = vectors;
    this.manifest = manifest;
    this.bytes = bytes;
  }

  static async load(base: string, onProgress: (fraction: number) => void, runtime?: string): Promise<SemanticIndex> {
    const manifest = (await (await fetch(`${base}search/manifest.json`)).json()) as Manifest;
    const total = Object.values(manifest.files).reduce((a, b) => a + b, 0);
    let loaded = 0;
    const get = async (name: string) => {
      const buffer = await (await fetch(`${base}search/${name}`)).arrayBuffer();
      loaded += buffer.byteLength;
      onProgress(Math.min(1, loaded / total));
      return buffer;
    };
    const useTransformers = runtime === 'transformers' || manifest.runtime !== 'corpus-fast-path';
    const [embedder, pages, vectors, vectorScales] = await Promise.all([
      useTransformers ? transformersEmbedder(base, manifest.model) : fastPathEmbedder(get),
      get('pages.json'), get('vectors.int8'), get('vectors.scales.f32'),
    ]);
    const q = new Int8Array(vectors);
    const s = new Float32Array(vectorScales);
    const dequantized = Float32Array.from(q, (v, i) => v * s[Math.floor(i / manifest.dims)]!);
    const decodedPages = JSON.parse(new TextDecoder().decode(pages)) as SearchPage[];
    return new SemanticIndex(embedder, decodedPages, dequantized, manifest, loaded);
  }

  /** Pages by similarity, one per entity, in the UI language where it exists. */
  async search(query: string, lang: string, limit = 10): Promise<SearchHit[]> {
    const v = await this.embedder.embed(this.manifest.queryPrefix + query);
    if (v.every((x) => x === 0)) return [];
    const dims = this.manifest.dims;
    const best = new Map<string, { score: number; page: SearchPage }>();
    this.pages.forEach((page, i) => {
      let score = 0;
      for (let c = 0; c < dims; c++) score += v[c]! * this.vectors[i * dims + c]!;
      const current = best.get(page.key);
      if (!current || score > current.score) best.set(page.key, { score, page: current && current.page.lang === lang ? current.page : page });
      else if (page.lang === lang) current.page = page;
    });
    return [...best.values()]
      .sort((a, b) => b.score - a.score)
      .slice(0, limit)
      .map(({ score, page }) => ({ key: page.key, url: page.url, title: page.title, kind: page.kind, similarity: score }));
  }
}

export class SearchEngine {
  private semantic?: Promise<SemanticIndex>;
  readonly base: string;
  readonly lang: string;

  constructor(base: string, lang: string) {
    this.base = base;
    this.lang = lang;
  }

  loadSemantic(onProgress: (f: number) => void = () => {}): Promise<SemanticIndex> {
    // ?semantic=transformers runs the model through transformers.js even when a fast path exists.
    this.semantic ??= SemanticIndex.load(this.base, onProgress, new URLSearchParams(window.location.search).get('semantic') ?? undefined);
    return this.semantic;
  }

  /** The top Pagefind results as hits (Pagefind loads each result's data on demand). */
  async hydrate(results: Array<{ data(): Promise<PagefindData> }>): Promise<SearchHit[]> {
    const data = await Promise.all(results.slice(0, 10).map((r) => r.data()));
    return data.flatMap((d) => {
      const key = entityKeyFromUrl(d.url, this.base);
      return key ? [{ key, url: d.url, title: d.meta.title ?? d.url, kind: key.split(':')[0]!, excerpt: d.excerpt }] : [];
    });
  }

  async keyword(query: string, types: string[] = []): Promise<SearchHit[]> {
    const pagefind = await loadPagefind(this.base);
    const response = await pagefind.search(query, types.length ? { filters: { type: types } } : {});
    return this.hydrate(response?.results ?? []);
  }

  async run(query: string, mode: Mode, types: string[] = []): Promise<SearchHit[]> {
    const keyword = mode === 'semantic' ? [] : await this.keyword(query, types);
    return this.combine(keyword, query, mode, types);
  }

  /** Keyword hits as they are, semantic hits alone, or both fused. */
  async combine(keyword: SearchHit[], query: string, mode: Mode, types: string[] = []): Promise<SearchHit[]> {
    if (mode === 'keyword') return keyword;
    const semantic = (await (await this.loadSemantic()).search(query, this.lang)).filter((h) => !types.length || types.some((t) => typeLabelMatches(h.kind, t)));
    if (mode === 'semantic') return semantic;
    return reciprocalRankFusion(keyword.map((h) => ({ key: h.key, item: h })), semantic.map((h) => ({ key: h.key, item: h }))).slice(0, 10).map((f) => {
      const shown = f.keyword ?? f.semantic!;
      return { ...shown, ...(f.keyword?.excerpt ? { excerpt: f.keyword.excerpt } : {}), ...(f.semantic ? { similarity: f.semantic.similarity } : {}) };
    });
  }
}

// The type filter holds the label Pagefind indexed ("概念", "Paper", ...); the kind labels come with the panel.
let kindLabels: Record<string, string> = {};
function typeLabelMatches(kind: string, label: string): boolean {
  return kindLabels[`kind.${kind}`] === label;
}

function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

export function mountSearch(panel: HTMLElement) {
  if (panel.dataset.mounted) return;
  panel.dataset.mounted = 'true';
  const strings = JSON.parse(panel.dataset.strings ?? '{}') as Record<string, string>;
  kindLabels = strings;
  const lang = panel.dataset.lang ?? 'en';
  const engine = new SearchEngine(panel.dataset.base ?? '/', lang);
  const input = panel.querySelector<HTMLInputElement>('[data-search-input]')!;
  const semanticToggle = panel.querySelector<HTMLInputElement>('[data-search-semantic]')!;
  const list = panel.querySelector<HTMLOListElement>('[data-search-results]')!;
  const status = panel.querySelector<HTMLElement>('[data-search-status]')!;
  const empty = panel.querySelector<HTMLElement>('[data-search-empty]')!;
  const backend = panel.querySelector<HTMLElement>('[data-search-backend]')!;
  const progress = panel.querySelector<HTMLProgressElement>('[data-search-progress]')!;
  let active = -1;
  let generation = 0;

  const startSemantic = () => {
    progress.hidden = false;
    backend.textContent = strings['search.loading'] ?? '';
    engine
      .loadSemantic((f) => (progress.value = f))
      .then((index) => {
        progress.hidden = true;
        const name = index.embedder.backend === 'typescript' ? strings['search.backendFast'] ?? '' : `transformers.js (${index.embedder.backend === 'webgpu' ? 'WebGPU' : 'WASM'})`;
        backend.textContent = format(strings['search.backend'] ?? '', { backend: name, kb: Math.round(index.bytes / 1024) });
        backend.dataset.backend = index.embedder.backend;
      })
      .catch((error: unknown) => {
        progress.hidden = true;
        semanticToggle.checked = false;
        backend.textContent = format(strings['search.failed'] ?? '', { error: error instanceof Error ? error.message : String(error) });
      });
  };

  const setActive = (index: number) => {
    const options = [...list.querySelectorAll<HTMLElement>('[role="option"]')];
    active = options.length ? (index + options.length) % options.length : -1;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    const current = options[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const render = (hits: SearchHit[], query: string) => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const li = document.createElement('li');
        li.id = `${list.id}-${i}`;
        li.setAttribute('role', 'option');
        li.dataset.key = hit.key;
        li.dataset.href = hit.url;
        // An option holds no link of its own (a control inside a control confuses screen
        // readers); choosing the option, by click or Enter, opens the page.
        const title = document.createElement('span');
        title.className = 'search-hit-title';
        title.textContent = hit.title;
        const kind = document.createElement('span');
        kind.className = 'tag';
        kind.textContent = strings[`kind.${hit.kind}`] ?? hit.kind;
        const why = document.createElement('p');
        why.className = 'search-why';
        // Pagefind builds excerpts from our own escaped HTML and adds only <mark>.
        if (hit.excerpt) why.innerHTML = hit.excerpt;
        else if (hit.similarity !== undefined) why.textContent = format(strings['search.similar'] ?? '', { score: hit.similarity.toFixed(2) });
        li.append(title, ' ', kind, why);
        li.addEventListener('click', () => window.location.assign(hit.url));
        return li;
      }),
    );
    empty.hidden = hits.length > 0 || !query;
    empty.textContent = format(strings['search.none'] ?? '', { query });
    status.textContent = query ? (hits.length ? format(strings['search.results'] ?? '', { count: hits.length }) : empty.textContent) : '';
    input.setAttribute('aria-expanded', String(hits.length > 0));
    setActive(hits.length ? 0 : -1);
  };

  // Pagefind's modular UI drives the keyword side: its Input debounces the query box,
  // its FilterPills offer the type filter, and every result set it reports is fused
  // with the semantic results before we render it.
  const instance = new Instance({ bundlePath: `${engine.base}pagefind/`, excerptLength: 24 });
  instance.add(new Input({ inputElement: `#${input.id}`, debounceTimeoutMs: 120 }));
  for (const container of panel.querySelectorAll<HTMLElement>('[data-search-filters]')) {
    instance.add(new FilterPills({ containerElement: `#${container.id}`, filter: container.dataset.filter ?? 'type', alwaysShow: container.dataset.filter === 'type' }));
  }
  const update = async (results: Array<{ data(): Promise<PagefindData> }>) => {
    const query = instance.searchTerm.trim();
    const mine = ++generation;
    if (!query) return render([], '');
    if (semanticToggle.checked && !progress.dataset.started) {
      progress.dataset.started = 'true';
      startSemantic();
    }
    const types = instance.searchFilters.type ?? [];
    const keyword = await engine.hydrate(results);
    const hits = await engine.combine(keyword, query, semanticToggle.checked ? 'fused' : 'keyword', types).catch(() => keyword);
    if (mine === generation) render(hits, query);
  };
  instance.on('results', (response) => void update(response.results ?? []));
  semanticToggle.addEventListener('change', () => instance.triggerSearch(input.value));

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive(active + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(active - 1);
    } else if (event.key === 'Enter') {
      const option = list.querySelectorAll<HTMLElement>('[role="option"]')[Math.max(active, 0)];
      if (option?.dataset.href) {
        event.preventDefault();
        window.location.assign(option.dataset.href);
      }
    }
  });
  const initial = new URLSearchParams(window.location.search).get('q');
  if (initial && panel.closest('[data-search-page]')) input.value = initial;
  // The reader may have typed while this module was loading. Search once the filter pills
  // have registered, or their first filter update would supersede this search.
  if (input.value.trim()) setTimeout(() => instance.triggerSearch(input.value), 150);
  // For the evaluation script (npm run eval:search) and the tests.
  (window as unknown as { deepatlasSearch: SearchEngine }).deepatlasSearch = engine;
}

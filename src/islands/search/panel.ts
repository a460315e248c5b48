/**
 * Search panel UI: Pagefind's modular UI drives the query box and the filter pills;
 * every result set it reports goes through the engine (keyword hits fused with the
 * site's own semantic model, src/shared/search/) and into the results list. The
 * semantic side runs the corpus model's TypeScript fast path, so a first semantic
 * query downloads a few hundred KB, all from this site.
 */
import { FilterPills, Input, Instance } from '@pagefind/modular-ui';
import { SearchEngine } from './engine.ts';
import type { PagefindResult } from './pagefind.ts';
import { ResultsList } from './results-list.ts';
import { format, kindLabelsOf, type Strings } from './strings.ts';

export function mountSearch(panel: HTMLElement) {
  if (panel.dataset.mounted) return;
  panel.dataset.mounted = 'true';
  const strings = JSON.parse(panel.dataset.strings ?? '{}') as Strings;
  const lang = panel.dataset.lang ?? 'en';
  const engine = new SearchEngine(panel.dataset.base ?? '/', lang, kindLabelsOf(strings), new URLSearchParams(window.location.search).get('semantic') ?? undefined);
  const input = panel.querySelector<HTMLInputElement>('[data-search-input]')!;
  const semanticToggle = panel.querySelector<HTMLInputElement>('[data-search-semantic]')!;
  const status = panel.querySelector<HTMLElement>('[data-search-status]')!;
  const empty = panel.querySelector<HTMLElement>('[data-search-empty]')!;
  const backend = panel.querySelector<HTMLElement>('[data-search-backend]')!;
  const progress = panel.querySelector<HTMLProgressElement>('[data-search-progress]')!;
  const results = new ResultsList(panel.querySelector<HTMLOListElement>('[data-search-results]')!, input, strings);
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

  const show = (hits: Parameters<ResultsList['render']>[0], query: string) => {
    results.render(hits);
    empty.hidden = hits.length > 0 || !query;
    empty.textContent = format(strings['search.none'] ?? '', { query });
    status.textContent = query ? (hits.length ? format(strings['search.results'] ?? '', { count: hits.length }) : empty.textContent) : '';
  };

  // Pagefind's modular UI drives the keyword side: its Input debounces the query box,
  // its FilterPills offer the type filter, and every result set it reports is fused
  // with the semantic results before we render it.
  const instance = new Instance({ bundlePath: `${engine.base}pagefind/`, excerptLength: 24 });
  instance.add(new Input({ inputElement: `#${input.id}`, debounceTimeoutMs: 120 }));
  for (const container of panel.querySelectorAll<HTMLElement>('[data-search-filters]')) {
    instance.add(new FilterPills({ containerElement: `#${container.id}`, filter: container.dataset.filter ?? 'type', alwaysShow: container.dataset.filter === 'type' }));
  }
  const update = async (found: PagefindResult[]) => {
    const query = instance.searchTerm.trim();
    const mine = ++generation;
    if (!query) return show([], '');
    if (semanticToggle.checked && !progress.dataset.started) {
      progress.dataset.started = 'true';
      startSemantic();
    }
    // The engine runs Pagefind itself on the understood query (question words and kind words
    // removed), with the same filters the pills set; the modular UI's own results are the fallback.
    const filters = instance.searchFilters as Record<string, string[]>;
    const hits = await engine.run(query, semanticToggle.checked ? 'fused' : 'keyword', [], filters).catch(() => engine.hydrate(found));
    if (mine === generation) show(hits, query);
  };
  instance.on('results', (response) => void update(response.results ?? []));
  semanticToggle.addEventListener('change', () => instance.triggerSearch(input.value));

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      results.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      const link = results.activeLink();
      if (link) {
        event.preventDefault();
        window.location.assign(link.href);
      }
    }
  });
  const initial = new URLSearchParams(window.location.search).get('q');
  if (initial && panel.closest('[data-search-page]')) input.value = initial;
  // The reader may have typed while this module was loading. Search once the filter pills
  // have registered, or their first filter update would supersede this search.
  if (input.value.trim()) setTimeout(() => instance.triggerSearch(input.value), 150);
  // For the evaluation script (npm run eval:search), the benchmark and the tests.
  window.deepatlasSearch = engine;
}

/**
 * Search panel UI: Pagefind's modular UI drives the query box and the filter pills;
 * every result set it reports goes through the engine (keyword hits fused with the
 * site's own semantic model, src/shared/search/) and into the results list. The
 * semantic side runs the corpus model's TypeScript fast path, so a first semantic
 * query downloads a few hundred KB, all from this site.
 */
import { Input, Instance } from '@pagefind/modular-ui';
import { SearchEngine } from './engine.ts';
import { understand } from '../../shared/search/understand.ts';
import { facetCounts, filtersFromParams, filtersToParams, type Filters } from './facets.ts';
import { loadPagefind, type PagefindResult } from './pagefind.ts';
import { FacetPills } from './pills.ts';
import { ResultsList } from './results-list.ts';
import { renderSuggestions } from './suggestions.ts';
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
  const suggestions = panel.querySelector<HTMLElement>('[data-search-suggest]');
  const onPage = Boolean(panel.closest('[data-search-page]'));
  // The search page's filter panel: open beside the results on a wide screen, one line on a phone.
  const more = panel.querySelector<HTMLDetailsElement>('[data-search-more]');
  if (more && window.matchMedia('(min-width: 60rem)').matches) more.open = true;
  const results = new ResultsList(panel.querySelector<HTMLOListElement>('[data-search-results]')!, input, strings);
  let generation = 0;
  // Ten results at first; "show more" adds ten (the whole list stays reachable).
  const PAGE = 10;
  let limit = PAGE;
  /** What the list shows now: "show more" appends below it instead of reshuffling it. */
  let shown: Parameters<ResultsList['render']>[0] = [];
  let appending = false;
  const moreButton = panel.querySelector<HTMLButtonElement>('[data-search-more-results]');

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
    const keys = new Set(shown.map((h) => h.key));
    const list = appending ? [...shown, ...hits.filter((h) => !keys.has(h.key))].slice(0, limit) : hits;
    results.render(list, appending);
    appending = false;
    shown = list;
    if (moreButton) moreButton.hidden = hits.length < limit;
    empty.hidden = hits.length > 0 || !query;
    empty.textContent = format(strings['search.none'] ?? '', { query });
    status.textContent = query ? (hits.length ? format(strings['search.results'] ?? '', { count: hits.length }) : empty.textContent) : '';
    if (suggestions) {
      suggestions.hidden = true;
      if (query && !hits.length) void engine.loadNames().catch(() => undefined).then((names) => renderSuggestions(suggestions, names, query, lang, engine.base, strings));
    }
    if (onPage) keepInUrl(query);
  };

  // The query and the filters live in the URL (a reload, a shared link or back/forward repeats
  // the search); the language switch carries the query to the other language's search page
  // (filter values are labels of this language).
  const keepInUrl = (query: string, push = false) => {
    const url = new URL(window.location.href);
    url.search = filtersToParams(url.searchParams, facets, instance.searchFilters as Filters).toString();
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    if (url.href === window.location.href) return;
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(window.history.state, '', url);
    const other = document.querySelector<HTMLAnchorElement>('[data-testid="lang-switch"]');
    if (other) {
      const target = new URL(other.href, window.location.href);
      if (query) target.searchParams.set('q', query);
      else target.searchParams.delete('q');
      other.href = target.pathname + target.search;
    }
  };

  // Pagefind's modular UI drives the keyword side: its Input debounces the query box,
  // its FilterPills offer the type filter, and every result set it reports is fused
  // with the semantic results before we render it.
  const instance = new Instance({ bundlePath: `${engine.base}pagefind/`, excerptLength: 24 });
  instance.add(new Input({ inputElement: `#${input.id}`, debounceTimeoutMs: 120 }));
  // The filter pills count each facet under the other facets' filters (faceted search); a
  // click filters the results and, on the search page, adds a history entry.
  const onFilter = (filter: string, values: string[]) => {
    instance.triggerFilter(filter, values);
    if (onPage) keepInUrl(instance.searchTerm.trim(), true);
  };
  const pills = [...panel.querySelectorAll<HTMLElement>('[data-search-filters]')].map((container) => {
    const filter = container.dataset.filter ?? 'type';
    return new FacetPills(container, filter, strings[filter === 'type' ? 'search.all' : 'search.allValues'] ?? '', filter === 'type', onFilter);
  });
  const facets = pills.map((p) => p.filter);
  /** Pagefind's counts for the keywords the engine searches with (the whole site when there are none). */
  const updateCounts = async (query: string, filters: Filters, mine: number) => {
    const pagefind = await loadPagefind(engine.base);
    const keywords = query ? understand(query).keywords.trim() : '';
    const counts = await facetCounts(facets, filters, async (f) => {
      const response = await pagefind.search(keywords || (null as unknown as string), { filters: f });
      return { count: response?.results.length ?? 0, filters: (response as { filters?: Record<string, Record<string, number>> } | null)?.filters ?? {} };
    });
    if (mine === generation) for (const p of pills) if (counts[p.filter]) p.show(counts[p.filter]!);
  };
  const applyFilters = (filters: Filters) => {
    for (const p of pills) p.selected = filters[p.filter] ?? [];
    instance.searchFilters = { ...filters };
  };
  // The model downloads while Pagefind searches: start it with the first typed character.
  const startSemanticOnce = () => {
    if (!semanticToggle.checked || progress.dataset.started || !input.value.trim()) return;
    progress.dataset.started = 'true';
    startSemantic();
  };
  input.addEventListener('input', startSemanticOnce);
  const update = async (found: PagefindResult[]) => {
    const query = instance.searchTerm.trim();
    const mine = ++generation;
    void updateCounts(query, instance.searchFilters as Filters, mine).catch(() => undefined);
    if (!query) return show([], '');
    startSemanticOnce();
    // The engine runs Pagefind itself on the understood query (question words and kind words
    // removed), with the same filters the pills set; the modular UI's own results are the fallback.
    const filters = instance.searchFilters as Record<string, string[]>;
    const hits = await engine.run(query, semanticToggle.checked ? 'fused' : 'keyword', [], filters, limit).catch(() => engine.hydrate(found));
    if (mine === generation) show(hits, query);
  };
  let lastFound: PagefindResult[] = [];
  let lastQuery = '';
  instance.on('results', (response) => {
    lastFound = response.results ?? [];
    // A new query starts at the first ten again; a filter change keeps what the reader opened.
    if (instance.searchTerm.trim() !== lastQuery) limit = PAGE;
    lastQuery = instance.searchTerm.trim();
    void update(lastFound);
  });
  moreButton?.addEventListener('click', () => {
    limit += PAGE;
    appending = true;
    void update(lastFound);
  });
  semanticToggle.addEventListener('change', () => instance.triggerSearch(input.value));

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      results.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      const href = results.activeHref();
      if (href) {
        event.preventDefault();
        window.location.assign(href);
      }
    }
  });
  const params = new URLSearchParams(window.location.search);
  const initial = params.get('q');
  if (onPage) {
    if (initial) input.value = initial;
    applyFilters(filtersFromParams(params, facets));
    // Back and forward restore the query and the filters of that entry.
    window.addEventListener('popstate', () => {
      const now = new URLSearchParams(window.location.search);
      input.value = now.get('q') ?? '';
      applyFilters(filtersFromParams(now, facets));
      instance.triggerSearchWithFilters(input.value, instance.searchFilters);
    });
  }
  // Counts before the first query: the whole site.
  if (!input.value.trim()) void updateCounts('', instance.searchFilters as Filters, generation).catch(() => undefined);
  // The reader may have typed while this module was loading. Search once the filter pills
  // have registered, or their first filter update would supersede this search.
  if (input.value.trim()) {
    startSemanticOnce();
    setTimeout(() => instance.triggerSearch(input.value), 150);
  }
  // For the evaluation script (npm run eval:search), the benchmark and the tests.
  window.deepatlasSearch = engine;
}

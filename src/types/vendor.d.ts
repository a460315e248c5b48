// Type declarations for packages that ship none.
// citation-js 0.8 ships no type declarations; these cover the parts DeepAtlas calls.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chain(data: unknown, options?: { forceType?: string; target?: string; generateGraph?: boolean }): unknown;
    };
    config: { get(name: string): unknown };
  };
  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    data: Array<Record<string, unknown>>;
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';

// @pagefind/modular-ui ships no type declarations; these cover the parts the search island uses.
declare module '@pagefind/modular-ui' {
  export interface PagefindResult {
    id: string;
    data(): Promise<{ url: string; excerpt: string; meta: { title?: string; type?: string } }>;
  }
  export class Instance {
    constructor(options?: { bundlePath?: string; [option: string]: unknown });
    searchTerm: string;
    searchFilters: Record<string, string[]>;
    add(component: unknown): void;
    on(event: 'search', callback: (term: string, filters: Record<string, string[]>) => void): void;
    on(event: 'results', callback: (results: { results: PagefindResult[] }) => void): void;
    on(event: 'loading', callback: () => void): void;
    triggerSearch(term: string): void;
    triggerFilter(filter: string, values: string[]): void;
    triggerSearchWithFilters(term: string, filters: Record<string, string[]>): void;
  }
  export class Input {
    constructor(options: { inputElement?: string; containerElement?: string; debounceTimeoutMs?: number });
  }
}

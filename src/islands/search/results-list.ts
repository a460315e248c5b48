/** The results listbox: renders hits and moves the active option (arrow keys, Enter). */
import type { SearchHit } from '../../shared/search/contract.ts';
import { tidyExcerpt } from './excerpt.ts';
import { format, type Strings } from './strings.ts';

export class ResultsList {
  private active = -1;
  private readonly list: HTMLOListElement;
  private readonly input: HTMLInputElement;
  private readonly strings: Strings;

  constructor(list: HTMLOListElement, input: HTMLInputElement, strings: Strings) {
    this.list = list;
    this.input = input;
    this.strings = strings;
  }

  private options(): HTMLElement[] {
    return [...this.list.querySelectorAll<HTMLElement>('[role="option"]')];
  }

  setActive(index: number) {
    const options = this.options();
    this.active = options.length ? (index + options.length) % options.length : -1;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === this.active)));
    const current = options[this.active];
    if (current) {
      this.input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  move(step: number) {
    this.setActive(this.active + step);
  }

  /** The page of the active option (the first when none is active). */
  activeHref(): string | undefined {
    return this.options()[Math.max(this.active, 0)]?.dataset.href;
  }

  /** `appended`: the list grew below what the reader sees; keep the active option and the scroll. */
  render(hits: SearchHit[], appended = false) {
    this.list.replaceChildren(...hits.map((hit, i) => this.item(hit, i)));
    this.input.setAttribute('aria-expanded', String(hits.length > 0));
    if (appended && this.active >= 0) {
      this.options().forEach((o, i) => o.setAttribute('aria-selected', String(i === this.active)));
      return;
    }
    this.setActive(hits.length ? 0 : -1);
  }

  private item(hit: SearchHit, i: number): HTMLLIElement {
    const li = document.createElement('li');
    li.id = `${this.list.id}-${i}`;
    li.setAttribute('role', 'option');
    li.dataset.key = hit.key;
    li.dataset.href = hit.url;
    // An option holds no link of its own (a control inside a control confuses screen readers);
    // choosing the option, by click or Enter, opens the page.
    const title = Object.assign(document.createElement('span'), { className: 'search-hit-title', textContent: hit.title });
    const kind = document.createElement('span');
    kind.className = 'tag';
    kind.textContent = this.strings[`kind.${hit.kind}`] ?? hit.kind;
    const facts: Array<string | HTMLElement> = [kind];
    if (hit.year) facts.push(' ', Object.assign(document.createElement('span'), { className: 'search-year', textContent: String(hit.year) }));
    // Pages keyword search missed: the reader sees why they are there.
    if (hit.semanticOnly) facts.push(' ', Object.assign(document.createElement('span'), { className: 'tag search-semantic-only', textContent: this.strings['search.semanticOnly'] ?? '' }));
    const why = document.createElement('p');
    why.className = 'search-why';
    // Pagefind builds excerpts from our own escaped HTML and adds only <mark>; tidying only removes.
    const excerpt = hit.excerpt ? tidyExcerpt(hit.excerpt, hit.title) : '';
    if (excerpt) why.innerHTML = excerpt;
    else if (hit.summary) why.textContent = hit.summary;
    else if (hit.similarity !== undefined) why.textContent = format(this.strings['search.similar'] ?? '', { score: hit.similarity.toFixed(2) });
    if (hit.similarity !== undefined) why.title = format(this.strings['search.similar'] ?? '', { score: hit.similarity.toFixed(2) });
    li.append(title, ' ', ...facts, why);
    li.addEventListener('click', () => window.location.assign(hit.url));
    return li;
  }
}

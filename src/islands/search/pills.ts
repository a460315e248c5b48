/**
 * One facet's filter pills: "All" in the page's language and one pill per value with its
 * faceted count (facets.ts). Ours rather than Pagefind's FilterPills, which counts every facet
 * under no filter at all, hard-codes "All" and an English label, and rebuilds its buttons (a
 * keyboard reader's focus would be lost on every click). Values with no result are hidden,
 * unless selected. The markup keeps Pagefind's class names, so the styles apply.
 */
import type { FacetCounts } from './facets.ts';

export class FacetPills {
  readonly filter: string;
  selected: string[] = [];
  private readonly allLabel: string;
  private readonly alwaysShow: boolean;
  private readonly wrapper: HTMLElement;
  private readonly list: HTMLElement;
  private readonly buttons = new Map<string, HTMLButtonElement>();
  private readonly onChange: (filter: string, values: string[]) => void;

  constructor(container: HTMLElement, filter: string, allLabel: string, alwaysShow: boolean, onChange: (filter: string, values: string[]) => void) {
    this.filter = filter;
    this.allLabel = allLabel;
    this.alwaysShow = alwaysShow;
    this.onChange = onChange;
    this.wrapper = Object.assign(document.createElement('div'), { className: 'pagefind-modular-filter-pills-wrapper' });
    this.wrapper.setAttribute('role', 'group');
    const label = container.getAttribute('aria-label');
    if (label) this.wrapper.setAttribute('aria-label', label);
    this.list = Object.assign(document.createElement('div'), { className: 'pagefind-modular-filter-pills' });
    this.wrapper.append(this.list);
    this.wrapper.hidden = !alwaysShow;
    container.replaceChildren(this.wrapper);
  }

  private button(value: string): HTMLButtonElement {
    let button = this.buttons.get(value);
    if (!button) {
      button = Object.assign(document.createElement('button'), { type: 'button', className: 'pagefind-modular-filter-pill' });
      button.dataset.value = value;
      button.addEventListener('click', () => {
        this.selected = value === '' || this.selected.includes(value) ? [] : [value];
        this.markSelected();
        this.onChange(this.filter, this.selected);
      });
      this.buttons.set(value, button);
    }
    return button;
  }

  private markSelected() {
    for (const [value, button] of this.buttons) button.setAttribute('aria-pressed', String(value === '' ? this.selected.length === 0 : this.selected.includes(value)));
  }

  /** New counts: the same buttons are updated in place (a pill keeps its focus), new values added in order. */
  show(counts: FacetCounts) {
    const values = Object.keys(counts.values).sort((a, b) => a.localeCompare(b));
    const order = ['', ...values];
    const known = [...this.list.children].map((b) => (b as HTMLElement).dataset.value);
    if (order.length !== known.length || order.some((v, i) => v !== known[i]) || [...this.selected].some((v) => !order.includes(v))) {
      for (const v of this.selected) if (!order.includes(v)) order.push(v);
      this.list.replaceChildren(...order.map((v) => this.button(v)));
    }
    for (const value of order) {
      const count = value === '' ? counts.all : (counts.values[value] ?? 0);
      const button = this.button(value);
      button.textContent = `${value === '' ? this.allLabel : value} (${count})`;
      button.hidden = value !== '' && count === 0 && !this.selected.includes(value);
    }
    this.markSelected();
    this.wrapper.hidden = !this.alwaysShow && counts.all === 0 && this.selected.length === 0;
  }
}

/**
 * Form controls for the playgrounds: native elements (select, range, checkbox,
 * button), so keyboard operation and focus come from the browser; each labelled
 * in the page's language and named by a data attribute for tests and styles.
 */
let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, children: Array<Node | string> = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

export function button(label: string, control: string, onClick: () => void): HTMLButtonElement {
  const b = element('button', { type: 'button', class: 'button', [`data-control`]: control }, [label]);
  b.addEventListener('click', onClick);
  return b;
}

export interface SelectControl<V extends string> {
  wrapper: HTMLElement;
  select: HTMLSelectElement;
  set(value: V): void;
}

export function selectControl<V extends string>(label: string, control: string, options: ReadonlyArray<{ value: V; label: string }>, value: V, onChange: (value: V) => void): SelectControl<V> {
  const id = nextId(control);
  const select = element('select', { id, 'data-control': control }, options.map((o) => element('option', { value: o.value }, [o.label])));
  select.value = value;
  select.addEventListener('change', () => onChange(select.value as V));
  const wrapper = element('span', { class: 'pg-field' }, [element('label', { for: id }, [label]), select]);
  return { wrapper, select, set: (v) => (select.value = v) };
}

export interface RangeControl {
  wrapper: HTMLElement;
  input: HTMLInputElement;
  set(value: number): void;
}

/**
 * A slider with its value printed beside it. `toSlider`/`fromSlider` map a
 * log-scaled quantity (a learning rate) onto the slider's linear track.
 */
export function rangeControl(
  label: string,
  control: string,
  opts: { min: number; max: number; step: number; value: number; format: (v: number) => string; toSlider?: (v: number) => number; fromSlider?: (s: number) => number },
  onInput: (value: number) => void,
): RangeControl {
  const id = nextId(control);
  const to = opts.toSlider ?? ((v: number) => v);
  const from = opts.fromSlider ?? ((s: number) => s);
  const input = element('input', { id, type: 'range', min: String(opts.min), max: String(opts.max), step: String(opts.step), 'data-control': control });
  const output = element('output', { for: id, 'data-value': control });
  const show = (v: number) => {
    output.textContent = opts.format(v);
    input.setAttribute('aria-valuetext', opts.format(v));
  };
  input.value = String(to(opts.value));
  show(opts.value);
  input.addEventListener('input', () => {
    const v = from(Number(input.value));
    show(v);
    onInput(v);
  });
  const wrapper = element('span', { class: 'pg-field' }, [element('label', { for: id }, [label]), input, output]);
  return {
    wrapper,
    input,
    set: (v) => {
      input.value = String(to(v));
      show(v);
    },
  };
}

export interface CheckboxGroup<V extends string> {
  wrapper: HTMLFieldSetElement;
  set(values: readonly V[]): void;
}

/** Checkboxes for a non-empty subset: the last ticked box cannot be unticked. */
export function checkboxGroup<V extends string>(legend: string, control: string, options: ReadonlyArray<{ value: V; label: string; color?: string }>, values: readonly V[], onChange: (values: V[]) => void): CheckboxGroup<V> {
  const boxes = options.map((o) => {
    const input = element('input', { type: 'checkbox', value: o.value, 'data-control': `${control}-${o.value}` });
    const swatch = o.color ? [element('span', { class: 'pg-swatch', 'aria-hidden': 'true' })] : [];
    if (o.color) (swatch[0] as HTMLElement).style.background = o.color;
    return { input, label: element('label', { class: 'pg-check' }, [input, ...swatch, o.label]) };
  });
  const read = () => boxes.filter((b) => b.input.checked).map((b) => b.input.value as V);
  const set = (vs: readonly V[]) => boxes.forEach((b) => (b.input.checked = vs.includes(b.input.value as V)));
  for (const b of boxes) {
    b.input.addEventListener('change', () => {
      if (read().length === 0) b.input.checked = true;
      else onChange(read());
    });
  }
  set(values);
  const wrapper = element('fieldset', { class: 'pg-checks', 'data-control': control }, [element('legend', {}, [legend]), ...boxes.map((b) => b.label)]);
  return { wrapper, set };
}

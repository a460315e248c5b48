/** A labelled text input for playgrounds that read what the reader types (a sequence, a sentence). */
import { element } from './controls.ts';
import type { Field } from '../../../shared/playgrounds/hash-state.ts';

let counter = 0;

export function textControl(label: string, control: string, value: string, maxLength: number, onInput: (value: string) => void): { wrapper: HTMLElement; input: HTMLInputElement; set(value: string): void } {
  const id = `${control}-text-${++counter}`;
  const input = element('input', { id, type: 'text', maxlength: String(maxLength), spellcheck: 'false', autocomplete: 'off', 'data-control': control });
  input.value = value;
  input.addEventListener('input', () => onInput(input.value));
  const wrapper = element('span', { class: 'pg-field' }, [element('label', { for: id }, [label]), input]);
  return { wrapper, input, set: (v) => (input.value = v) };
}

/** Free text in the URL hash, cut to `maxLength` characters (a link is untrusted input: it only ever becomes text). */
export function textField(maxLength: number, fallback: string): Field<string> {
  return { default: fallback, parse: (t) => (t.length <= maxLength ? t : undefined), format: (v) => v };
}

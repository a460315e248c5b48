/**
 * What every playground shares around its own controls and drawing: the body it
 * fills, a live status line, a reset button, the mounted flag the loader and the
 * tests read, and one place where an unexpected error becomes a message, not a
 * silent blank.
 */
import { button, element } from './controls.ts';
import { readStrings, type Translate } from './strings.ts';

export interface Shell {
  root: HTMLElement;
  t: Translate;
  lang: string;
  controls: HTMLElement;
  body: HTMLElement;
  status: HTMLElement;
  /** Shows a message in the status line (role=status, so screen readers hear it). */
  say(text: string, state?: 'error'): void;
}

export function mountShell(root: HTMLElement, name: string, onReset: () => void): Shell {
  const t = readStrings(root, name);
  root.querySelector('[data-playground-placeholder]')?.remove();
  const controls = element('div', { class: 'demo-controls pg-controls' });
  const body = element('div', { class: 'pg-body' });
  const status = element('p', { role: 'status', 'aria-live': 'polite', 'data-playground-status': '' });
  const reset = button(t('reset'), 'reset', onReset);
  root.append(controls, body, element('div', { class: 'demo-controls' }, [reset]), status);
  const shell: Shell = {
    root,
    t,
    lang: root.dataset.lang ?? document.documentElement.lang,
    controls,
    body,
    status,
    say: (text, state) => {
      status.textContent = text;
      if (state) status.dataset.state = state;
      else delete status.dataset.state;
    },
  };
  return shell;
}

/** Runs a playground's mount; on failure the reader sees why instead of a half-built panel. */
export function mountSafely(root: HTMLElement, name: string, mount: () => void): void {
  try {
    mount();
    root.dataset.mounted = 'true';
  } catch (error) {
    const t = readStrings(root, name);
    const p = element('p', { role: 'alert', 'data-state': 'error' }, [t('failed', { error: error instanceof Error ? error.message : String(error) })]);
    root.append(p);
    console.error(error);
  }
}

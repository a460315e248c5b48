/** Binds a demo's <progress> bar and status line to its downloads (see src/shared/download-progress.ts). */
import { describe, snapshot, type FileProgress, type ProgressSnapshot } from '../../shared/download-progress.ts';

export class DemoProgress {
  private readonly files = new Map<string, FileProgress>();
  private phase: ProgressSnapshot['phase'] = 'downloading';

  private readonly bar: HTMLProgressElement;
  private readonly status: HTMLElement;
  private readonly strings: Record<string, string>;

  constructor(bar: HTMLProgressElement, status: HTMLElement, strings: Record<string, string>) {
    this.bar = bar;
    this.status = status;
    this.strings = strings;
  }

  /** Announces a file before it starts, so the total is right from the first byte. */
  expect(name: string, estimate: number): (loaded: number, total: number) => void {
    this.files.set(name, { loaded: 0, total: estimate });
    return (loaded, total) => {
      this.files.set(name, { loaded, total: total > 0 ? total : estimate });
      this.render();
    };
  }

  start() {
    this.phase = 'downloading';
    this.bar.hidden = false;
    this.render();
  }

  /** All bytes are here; the runtime compiles and the sessions are created. */
  preparing() {
    this.phase = 'preparing';
    this.render();
  }

  ready() {
    this.phase = 'ready';
    this.render();
    this.bar.hidden = true;
  }

  private render() {
    const s = snapshot(this.files.values(), this.phase);
    if (s.fraction === undefined) this.bar.removeAttribute('value');
    else this.bar.value = s.fraction;
    this.bar.dataset.phase = s.phase;
    this.bar.dataset.loaded = String(s.loaded);
    this.bar.dataset.total = String(s.total);
    this.status.dataset.state = 'ok';
    this.status.textContent = describe(s, {
      downloading: this.strings['demo.downloading'] ?? '',
      preparing: this.strings['demo.preparing'] ?? '',
      ready: '',
    });
  }
}

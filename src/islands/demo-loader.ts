/**
 * Loads a demo's code only when its section scrolls into view, is focused or
 * clicked. A click that arrives before the code is there is replayed after.
 */
import { linkedPlayground, playgroundLoaders } from './playgrounds/registry.ts';

const loaders: Record<string, () => Promise<(root: HTMLElement) => void>> = {
  ...playgroundLoaders,
  ocr: () => import('./ocr-demo.ts').then((m) => m.mountOcrDemo),
  embedding: () => import('./embedding-playground.ts').then((m) => m.mountPlayground),
};

for (const root of document.querySelectorAll<HTMLElement>('[data-demo]')) {
  let loading: Promise<void> | undefined;
  const load = () => (loading ??= loaders[root.dataset.demo ?? '']?.().then((mount) => mount(root)) ?? Promise.resolve());
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      observer.disconnect();
      void load();
    }
  }, { rootMargin: '200px' });
  observer.observe(root);
  if (linkedPlayground(root)) void load().then(() => root.scrollIntoView());
  root.addEventListener('focusin', () => void load(), { once: true });
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (root.dataset.mounted || !button) return;
    event.preventDefault();
    event.stopPropagation();
    void load().then(() => button.click());
  }, true);
}

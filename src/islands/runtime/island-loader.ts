/**
 * Loads an island's code only when its root ([data-island="<name>"]) scrolls into view, is
 * focused or clicked; a click that arrives before the code is there is replayed after. Each
 * island is an index.ts exporting `mount(root)` in a folder named after it
 * (src/islands/<name>/ or src/islands/<group>/<name>/): Vite turns the glob below into one
 * lazy chunk per island, so registering an island needs no edit here.
 */
type IslandModule = { mount(root: HTMLElement): void };
const modules = import.meta.glob<IslandModule>(['../*/index.ts', '../*/*/index.ts']);
const byName = new Map(Object.entries(modules).map(([file, load]) => [file.split('/').at(-2)!, load]));

function loaderFor(name: string): (() => Promise<IslandModule>) | undefined {
  return byName.get(name);
}

for (const root of document.querySelectorAll<HTMLElement>('[data-island]')) {
  let loading: Promise<void> | undefined;
  const load = () => (loading ??= loaderFor(root.dataset.island ?? '')?.().then((m) => m.mount(root)) ?? Promise.resolve());
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      observer.disconnect();
      void load();
    }
  }, { rootMargin: '200px' });
  observer.observe(root);
  // A link such as …#convolution:kernel=… (a playground's state in the URL) loads that island at once.
  if (location.hash.startsWith(`#${root.dataset.island}:`)) void load().then(() => root.scrollIntoView());
  root.addEventListener('focusin', () => void load(), { once: true });
  root.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (root.dataset.mounted || !button) return;
    event.preventDefault();
    event.stopPropagation();
    void load().then(() => button.click());
  }, true);
}

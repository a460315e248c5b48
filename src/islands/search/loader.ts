/**
 * On every page, and tiny: opens the search dialog on `/`, Ctrl/Cmd+K or a click,
 * and only then loads the search code (Pagefind, the semantic model) it needs.
 */
const dialog = document.querySelector<HTMLDialogElement>('[data-search-dialog]');

async function open() {
  if (!dialog) return;
  if (!dialog.open) dialog.showModal();
  const input = dialog.querySelector<HTMLInputElement>('[data-search-input]');
  input?.focus();
  const { mountSearch } = await import('./panel.ts');
  mountSearch(dialog.querySelector<HTMLElement>('[data-search-panel]')!);
}

document.querySelector('[data-search-open]')?.addEventListener('click', () => void open());
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
  if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    void open();
  } else if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    void open();
  }
});

// On the search page the panel is part of the page: start it right away.
const pagePanel = document.querySelector<HTMLElement>('[data-search-page] [data-search-panel]');
if (pagePanel) void import('./panel.ts').then(({ mountSearch }) => mountSearch(pagePanel));

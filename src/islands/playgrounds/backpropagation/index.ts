export function mount(root: HTMLElement): void {
  root.dataset.mounted = 'true';
}

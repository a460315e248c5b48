/**
 * Copy buttons for citations and exports. The buttons are `hidden` in the HTML
 * and shown here, so a reader without JavaScript never sees a button that does
 * nothing (the text is still there to select, and the downloads still work).
 */
const announcer = document.querySelector<HTMLElement>('[role="status"][data-copied]');

for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const source = document.querySelector(button.dataset.copy ?? '');
    const text = source?.textContent?.trim() ?? '';
    try {
      await navigator.clipboard.writeText(text);
      if (announcer) announcer.textContent = announcer.dataset.copied ?? '';
      button.dataset.state = 'copied';
    } catch {
      if (announcer) announcer.textContent = announcer.dataset.failed ?? '';
      button.dataset.state = 'failed';
    }
  });
}

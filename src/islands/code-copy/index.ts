/**
 * A copy button on every code block of the notes. Added by script (a button that needs
 * script to work should not exist without it); a real <button>, so it is reachable by
 * keyboard, and the result is announced through the polite live region next to it.
 */
const host = document.querySelector<HTMLElement>('[data-code-copy]');
if (host) {
  const announcer = host.querySelector<HTMLElement>('[role="status"]')!;
  for (const [i, pre] of [...document.querySelectorAll<HTMLPreElement>('.prose pre')].entries()) {
    const wrap = document.createElement('div');
    wrap.className = 'code-block';
    pre.replaceWith(wrap);
    const button = Object.assign(document.createElement('button'), { type: 'button', className: 'copy code-copy', textContent: host.dataset.label ?? '' });
    const language = pre.dataset.language;
    // The label names the block for screen readers when a page has several.
    button.setAttribute('aria-label', `${host.dataset.label ?? ''}${language ? ` (${language})` : ''} ${i + 1}`);
    wrap.append(pre, button);
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(pre.textContent ?? '');
        button.dataset.state = 'copied';
        announcer.textContent = host.dataset.copied ?? '';
      } catch {
        button.dataset.state = 'failed';
        announcer.textContent = host.dataset.failed ?? '';
      }
    });
  }
}
export {};

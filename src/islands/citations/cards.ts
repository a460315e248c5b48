/**
 * Citation cards on touch screens. With a mouse or keyboard, CSS shows a card on
 * :hover and :focus-within; a finger has neither, so the first tap on a marker
 * opens its card (the second follows the link to the reference list). Escape or
 * a tap elsewhere closes it.
 */
const canHover = window.matchMedia('(hover: hover)').matches;

function close(except?: Element) {
  for (const open of document.querySelectorAll('.cite.open')) {
    if (open !== except) {
      open.classList.remove('open');
      open.querySelector('.cite-ref')?.setAttribute('aria-expanded', 'false');
    }
  }
}

document.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  const marker = target?.closest('.cite-ref');
  if (!marker) {
    if (!target?.closest('.cite-card')) close();
    return;
  }
  const cite = marker.closest('.cite');
  if (canHover || !cite || cite.classList.contains('open')) return;
  event.preventDefault();
  close(cite);
  cite.classList.add('open');
  marker.setAttribute('aria-expanded', 'true');
});

document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape') return;
  close();
  // :focus-within would keep a focused marker's card open.
  const focused = document.activeElement;
  if (focused instanceof HTMLElement && focused.closest('.cite')) focused.blur();
});

/**
 * Label placement for the playground's PCA map: each label tries four spots around its
 * dot and is dropped (its dot keeps a tooltip) when all four would overlap a placed label
 * or leave the map. Greedy in priority order (the reader's lines first): a few dozen
 * labels need no force layout library.
 */
export interface LabelInput {
  x: number;
  y: number;
  text: string;
  fontSize: number;
}
export interface PlacedLabel {
  x: number;
  y: number;
  anchor: 'start' | 'end';
}
interface Box { left: number; top: number; right: number; bottom: number }

/** Width of a label in user units: CJK characters are square, Latin ones about 0.6 em. */
export function labelWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? 1 : 0.6;
  return em * fontSize;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Positions for labels in order of priority; undefined where a label would collide. */
export function placeLabels(labels: LabelInput[], width: number, height: number, dots: Array<{ x: number; y: number; r: number }> = []): Array<PlacedLabel | undefined> {
  const taken: Box[] = dots.map((d) => ({ left: d.x - d.r, top: d.y - d.r, right: d.x + d.r, bottom: d.y + d.r }));
  return labels.map((l) => {
    const w = labelWidth(l.text, l.fontSize);
    const h = l.fontSize;
    const gap = 4;
    const spots: Array<PlacedLabel & { box: Box }> = [
      { x: l.x + gap, y: l.y - gap, anchor: 'start', box: { left: l.x + gap, top: l.y - gap - h, right: l.x + gap + w, bottom: l.y - gap } },
      { x: l.x + gap, y: l.y + gap + h, anchor: 'start', box: { left: l.x + gap, top: l.y + gap, right: l.x + gap + w, bottom: l.y + gap + h } },
      { x: l.x - gap, y: l.y - gap, anchor: 'end', box: { left: l.x - gap - w, top: l.y - gap - h, right: l.x - gap, bottom: l.y - gap } },
      { x: l.x - gap, y: l.y + gap + h, anchor: 'end', box: { left: l.x - gap - w, top: l.y + gap, right: l.x - gap, bottom: l.y + gap + h } },
    ];
    const spot = spots.find((s) => s.box.left >= 0 && s.box.top >= 0 && s.box.right <= width && s.box.bottom <= height && !taken.some((t) => overlaps(t, s.box)));
    if (!spot) return undefined;
    taken.push(spot.box);
    return { x: spot.x, y: spot.y, anchor: spot.anchor };
  });
}

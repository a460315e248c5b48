/**
 * Attention playground: a typed sentence (zh or en) as tokens, their vectors
 * from the site's embedding model, Q, K, V from fixed seeded projections, the
 * scores QKᵀ/√d_k (causal mask optional), the softmax weights as a heat map
 * and the output, for 1-4 heads; d_k and the √d_k scaling show the softmax
 * saturating. The maths is src/shared/playgrounds/attention.ts.
 */
import { DK_CHOICES, MAX_HEADS, meanMaxWeight, multiHead, tokenize, type HeadResult } from '../../../shared/playgrounds/attention.ts';
import { formatNumber } from '../../../shared/playgrounds/format.ts';
import { booleanField, enumField, numberField } from '../../../shared/playgrounds/hash-state.ts';
import { createCanvas, themeColor } from '../common/canvas.ts';
import { element, rangeControl, selectControl } from '../common/controls.ts';
import { hashState } from '../common/hash.ts';
import { mountSafely, mountShell } from '../common/shell.ts';
import { readStrings } from '../common/strings.ts';
import { textControl, textField } from '../common/text-field.ts';
import { HEAT_PX, QKV_H, QKV_W, drawHeatmap, drawQkv, heatCellAt } from './draw.ts';
import { loadTokenVectors, type TokenVectors } from './token-vectors.ts';

const NAME = 'attention';
const MAX_CHARS = 80;
/** The projections' seed: fixed, so a link shows the same numbers. */
const SEED = 1;
const DK_VALUES = DK_CHOICES.map(String) as Array<`${(typeof DK_CHOICES)[number]}`>;

export function mount(root: HTMLElement): void {
  mountSafely(root, NAME, () => build(root));
}

function build(root: HTMLElement): void {
  const schema = {
    text: textField(MAX_CHARS, readStrings(root, NAME)('default')),
    heads: numberField(1, MAX_HEADS, 1, true),
    head: numberField(1, MAX_HEADS, 1, true),
    dk: enumField(DK_VALUES, '8'),
    causal: booleanField(false),
    scale: booleanField(true),
  };
  const hash = hashState(NAME, schema);
  let s = hash.initial;
  let vectors: TokenVectors | undefined;
  let focus = { i: 0, j: 0 };
  const shell = mountShell(root, NAME, () => {
    s = hash.defaults();
    focus = { i: 0, j: 0 };
    sync();
    update();
  });
  const { t } = shell;

  const text = textControl(t('text'), 'text', s.text, MAX_CHARS, (v) => {
    s = { ...s, text: v };
    update();
  });
  const heads = rangeControl(t('heads'), 'heads', { min: 1, max: MAX_HEADS, step: 1, value: s.heads, format: String }, (v) => {
    s = { ...s, heads: v, head: Math.min(s.head, v) };
    update();
  });
  const headOptions = () => Array.from({ length: s.heads }, (_, h) => ({ value: String(h + 1), label: String(h + 1) }));
  const head = selectControl(t('head'), 'head', headOptions(), String(s.head), (v) => {
    s = { ...s, head: Number(v) };
    update();
  });
  const dk = selectControl(t('dk'), 'dk', DK_VALUES.map((v) => ({ value: v, label: v })), s.dk, (v) => {
    s = { ...s, dk: v };
    update();
  });
  const checkbox = (control: 'causal' | 'scale') => {
    const input = element('input', { type: 'checkbox', 'data-control': control });
    input.checked = s[control];
    input.addEventListener('change', () => {
      s = { ...s, [control]: input.checked };
      update();
    });
    return { input, wrapper: element('label', { class: 'pg-check' }, [input, t(control)]) };
  };
  const causal = checkbox('causal');
  const scale = checkbox('scale');
  shell.controls.append(text.wrapper, heads.wrapper, head.wrapper, dk.wrapper, causal.wrapper, scale.wrapper);

  const formula = element('p', { class: 'pg-mono', 'data-formula': '' });
  const source = element('p', { class: 'muted', 'data-source': '' }, [t('loading')]);
  const heat = createCanvas(HEAT_PX, HEAT_PX, '');
  heat.canvas.tabIndex = 0;
  heat.canvas.dataset.heatmap = '';
  const qkv = createCanvas(QKV_W, QKV_H, '');
  qkv.canvas.dataset.qkv = '';
  const cellLine = element('p', { class: 'pg-mono', 'data-cell': '' });
  const saturation = element('p', { 'data-saturation': '' });
  const weightsTable = element('table', { class: 'pg-terms', 'data-weights': '' });
  const scoresTable = element('table', { class: 'pg-terms', 'data-scores': '' });
  shell.body.append(
    element('p', { class: 'muted' }, [t('projectionsNote')]),
    source,
    formula,
    element('div', { class: 'pg-row' }, [element('figure', { class: 'pg-panel-wide' }, [heat.canvas]), element('div', {}, [element('h3', {}, [t('weightsHead')]), weightsTable, cellLine, saturation])]),
    element('h3', {}, [t('scoresHead')]),
    scoresTable,
    element('h3', {}, [t('qkvHead')]),
    element('figure', { class: 'pg-panel-wide' }, [qkv.canvas]),
  );

  function sync() {
    text.set(s.text);
    heads.set(s.heads);
    dk.set(s.dk);
    causal.input.checked = s.causal;
    scale.input.checked = s.scale;
  }

  const table = (tokens: readonly string[], m: number[][], format: (v: number, i: number, j: number) => string) =>
    [element('tr', {}, [element('th', {}, ['']), ...tokens.map((tok) => element('th', { scope: 'col' }, [tok]))]), ...m.map((row, i) => element('tr', {}, [element('th', { scope: 'row' }, [tokens[i]!]), ...row.map((v, j) => element('td', {}, [format(v, i, j)]))]))];

  let shown: { tokens: string[]; result: HeadResult } | undefined;

  function update() {
    hash.save(s);
    // The head picker lists as many heads as there are.
    head.select.replaceChildren(...headOptions().map((o) => element('option', { value: o.value }, [o.label])));
    head.set(String(s.head));
    formula.textContent = s.scale ? 'Attention(Q, K, V) = softmax(QKᵀ / √d_k' + (s.causal ? ' + M' : '') + ') V' : 'Attention(Q, K, V) = softmax(QKᵀ' + (s.causal ? ' + M' : '') + ') V';
    if (!vectors) return;
    const tokens = tokenize(s.text);
    if (tokens.length === 0) {
      shown = undefined;
      saturation.textContent = t('empty');
      weightsTable.replaceChildren();
      scoresTable.replaceChildren();
      cellLine.textContent = '';
      heat.ctx.clearRect(0, 0, HEAT_PX, HEAT_PX);
      qkv.ctx.clearRect(0, 0, QKV_W, QKV_H);
      return;
    }
    const looked = tokens.map((tok) => vectors!.vector(tok));
    const unknown = tokens.filter((_, i) => !looked[i]!.known);
    source.textContent = t(vectors.source === 'model' ? 'source.model' : 'source.hashed', { dims: vectors.dims }) + (vectors.source === 'model' && unknown.length > 0 ? ` ${t('unknown', { tokens: unknown.join(', ') })}` : '');
    source.dataset.source = vectors.source;
    const results = multiHead(looked.map((l) => l.vector), { heads: s.heads, dk: Number(s.dk), causal: s.causal, scale: s.scale, seed: SEED });
    const result = results[s.head - 1]!;
    shown = { tokens, result };
    focus = { i: Math.min(focus.i, tokens.length - 1), j: Math.min(focus.j, tokens.length - 1) };
    const peak = meanMaxWeight(result.weights);
    saturation.textContent = t('saturation', { value: formatNumber(peak) });
    saturation.dataset.value = String(peak);
    weightsTable.replaceChildren(...table(tokens, result.weights, (v) => formatNumber(v, 3)));
    scoresTable.replaceChildren(...table(tokens, result.scores, (v) => formatNumber(v, 3)));
    heat.canvas.setAttribute('aria-label', t('heatLabel', { head: s.head, n: tokens.length }));
    qkv.canvas.setAttribute('aria-label', t('qkvLabel', { head: s.head }));
    drawQkv(qkv.ctx, [{ label: 'Q', m: result.q }, { label: 'K', m: result.k }, { label: 'V', m: result.v }, { label: t('output'), m: result.output }], themeColor('--fg', '#1a1a1a'));
    drawFocus();
  }

  function drawFocus() {
    if (!shown) return;
    const { tokens, result } = shown;
    drawHeatmap(heat.ctx, result.weights, tokens, (i, j) => s.causal && j > i, themeColor('--fg', '#1a1a1a'), focus, themeColor('--accent', '#1f5fbf'));
    const w = result.weights[focus.i]![focus.j]!;
    cellLine.textContent = t('cell', { i: tokens[focus.i]!, j: tokens[focus.j]!, score: formatNumber(result.scores[focus.i]![focus.j]!), weight: formatNumber(w) });
    cellLine.dataset.weight = String(w);
  }

  const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  heat.canvas.addEventListener('keydown', (e) => {
    const d = arrows[e.key];
    if (!d || !shown) return;
    e.preventDefault();
    const n = shown.tokens.length;
    focus = { i: Math.max(0, Math.min(n - 1, focus.i + d[0])), j: Math.max(0, Math.min(n - 1, focus.j + d[1])) };
    drawFocus();
  });
  heat.canvas.addEventListener('pointermove', (e) => {
    const cell = shown && heatCellAt(e, heat.canvas, shown.tokens.length);
    if (cell && (cell.i !== focus.i || cell.j !== focus.j)) {
      focus = cell;
      drawFocus();
    }
  });

  update();
  void loadTokenVectors(import.meta.env.BASE_URL).then((v) => {
    vectors = v;
    update();
  });
}

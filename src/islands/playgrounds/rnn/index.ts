/**
 * RNN and LSTM playground: a typed sequence unrolled through a tiny RNN and a
 * tiny LSTM (4 hidden units, fixed seeded weights); hidden states, cell states
 * and gates per step as heat maps, and the gradient norm flowing back to each
 * step on a log scale, so vanishing and exploding gradients show. The maths is
 * src/shared/playgrounds/rnn.ts.
 */
import { GATES, MAX_STEPS, unroll, verdict, type Activation, type Unrolled } from '../../../shared/playgrounds/rnn.ts';
import { formatNumber } from '../../../shared/playgrounds/format.ts';
import { enumField, numberField } from '../../../shared/playgrounds/hash-state.ts';
import { SERIES_COLORS, createCanvas, themeColor } from '../common/canvas.ts';
import { element, rangeControl, selectControl } from '../common/controls.ts';
import { hashState } from '../common/hash.ts';
import { mountSafely, mountShell } from '../common/shell.ts';
import { readStrings } from '../common/strings.ts';
import { textControl, textField } from '../common/text-field.ts';
import { GRAD_H, GRAD_W, STATES_W, drawGradients, drawStates, statesHeight, type StateRow } from './draw.ts';

const NAME = 'rnn';
const ACTIVATIONS = ['tanh', 'linear'] as const satisfies readonly Activation[];

export function mount(root: HTMLElement): void {
  mountSafely(root, NAME, () => build(root));
}

function build(root: HTMLElement): void {
  // The default sequence is in the page's language.
  const schema = {
    text: textField(MAX_STEPS * 2, readStrings(root, NAME)('default')),
    act: enumField(ACTIVATIONS, 'tanh'),
    gamma: numberField(0.25, 2.5, 0.9),
    forget: numberField(-3, 5, 3),
  };
  const hash = hashState(NAME, schema);
  let s = hash.initial;
  const shell = mountShell(root, NAME, () => {
    s = hash.defaults();
    sync();
    update();
  });
  const { t } = shell;
  const text = textControl(t('text'), 'text', s.text, MAX_STEPS * 2, (v) => {
    s = { ...s, text: v };
    update();
  });
  const act = selectControl(t('activation'), 'activation', ACTIVATIONS.map((a) => ({ value: a, label: t(`activation.${a}`) })), s.act, (v) => {
    s = { ...s, act: v };
    update();
  });
  const gamma = rangeControl(t('gamma'), 'gamma', { min: 0.25, max: 2.5, step: 0.05, value: s.gamma, format: (v) => v.toFixed(2) }, (v) => {
    s = { ...s, gamma: Math.round(v * 100) / 100 };
    update();
  });
  const forget = rangeControl(t('forget'), 'forget', { min: -3, max: 5, step: 0.5, value: s.forget, format: (v) => v.toFixed(1) }, (v) => {
    s = { ...s, forget: v };
    update();
  });
  shell.controls.append(text.wrapper, act.wrapper, gamma.wrapper, forget.wrapper);

  const rows = (u: Unrolled): StateRow[] => [
    { label: t('row.rnnH'), columns: u.rnn.hs, kind: 'signed' },
    { label: t('row.lstmH'), columns: u.lstm.steps.map((x) => x.h), kind: 'signed' },
    { label: t('row.lstmC'), columns: u.lstm.steps.map((x) => x.c), kind: 'signed' },
    ...GATES.filter((g) => g !== 'g').map((g) => ({ label: t(`row.${g}`), columns: u.lstm.steps.map((x) => x[g]), kind: 'unit' as const })),
  ];
  let states = createCanvas(STATES_W, 200, t('statesLabel'));
  states.canvas.dataset.states = '';
  const grad = createCanvas(GRAD_W, GRAD_H, t('gradLabel'));
  grad.canvas.dataset.gradients = '';
  const statesFigure = element('figure', { class: 'pg-panel-wide' }, [states.canvas]);
  const summary = element('p', { 'data-summary': '' });
  const verdicts = element('p', { 'data-verdicts': '' });
  const table = element('table', { class: 'pg-terms', 'data-grad-table': '' });
  const legend = (i: number, label: string) => {
    const sw = element('span', { class: 'pg-swatch', 'aria-hidden': 'true' });
    sw.style.background = SERIES_COLORS[i]!;
    return element('span', { class: 'pg-check' }, [sw, label]);
  };
  shell.body.append(
    element('p', { class: 'muted' }, [t('weightsNote')]),
    element('h3', {}, [t('statesHead')]),
    statesFigure,
    element('h3', {}, [t('gradHead')]),
    element('figure', { class: 'pg-panel-wide' }, [grad.canvas, element('figcaption', {}, [legend(0, 'RNN'), ' ', legend(1, 'LSTM')])]),
    summary,
    verdicts,
    table,
  );

  function sync() {
    text.set(s.text);
    act.set(s.act);
    gamma.set(s.gamma);
    forget.set(s.forget);
  }

  function update() {
    const u = unroll(s.text, s.gamma, s.act, s.forget);
    hash.save(s);
    const fg = themeColor('--fg', '#1a1a1a');
    const r = rows(u);
    // The heat maps grow with the rows; a new canvas keeps its pixels crisp at the new height.
    const height = statesHeight(r);
    if (states.canvas.height !== Math.round(height * Math.min(2, window.devicePixelRatio || 1))) {
      const next = createCanvas(STATES_W, height, t('statesLabel'));
      next.canvas.dataset.states = '';
      states.canvas.replaceWith(next.canvas);
      states = next;
    }
    drawStates(states.ctx, r, u.symbols, fg);
    drawGradients(grad.ctx, [u.rnn.gradNorms, u.lstm.gradNorms], fg, themeColor('--border', '#ddd'));
    grad.canvas.dataset.steps = String(u.symbols.length);
    if (u.symbols.length === 0) {
      summary.textContent = t('empty');
      verdicts.textContent = '';
      table.replaceChildren();
      delete summary.dataset.rnn;
      delete summary.dataset.lstm;
      return;
    }
    const rv = verdict(u.rnn.gradNorms);
    const lv = verdict(u.lstm.gradNorms);
    summary.textContent = t('summary', { rnn: formatNumber(rv.factor), lstm: formatNumber(lv.factor) });
    summary.dataset.rnn = String(rv.factor);
    summary.dataset.lstm = String(lv.factor);
    verdicts.textContent = t('verdicts', { rnn: t(`verdict.${rv.kind}`), lstm: t(`verdict.${lv.kind}`) });
    verdicts.dataset.rnn = rv.kind;
    verdicts.dataset.lstm = lv.kind;
    const head = element('tr', {}, [t('step'), t('symbol'), t('rnnGrad'), t('lstmGrad'), t('forgetMean')].map((h) => element('th', { scope: 'col' }, [h])));
    table.replaceChildren(
      head,
      ...u.symbols.map((sym, i) =>
        element('tr', {}, [
          element('td', {}, [String(i + 1)]),
          element('td', {}, [sym === ' ' ? '␣' : sym]),
          element('td', {}, [formatNumber(u.rnn.gradNorms[i]!)]),
          element('td', {}, [formatNumber(u.lstm.gradNorms[i]!)]),
          element('td', {}, [formatNumber(u.lstm.steps[i]!.f.reduce((a, b) => a + b, 0) / u.lstm.steps[i]!.f.length)]),
        ]),
      ),
    );
  }

  update();
}

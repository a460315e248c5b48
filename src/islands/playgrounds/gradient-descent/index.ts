/**
 * Gradient descent playground: each chosen optimizer's path on the chosen loss
 * surface, side by side, stepping once per animation frame, with the update
 * formula's numbers under each plot. The maths is src/shared/playgrounds/gradient-descent.ts.
 */
import { DEFAULT_HYPER, OPTIMIZER_NAMES, SURFACES, SURFACE_NAMES, hasDiverged, initialState, step, type Hyper, type OptimizerName, type OptimizerState, type StepRecord, type SurfaceName, type Vec2 } from '../../../shared/playgrounds/gradient-descent.ts';
import { formatNumber } from '../../../shared/playgrounds/format.ts';
import { enumField, numberField, setField } from '../../../shared/playgrounds/hash-state.ts';
import { SERIES_COLORS, createCanvas } from '../common/canvas.ts';
import { button, checkboxGroup, element, rangeControl, selectControl } from '../common/controls.ts';
import { hashState } from '../common/hash.ts';
import { animationLoop, prefersReducedMotion } from '../common/motion.ts';
import { mountSafely, mountShell } from '../common/shell.ts';
import { drawPanel } from './contour.ts';
import { formulaLines, hyperLine } from './readout.ts';

const NAME = 'gradient-descent';
const SIZE = 220;
const schema = {
  surface: enumField(SURFACE_NAMES, 'valley'),
  lr: numberField(1e-4, 3, SURFACES.valley.defaultLearningRate),
  opt: setField(OPTIMIZER_NAMES, ['sgd', 'momentum', 'adam']),
  steps: numberField(10, 1000, 300, true),
  t: numberField(0, 1000, 0, true),
};
const COLORS = Object.fromEntries(OPTIMIZER_NAMES.map((o, i) => [o, SERIES_COLORS[i]!])) as Record<OptimizerName, string>;
// The learning-rate slider moves in log10 steps, 10⁻⁴ … 10^0.5 ≈ 3.16.
const toSlider = (lr: number) => Math.log10(lr);
const fromSlider = (s: number) => Number((10 ** s).toPrecision(2));

interface Run {
  state: OptimizerState;
  path: Vec2[];
  last?: StepRecord;
  stopped: boolean;
}

interface Panel {
  figure: HTMLElement;
  ctx: CanvasRenderingContext2D;
  caption: HTMLElement;
  readout: HTMLElement;
}

export function mount(root: HTMLElement): void {
  mountSafely(root, NAME, () => build(root));
}

function build(root: HTMLElement): void {
  const hash = hashState(NAME, schema);
  let settings = hash.initial;
  let runs = new Map<OptimizerName, Run>();
  let loop: ReturnType<typeof animationLoop> | undefined;
  const shell = mountShell(root, NAME, () => {
    settings = hash.defaults();
    syncControls();
    restart();
  });
  const { t } = shell;
  const hyper = (): Hyper => ({ ...DEFAULT_HYPER, learningRate: settings.lr });
  const surface = () => SURFACES[settings.surface];

  const surfaceControl = selectControl(t('surface'), 'surface', SURFACE_NAMES.map((s) => ({ value: s, label: t(`surface.${s}`) })), settings.surface, (s: SurfaceName) => {
    // Each surface has its own workable learning rate; keeping the old one would often diverge at once.
    settings = { ...settings, surface: s, lr: SURFACES[s].defaultLearningRate };
    lrControl.set(settings.lr);
    restart();
  });
  const lrControl = rangeControl(t('learningRate'), 'lr', { min: -4, max: 0.5, step: 0.05, value: settings.lr, format: formatNumber, toSlider, fromSlider }, (lr) => {
    settings = { ...settings, lr };
    restart();
  });
  const stepsControl = rangeControl(t('steps'), 'steps', { min: 10, max: 1000, step: 10, value: settings.steps, format: String }, (steps) => {
    settings = { ...settings, steps };
    save();
  });
  const optControl = checkboxGroup(t('optimizers'), 'opt', OPTIMIZER_NAMES.map((o) => ({ value: o, label: t(`optimizer.${o}`), color: COLORS[o] })), settings.opt, (opt) => {
    settings = { ...settings, opt };
    restart();
  });
  const playButton = button(t('play'), 'play', () => (loop?.running() ? pause() : play()));
  const stepButton = button(t('step'), 'step', () => {
    pause();
    advance(1);
    save();
  });
  const hyperText = element('p', { class: 'pg-mono muted', 'data-hyper': '' });
  shell.controls.append(surfaceControl.wrapper, lrControl.wrapper, stepsControl.wrapper, optControl.wrapper, playButton, stepButton);
  const panelsBox = element('div', { class: 'pg-panels' });
  shell.body.append(hyperText, panelsBox);
  let panels = new Map<OptimizerName, Panel>();

  function syncControls() {
    surfaceControl.set(settings.surface);
    lrControl.set(settings.lr);
    stepsControl.set(settings.steps);
    optControl.set(settings.opt);
  }

  function save() {
    hash.save({ ...settings, t: currentStep() });
  }

  const currentStep = () => Math.max(0, ...[...runs.values()].map((r) => r.state.t));

  function buildPanels() {
    panelsBox.replaceChildren();
    panels = new Map();
    for (const o of settings.opt) {
      const { canvas, ctx } = createCanvas(SIZE, SIZE, t('plotLabel', { optimizer: t(`optimizer.${o}`), surface: t(`surface.${settings.surface}`) }));
      const caption = element('figcaption', { 'data-caption': '' });
      const readout = element('div', { class: 'pg-mono pg-readout', 'data-readout': '' });
      const figure = element('figure', { class: 'pg-panel', 'data-optimizer': o }, [element('h3', {}, [t(`optimizer.${o}`)]), canvas, caption, readout]);
      figure.querySelector('h3')!.style.color = COLORS[o];
      panelsBox.append(figure);
      panels.set(o, { figure, ctx, caption, readout });
    }
  }

  function restart() {
    pause();
    runs = new Map(settings.opt.map((o) => [o, { state: initialState(surface().start), path: [surface().start], stopped: false }]));
    buildPanels();
    hyperText.textContent = hyperLine(hyper());
    shell.say('');
    draw();
    save();
  }

  /** n more steps for every run still going; announces runs that blow up. */
  function advance(n: number) {
    for (let i = 0; i < n; i++) {
      for (const [o, run] of runs) {
        if (run.stopped || run.state.t >= settings.steps) continue;
        const next = step(o, surface(), run.state, hyper());
        run.state = next.state;
        run.last = next.record;
        run.path.push(next.state.theta);
        if (hasDiverged(surface(), next.state.theta)) {
          run.stopped = true;
          shell.say(t(surface().minimum ? 'diverged' : 'escaped', { optimizer: t(`optimizer.${o}`), step: run.state.t }), surface().minimum ? 'error' : undefined);
        }
      }
    }
    draw();
  }

  const finished = () => [...runs.values()].every((r) => r.stopped || r.state.t >= settings.steps);

  function draw() {
    for (const [o, run] of runs) {
      const panel = panels.get(o)!;
      drawPanel(panel.ctx, surface(), run.path, COLORS[o], SIZE);
      const [x, y] = run.state.theta;
      const stoppedNote = run.stopped ? ` · ${t(surface().minimum ? 'divergedShort' : 'escapedShort')}` : '';
      panel.caption.textContent = `t = ${run.state.t} · θ = (${formatNumber(x)}, ${formatNumber(y)}) · f(θ) = ${formatNumber(surface().f(x, y))}${stoppedNote}`;
      panel.figure.dataset.step = String(run.state.t);
      panel.figure.dataset.stopped = String(run.stopped);
      const lines = run.last ? formulaLines(o, run.last) : [t('notStarted')];
      // Text updated in place: rebuilding the nodes every frame cost layout time.
      if (panel.readout.children.length !== lines.length) panel.readout.replaceChildren(...lines.map(() => element('div')));
      lines.forEach((line, i) => (panel.readout.children[i]!.textContent = line));
    }
  }

  function play() {
    if (finished()) restart();
    if (prefersReducedMotion()) {
      // No animation: the whole path at once.
      advance(settings.steps);
      save();
      return;
    }
    playButton.textContent = t('pause');
    playButton.setAttribute('aria-pressed', 'true');
    // Long runs take more than one step per frame so they end within a few seconds.
    const perFrame = Math.max(1, Math.ceil(settings.steps / 300));
    loop = animationLoop(() => {
      advance(perFrame);
      if (finished()) {
        pause();
        return false;
      }
      return true;
    });
  }

  function pause() {
    loop?.stop();
    loop = undefined;
    playButton.textContent = t('play');
    playButton.setAttribute('aria-pressed', 'false');
    save();
  }

  restart();
  if (hash.initial.t > 0) {
    advance(Math.min(hash.initial.t, settings.steps));
    save();
  }
}

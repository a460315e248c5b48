/**
 * Backpropagation playground: a small MLP trains on 2-D points in the reader's
 * browser, a few epochs per animation frame within a time budget so the page
 * stays responsive; the boundary, loss curves and neuron maps redraw as it goes.
 * The maths is src/shared/playgrounds/mlp.ts on the site's tensor module.
 */
import { DATASET_NAMES, type DatasetName } from '../../../shared/playgrounds/datasets.ts';
import { formatNumber } from '../../../shared/playgrounds/format.ts';
import { enumField, numberField } from '../../../shared/playgrounds/hash-state.ts';
import { TrainingSession, type Trace } from '../../../shared/playgrounds/mlp-session.ts';
import { ACTIVATION_NAMES, neuronMaps, parameterCount, type ActivationName } from '../../../shared/playgrounds/mlp.ts';
import { createCanvas, themeColor } from '../common/canvas.ts';
import { button, element, rangeControl, selectControl } from '../common/controls.ts';
import { hashState } from '../common/hash.ts';
import { animationLoop, prefersReducedMotion } from '../common/motion.ts';
import { mountSafely, mountShell } from '../common/shell.ts';
import { drawBoundary, drawLoss, drawNetwork, layoutNetwork } from './draw.ts';

const NAME = 'backpropagation';
const L2_VALUES = [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1] as const;
const schema = {
  data: enumField(DATASET_NAMES, 'circle'),
  noise: numberField(0, 0.5, 0.1),
  split: numberField(0.1, 0.9, 0.5),
  layers: numberField(0, 4, 2, true),
  width: numberField(1, 8, 4, true),
  act: enumField(ACTIVATION_NAMES, 'tanh'),
  lr: numberField(1e-3, 3, 0.1),
  l2: numberField(0, 0.1, 0),
  epoch: numberField(0, 5000, 0, true),
};
const MAX_EPOCHS = 5000;
/** Epochs a link may ask to replay (a few seconds of training at most). */
const MAX_REPLAY = 2000;
/** Training work per animation frame, so drawing still fits in a 60 Hz frame. */
const FRAME_BUDGET_MS = 8;
const BOUNDARY = 240;
const BOUNDARY_RES = 48;
const NEURON_RES = 20;
const NETWORK_WIDTH = 360;
const toSlider = (lr: number) => Math.log10(lr);
const fromSlider = (s: number) => Number((10 ** s).toPrecision(2));

export function mount(root: HTMLElement): void {
  mountSafely(root, NAME, () => build(root));
}

function build(root: HTMLElement): void {
  const hash = hashState(NAME, schema);
  let settings = hash.initial;
  let session!: TrainingSession;
  let trace: Trace | undefined;
  let loop: ReturnType<typeof animationLoop> | undefined;
  const shell = mountShell(root, NAME, () => {
    settings = hash.defaults();
    sync();
    restart();
  });
  const { t } = shell;

  const rebuild = <K extends keyof typeof settings>(key: K) => (value: (typeof settings)[K]) => {
    settings = { ...settings, [key]: value };
    restart();
  };
  const retune = <K extends 'lr' | 'l2'>(key: K) => (value: number) => {
    settings = { ...settings, [key]: value };
    session.retune(settings.lr, settings.l2);
    save();
  };
  const percent = (v: number) => `${Math.round(v * 100)} %`;
  const controls = {
    data: selectControl(t('dataset'), 'data', DATASET_NAMES.map((d) => ({ value: d, label: t(`dataset.${d}`) })), settings.data, rebuild('data') as (v: DatasetName) => void),
    noise: rangeControl(t('noise'), 'noise', { min: 0, max: 0.5, step: 0.05, value: settings.noise, format: percent }, rebuild('noise')),
    split: rangeControl(t('trainRatio'), 'split', { min: 0.1, max: 0.9, step: 0.1, value: settings.split, format: percent }, rebuild('split')),
    layers: rangeControl(t('layers'), 'layers', { min: 0, max: 4, step: 1, value: settings.layers, format: String }, rebuild('layers')),
    width: rangeControl(t('width'), 'width', { min: 1, max: 8, step: 1, value: settings.width, format: String }, rebuild('width')),
    act: selectControl(t('activation'), 'act', ACTIVATION_NAMES.map((a) => ({ value: a, label: t(`activation.${a}`) })), settings.act, rebuild('act') as (v: ActivationName) => void),
    lr: rangeControl(t('learningRate'), 'lr', { min: -3, max: 0.5, step: 0.05, value: settings.lr, format: formatNumber, toSlider, fromSlider }, retune('lr')),
    l2: selectControl(t('l2'), 'l2', L2_VALUES.map((v) => ({ value: String(v), label: String(v) })), String(settings.l2), (v: string) => retune('l2')(Number(v))),
  };
  const trainButton = button(t('train'), 'train', () => (loop?.running() ? pause() : play()));
  const epochButton = button(t('stepEpoch'), 'epoch', () => {
    pause();
    trace = undefined;
    session.runEpoch();
    draw();
    save();
  });
  const traceButton = button(t('trace'), 'trace', () => {
    pause();
    trace = session.traceNext();
    draw();
  });
  shell.controls.append(...Object.values(controls).map((c) => c.wrapper), trainButton, epochButton, traceButton);

  const backend = element('p', { class: 'muted', 'data-backend': 'js-f64' }, [t('backend', { backend: t('backendName') })]);
  const stats = element('p', { class: 'pg-stats', 'data-stats': '' });
  const traceText = element('p', { class: 'pg-mono', 'data-trace': '' });
  const network = element('div', { 'data-network': '' });
  const boundary = createCanvas(BOUNDARY, BOUNDARY, t('boundaryLabel'));
  boundary.canvas.dataset.boundary = '';
  const lossPlot = createCanvas(BOUNDARY, 110, t('lossLabel'));
  lossPlot.canvas.dataset.loss = '';
  shell.body.append(backend, element('div', { class: 'pg-row' }, [network, element('div', {}, [boundary.canvas, lossPlot.canvas])]), stats, traceText);
  let net: { ctx: CanvasRenderingContext2D; layout: ReturnType<typeof layoutNetwork> };

  function sync() {
    for (const key of ['noise', 'split', 'layers', 'width', 'lr'] as const) controls[key].set(settings[key]);
    controls.data.set(settings.data);
    controls.act.set(settings.act);
    controls.l2.set(String(settings.l2));
  }

  function save() {
    hash.save({ ...settings, epoch: session.epoch });
  }

  function restart() {
    pause();
    trace = undefined;
    session = new TrainingSession({ dataset: settings.data, noise: settings.noise, split: settings.split, layers: settings.layers, width: settings.width, activation: settings.act, learningRate: settings.lr, l2: settings.l2 });
    const layout = layoutNetwork(session.net.sizes, NETWORK_WIDTH);
    const { canvas, ctx } = createCanvas(layout.width, layout.height, t('networkLabel'));
    canvas.dataset.networkCanvas = '';
    network.replaceChildren(canvas);
    net = { ctx, layout };
    shell.say('');
    draw();
    save();
  }

  function draw() {
    const fg = themeColor('--fg', '#1a1a1a');
    const maps = neuronMaps(session.net, NEURON_RES);
    drawNetwork(net.ctx, session.net, maps, NEURON_RES, net.layout, trace, fg);
    drawBoundary(boundary.ctx, neuronMaps(session.net, BOUNDARY_RES).at(-1)![0]!, BOUNDARY_RES, BOUNDARY, session.train, session.test, trace?.point, fg);
    drawLoss(lossPlot.ctx, session.history, BOUNDARY, 110, fg, { train: t('legendTrain'), test: t('legendTest') });
    const s = session.history.at(-1)!;
    stats.textContent = `${t('stats', { epoch: s.epoch, train: formatNumber(s.trainLoss), test: formatNumber(s.testLoss), accuracy: `${formatNumber(100 * s.testAccuracy, 3)} %` })} · ${t('params', { count: parameterCount(session.net) })}`;
    stats.dataset.epoch = String(s.epoch);
    stats.dataset.trainLoss = String(s.trainLoss);
    traceText.textContent = trace ? `${t('traceHead', { x: formatNumber(trace.point.x, 3), y: formatNumber(trace.point.y, 3), label: trace.point.label, p: formatNumber(trace.p), loss: formatNumber(trace.loss) })} ${t('traceLegend')}` : '';
    if (!Number.isFinite(s.trainLoss)) shell.say(t('diverged'), 'error');
  }

  function play() {
    trace = undefined;
    trainButton.textContent = t('pause');
    trainButton.setAttribute('aria-pressed', 'true');
    // Reduced motion: the same training, redrawn once a second instead of every frame.
    const redrawEvery = prefersReducedMotion() ? 1000 : 0;
    let sinceDraw = 0;
    loop = animationLoop((elapsed) => {
      const start = performance.now();
      do session.runEpoch();
      while (performance.now() - start < FRAME_BUDGET_MS && session.epoch < MAX_EPOCHS);
      sinceDraw += elapsed;
      if (sinceDraw >= redrawEvery) {
        sinceDraw = 0;
        draw();
      }
      if (!Number.isFinite(session.history.at(-1)!.trainLoss) || session.epoch >= MAX_EPOCHS) {
        pause();
        return false;
      }
      return true;
    });
  }

  function pause() {
    if (!loop) return;
    loop.stop();
    loop = undefined;
    trainButton.textContent = t('train');
    trainButton.setAttribute('aria-pressed', 'false');
    draw();
    save();
  }

  restart();
  // A link's epochs are replayed in frame-sized chunks, so a long run never blocks the page.
  const target = Math.min(hash.initial.epoch, MAX_REPLAY);
  if (target > 0) {
    loop = animationLoop(() => {
      const start = performance.now();
      while (session.epoch < target && performance.now() - start < FRAME_BUDGET_MS) session.runEpoch();
      if (session.epoch < target) return true;
      loop = undefined;
      draw();
      save();
      return false;
    });
  }
}

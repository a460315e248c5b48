/**
 * Convolution playground: a 12×12 digit (pick or draw), a 3×3 kernel (pick or
 * edit), stride and padding; the feature map cell by cell, the nine products
 * and their sum for the hovered or focused cell, and the output-size formula
 * with the chosen numbers. The maths is src/shared/playgrounds/convolution.ts.
 */
import { IMAGES, IMAGE_NAMES, IMAGE_SIZE, KERNELS, KERNEL_NAMES, cellTerms, convolve, outputSize, type Grid, type ImageName, type KernelName } from '../../../shared/playgrounds/convolution.ts';
import { formatNumber } from '../../../shared/playgrounds/format.ts';
import { digitsField, numberField, numberListField } from '../../../shared/playgrounds/hash-state.ts';
import { createCanvas, themeColor } from '../common/canvas.ts';
import { button, element, rangeControl, selectControl } from '../common/controls.ts';
import { hashState } from '../common/hash.ts';
import { animationLoop, prefersReducedMotion } from '../common/motion.ts';
import { mountSafely, mountShell } from '../common/shell.ts';
import { GRID_PX, cellAt, drawInput, drawOutput } from './grids.ts';

const NAME = 'convolution';
const K = 3;
const schema = {
  px: digitsField(IMAGE_SIZE * IMAGE_SIZE, IMAGES.seven.values),
  kernel: numberListField(K * K, -99, 99, KERNELS.sobelX),
  stride: numberField(1, 3, 1, true),
  pad: numberField(0, 2, 0, true),
  i: numberField(0, 20, 0, true),
  j: numberField(0, 20, 0, true),
};
/** Cells revealed per second by "compute cell by cell". */
const SWEEP_RATE = 24;

const sameValues = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) < 1e-9);
/** Hash images are stored in tenths (0-9), so presets are compared after the same rounding. */
const quantised = (values: readonly number[]) => values.map((v) => Math.round(v * 9) / 9);

export function mount(root: HTMLElement): void {
  mountSafely(root, NAME, () => build(root));
}

function build(root: HTMLElement): void {
  const hash = hashState(NAME, schema);
  let s = { ...hash.initial, px: quantised(hash.initial.px) };
  let shown = Infinity;
  let sweep: ReturnType<typeof animationLoop> | undefined;
  let cursor: { row: number; col: number } | undefined;
  const shell = mountShell(root, NAME, () => {
    s = hash.defaults();
    s.px = quantised(s.px);
    syncControls();
    update();
  });
  const { t } = shell;
  const image = (): Grid => ({ rows: IMAGE_SIZE, cols: IMAGE_SIZE, values: s.px });
  const kernel = (): Grid => ({ rows: K, cols: K, values: s.kernel });
  const imageName = (): ImageName | 'custom' => IMAGE_NAMES.find((n) => sameValues(quantised(IMAGES[n].values), s.px)) ?? 'custom';
  const kernelName = (): KernelName | 'custom' => KERNEL_NAMES.find((n) => sameValues(KERNELS[n], s.kernel)) ?? 'custom';

  const imageControl = selectControl(t('image'), 'image', [...IMAGE_NAMES, 'custom' as const].map((n) => ({ value: n, label: t(`image.${n}`) })), imageName(), (n) => {
    if (n === 'custom') return;
    s = { ...s, px: quantised(IMAGES[n].values) };
    update();
  });
  const kernelControl = selectControl(t('kernel'), 'kernel', [...KERNEL_NAMES, 'custom' as const].map((n) => ({ value: n, label: t(`kernel.${n}`) })), kernelName(), (n) => {
    if (n === 'custom') return;
    s = { ...s, kernel: [...KERNELS[n]] };
    syncKernelInputs();
    update();
  });
  const strideControl = rangeControl(t('stride'), 'stride', { min: 1, max: 3, step: 1, value: s.stride, format: String }, (stride) => {
    s = { ...s, stride };
    update();
  });
  const padControl = rangeControl(t('padding'), 'padding', { min: 0, max: 2, step: 1, value: s.pad, format: String }, (pad) => {
    s = { ...s, pad };
    update();
  });
  const sweepButton = button(t('sweep'), 'sweep', () => startSweep());
  shell.controls.append(imageControl.wrapper, kernelControl.wrapper, strideControl.wrapper, padControl.wrapper, sweepButton);

  // The kernel as nine number fields: typing a weight recomputes everything.
  const kernelInputs = Array.from({ length: K * K }, (_, k) => {
    const input = element('input', { type: 'number', step: '0.1', min: '-99', max: '99', 'aria-label': t('weight', { row: Math.floor(k / K) + 1, col: (k % K) + 1 }), 'data-weight': String(k) });
    input.addEventListener('input', () => {
      const v = Number(input.value);
      if (input.value.trim() === '' || !Number.isFinite(v) || Math.abs(v) > 99) return;
      s = { ...s, kernel: s.kernel.map((w, i) => (i === k ? v : w)) };
      kernelControl.set(kernelName());
      update();
    });
    return input;
  });
  const syncKernelInputs = () => kernelInputs.forEach((input, k) => (input.value = String(Number(s.kernel[k]!.toPrecision(4)))));

  const input = createCanvas(GRID_PX, GRID_PX, '');
  const output = createCanvas(GRID_PX, GRID_PX, '');
  input.canvas.tabIndex = 0;
  output.canvas.tabIndex = 0;
  input.canvas.dataset.input = '';
  output.canvas.dataset.output = '';
  const sizeLine = element('p', { class: 'pg-mono', 'data-size': '' });
  const cellHead = element('h3', { 'data-cell-head': '' });
  const terms = element('table', { class: 'pg-terms', 'data-terms': '' });
  const sumLine = element('p', { class: 'pg-mono', 'data-sum': '' });
  shell.body.append(
    element('div', { class: 'pg-row' }, [
      element('figure', { class: 'pg-panel-wide' }, [input.canvas]),
      element('div', {}, [element('h3', {}, [t('kernel')]), element('div', { class: 'pg-kernel' }, kernelInputs), element('h3', {}, [t('sizeHead')]), sizeLine]),
      element('figure', { class: 'pg-panel-wide' }, [output.canvas]),
    ]),
    cellHead,
    terms,
    sumLine,
  );

  function syncControls() {
    imageControl.set(imageName());
    kernelControl.set(kernelName());
    strideControl.set(s.stride);
    padControl.set(s.pad);
    syncKernelInputs();
  }

  let result: Grid = convolve(image(), kernel(), s.pad, s.stride);

  function update() {
    result = convolve(image(), kernel(), s.pad, s.stride);
    s = { ...s, i: Math.min(s.i, Math.max(0, result.rows - 1)), j: Math.min(s.j, Math.max(0, result.cols - 1)) };
    imageControl.set(imageName());
    const n = outputSize(IMAGE_SIZE, K, s.pad, s.stride);
    sizeLine.textContent = `⌊(${IMAGE_SIZE} + 2·${s.pad} − ${K}) / ${s.stride}⌋ + 1 = ${n}`;
    input.canvas.setAttribute('aria-label', t('inputLabel', { size: IMAGE_SIZE }));
    output.canvas.setAttribute('aria-label', t('outputLabel', { rows: result.rows, cols: result.cols }));
    draw();
    hash.save(s);
  }

  function draw() {
    const accent = themeColor('--accent', '#1f5fbf');
    const fg = '#1a1a1a';
    const has = result.rows > 0;
    const index = s.i * result.cols + s.j;
    const selected = has && index < shown ? { i: s.i, j: s.j } : undefined;
    drawInput(input.ctx, image(), s.pad, selected ? { row: s.stride * s.i - s.pad, col: s.stride * s.j - s.pad, size: K } : undefined, cursor, accent);
    drawOutput(output.ctx, result, shown, selected, accent, fg);
    output.canvas.dataset.cells = String(result.rows * result.cols);
    if (!has) {
      cellHead.textContent = '';
      terms.replaceChildren();
      sumLine.textContent = t('noOutput');
      return;
    }
    const cellTermsList = cellTerms(image(), kernel(), s.i, s.j, s.pad, s.stride);
    cellHead.textContent = t('cellHead', { i: s.i, j: s.j });
    terms.replaceChildren(
      ...Array.from({ length: K }, (_, u) =>
        element('tr', {}, cellTermsList.slice(u * K, (u + 1) * K).map((term) => element('td', {}, [`${formatNumber(term.input, 3)} × ${formatNumber(term.weight, 3)} = ${formatNumber(term.product, 3)}`]))),
      ),
    );
    const sum = cellTermsList.reduce((a, term) => a + term.product, 0);
    sumLine.textContent = `${t('sum')}: Y[${s.i}, ${s.j}] = Σ W·X = ${formatNumber(sum)}`;
    sumLine.dataset.value = String(sum);
  }

  function select(i: number, j: number) {
    if (result.rows === 0) return;
    s = { ...s, i: Math.max(0, Math.min(result.rows - 1, i)), j: Math.max(0, Math.min(result.cols - 1, j)) };
    draw();
    hash.save(s);
  }

  const arrows: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  output.canvas.addEventListener('pointermove', (e) => {
    const { row, col } = cellAt(e, output.canvas, Math.max(result.rows, result.cols));
    if (row < result.rows && col < result.cols && (row !== s.i || col !== s.j)) select(row, col);
  });
  output.canvas.addEventListener('keydown', (e) => {
    const d = arrows[e.key];
    if (!d) return;
    e.preventDefault();
    select(s.i + d[0], s.j + d[1]);
  });

  // Drawing: pointer drag paints (Shift erases); on the keyboard, arrows move a cursor and Space or Enter toggles a pixel.
  const paint = (row: number, col: number, value: number) => {
    if (row < 0 || col < 0 || row >= IMAGE_SIZE || col >= IMAGE_SIZE) return;
    s = { ...s, px: s.px.map((v, k) => (k === row * IMAGE_SIZE + col ? value : v)) };
    update();
  };
  let drawing = false;
  const inputCell = (e: PointerEvent) => {
    const { row, col } = cellAt(e, input.canvas, IMAGE_SIZE + 2 * s.pad);
    return { row: row - s.pad, col: col - s.pad };
  };
  input.canvas.addEventListener('pointerdown', (e) => {
    drawing = true;
    input.canvas.setPointerCapture(e.pointerId);
    const c = inputCell(e);
    paint(c.row, c.col, e.shiftKey ? 0 : 1);
  });
  input.canvas.addEventListener('pointermove', (e) => {
    if (!drawing) return;
    const c = inputCell(e);
    if (s.px[c.row * IMAGE_SIZE + c.col] !== (e.shiftKey ? 0 : 1)) paint(c.row, c.col, e.shiftKey ? 0 : 1);
  });
  input.canvas.addEventListener('pointerup', () => (drawing = false));
  input.canvas.addEventListener('focus', () => {
    cursor ??= { row: 0, col: 0 };
    draw();
  });
  input.canvas.addEventListener('blur', () => {
    cursor = undefined;
    draw();
  });
  input.canvas.addEventListener('keydown', (e) => {
    cursor ??= { row: 0, col: 0 };
    const d = arrows[e.key];
    if (d) {
      e.preventDefault();
      cursor = { row: Math.max(0, Math.min(IMAGE_SIZE - 1, cursor.row + d[0])), col: Math.max(0, Math.min(IMAGE_SIZE - 1, cursor.col + d[1])) };
      draw();
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      const on = s.px[cursor.row * IMAGE_SIZE + cursor.col]! >= 0.5;
      paint(cursor.row, cursor.col, e.shiftKey || on ? 0 : 1);
    }
  });

  function startSweep() {
    sweep?.stop();
    const total = result.rows * result.cols;
    if (prefersReducedMotion() || total === 0) {
      shown = Infinity;
      draw();
      return;
    }
    shown = 0;
    let elapsed = 0;
    sweep = animationLoop((ms) => {
      elapsed += ms;
      const next = Math.min(total, Math.floor((elapsed / 1000) * SWEEP_RATE) + 1);
      if (next !== shown) {
        shown = next;
        // The selected cell follows the sweep, so its products show as each cell is computed.
        s = { ...s, i: Math.floor((shown - 1) / result.cols), j: (shown - 1) % result.cols };
        draw();
      }
      if (shown >= total) {
        shown = Infinity;
        hash.save(s);
        return false;
      }
      return true;
    });
  }

  syncControls();
  update();
}

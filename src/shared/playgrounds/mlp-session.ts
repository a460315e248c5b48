/**
 * One training session of the MLP playground: the data, the network and the
 * batch-order randomness, all from seeds, so the same settings and epoch count
 * give the same numbers in the browser, in a shared link and in the tests.
 */
import { makeDataset, splitTrainTest, type DatasetName, type Point } from './datasets.ts';
import { backward, createMlp, evaluate, forward, inputsOf, loss, trainEpoch, type ActivationName, type Mlp } from './mlp.ts';
import { seededRandom } from '../random.ts';

export interface SessionSettings {
  dataset: DatasetName;
  /** 0 … 0.5 */
  noise: number;
  /** Share of the points used for training, 0.1 … 0.9. */
  split: number;
  layers: number;
  width: number;
  activation: ActivationName;
  learningRate: number;
  l2: number;
}

export const POINTS = 200;
export const BATCH_SIZE = 10;
const SEED = 1;

export interface EpochStats {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  testAccuracy: number;
}

export interface Trace {
  point: Point;
  /** Per layer (input first): each neuron's output a, and its δ = ∂L/∂z (NaN for the inputs). */
  a: number[][];
  delta: number[][];
  p: number;
  loss: number;
}

export class TrainingSession {
  readonly train: Point[];
  readonly test: Point[];
  readonly net: Mlp;
  epoch = 0;
  readonly history: EpochStats[] = [];
  private readonly random = seededRandom(SEED + 1);
  private traced = 0;
  private settings: SessionSettings;

  constructor(settings: SessionSettings) {
    this.settings = settings;
    const split = splitTrainTest(makeDataset(settings.dataset, POINTS, settings.noise, SEED), settings.split, SEED);
    this.train = split.train;
    this.test = split.test;
    this.net = createMlp(Array.from({ length: settings.layers }, () => settings.width), settings.activation, SEED);
    this.history.push(this.stats());
  }

  /** Learning rate and L2 may change mid-training, as in TensorFlow Playground. */
  retune(learningRate: number, l2: number): void {
    this.settings = { ...this.settings, learningRate, l2 };
  }

  runEpoch(): EpochStats {
    trainEpoch(this.net, this.train, { learningRate: this.settings.learningRate, l2: this.settings.l2, batchSize: BATCH_SIZE }, this.random);
    this.epoch++;
    const s = this.stats();
    this.history.push(s);
    return s;
  }

  stats(): EpochStats {
    const train = evaluate(this.net, this.train);
    const test = evaluate(this.net, this.test);
    return { epoch: this.epoch, trainLoss: train.loss, testLoss: test.loss, testAccuracy: test.accuracy };
  }

  /** Forward values and backward gradients of the next training example, weights unchanged. */
  traceNext(): Trace {
    const point = this.train[this.traced++ % this.train.length]!;
    const pass = forward(this.net, inputsOf([point]));
    const grads = backward(this.net, pass, [point.label], this.settings.l2);
    return {
      point,
      a: pass.a.map((m) => Array.from(m.data)),
      delta: pass.a.map((m, l) => (l === 0 ? Array.from(m.data, () => Number.NaN) : Array.from(grads.delta[l]!.data))),
      p: pass.a.at(-1)!.data[0]!,
      loss: loss(this.net, pass, [point.label], 0).data,
    };
  }
}

import type { PlaygroundName } from '../shared/playgrounds/names.ts';

/** Which concept pages carry which in-browser demo. */
export const DEMOS: Record<string, Array<'ocr' | 'embedding' | PlaygroundName>> = {
  'convolutional-neural-network': ['ocr'],
  'computer-vision': ['ocr'],
  convolution: ['convolution', 'ocr'],
  'gradient-descent': ['gradient-descent'],
  backpropagation: ['backpropagation'],
  'word-embedding': ['embedding'],
  'attention-mechanism': ['embedding'],
  'latent-semantic-analysis': ['embedding'],
};

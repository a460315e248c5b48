/** Which concept pages carry which in-browser demo. */
export const DEMOS: Record<string, Array<'ocr' | 'embedding'>> = {
  'convolutional-neural-network': ['ocr'],
  'computer-vision': ['ocr'],
  convolution: ['ocr'],
  'word-embedding': ['embedding'],
  'attention-mechanism': ['embedding'],
  'latent-semantic-analysis': ['embedding'],
};

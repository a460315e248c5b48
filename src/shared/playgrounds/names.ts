/** The playgrounds, by the name their root carries in data-playground and in the URL hash. */
export const PLAYGROUND_NAMES = ['gradient-descent', 'backpropagation', 'convolution', 'rnn', 'attention'] as const;
export type PlaygroundName = (typeof PLAYGROUND_NAMES)[number];

export const isPlaygroundName = (name: string): name is PlaygroundName => (PLAYGROUND_NAMES as readonly string[]).includes(name);

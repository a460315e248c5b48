/**
 * KaTeX validation. rehype-katex renders bad math in red instead of failing, so
 * every formula is also rendered here with throwOnError to fail the check and build.
 */
import katex from 'katex';

/** The options the site renders with: no \href/\includegraphics, bounded sizes and macro expansion. */
export const KATEX_OPTIONS = {
  trust: false,
  strict: 'ignore',
  maxSize: 20,
  maxExpand: 1000,
  output: 'htmlAndMathml',
} as const;

/** The error KaTeX reports for a formula, or undefined when it renders. */
export function validateTex(tex: string, displayMode: boolean): string | undefined {
  try {
    katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode, throwOnError: true });
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.replace(/^KaTeX parse error: /, '');
  }
}

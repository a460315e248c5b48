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

// The check, the page data and the Markdown renderer each validate every formula of a build:
// remember the verdicts so KaTeX parses each distinct formula once per process.
const verdicts = new Map<string, string | undefined>();
const MAX_VERDICTS = 100_000;

/** The error KaTeX reports for a formula, or undefined when it renders. */
export function validateTex(tex: string, displayMode: boolean): string | undefined {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  if (verdicts.has(key)) return verdicts.get(key);
  let verdict: string | undefined;
  try {
    katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode, throwOnError: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    verdict = message.replace(/^KaTeX parse error: /, '');
  }
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear(); // bounded memory on very large sites
  verdicts.set(key, verdict);
  return verdict;
}

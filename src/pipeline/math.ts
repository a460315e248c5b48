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

// The check, the page data and the Markdown renderer each render every formula of a build:
// remember each distinct formula's HTML (or error) so KaTeX renders it once per process. The
// memory is bounded by bytes, since a large site has tens of thousands of distinct formulas.
interface Rendered {
  html?: string;
  error?: string;
}
const rendered = new Map<string, Rendered>();
const MAX_RENDERED_CHARS = 64 * 2 ** 20;
let renderedChars = 0;

/** KaTeX's HTML for a formula (the site's options, throwOnError), or its error message. */
export function renderTex(tex: string, displayMode: boolean): Rendered {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  const hit = rendered.get(key);
  if (hit) return hit;
  let result: Rendered;
  try {
    result = { html: katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode, throwOnError: true }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result = { error: message.replace(/^KaTeX parse error: /, '') };
  }
  const size = key.length + (result.html ?? result.error ?? '').length;
  if (renderedChars + size > MAX_RENDERED_CHARS) {
    rendered.clear();
    renderedChars = 0;
  }
  rendered.set(key, result);
  renderedChars += size;
  return result;
}

/** The error KaTeX reports for a formula, or undefined when it renders. */
export function validateTex(tex: string, displayMode: boolean): string | undefined {
  return renderTex(tex, displayMode).error;
}

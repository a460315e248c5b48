/**
 * The Content-Security-Policy every page carries (as a <meta> tag, because static
 * hosts such as GitHub Pages cannot set headers): only the site's own scripts,
 * styles, fonts and images. Style *attributes* stay allowed because KaTeX and
 * Shiki position glyphs and colour tokens with them; attributes cannot run code.
 * 'wasm-unsafe-eval' lets the site's own WebAssembly compile: Pagefind's search runs on
 * every page. What islands need beyond that (blob: workers) comes from their entries in
 * src/shared/islands.ts.
 */
import { ISLANDS, type IslandInfo } from '../shared/islands.ts';

const blobWorkers = (Object.values(ISLANDS) as IslandInfo[]).some((island) => island.csp?.blobWorkers);

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  `worker-src 'self'${blobWorkers ? ' blob:' : ''}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

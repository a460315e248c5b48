/**
 * Notes come from pull requests, so they are untrusted: they may not carry raw
 * HTML (no <script>, <iframe>, on*= handlers), MDX imports or exports, links to
 * javascript:/data: URLs, or images from other sites. Each is an error at its line.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Diagnostic } from './diagnostics.ts';

const SAFE_LINK = /^(?:https?:|mailto:|#|\/|\.{0,2}\/|[^:]*$)/i;
const IMAGE_TYPES = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;

/** The first tag of a raw HTML snippet, for the message: `<script>`, `<img onerror=...>`. */
function describeHtml(value: string): string {
  const tag = /<\/?\s*([a-zA-Z][\w-]*)/.exec(value)?.[1]?.toLowerCase();
  const handler = /\son[a-z]+\s*=/i.exec(value)?.[0]?.trim();
  if (handler) return `an event handler (${handler.replace(/\s*=$/, '=')}) in <${tag ?? '?'}>`;
  if (tag) return `<${tag}>`;
  return value.startsWith('<!--') ? 'an HTML comment' : 'raw HTML';
}

/** `exists` answers for project-relative paths (the analysis cache records what was asked). */
export function checkUntrustedMarkdown(tree: Root, note: { file: string; bodyLine: number }, root: string, exists = (projectPath: string) => fs.existsSync(path.join(root, projectPath))): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }) => ({
    line: (node.position?.start.line ?? 1) + note.bodyLine - 1,
    column: node.position?.start.column ?? 1,
  });
  const isPaperNote = note.file.startsWith('papers/');

  visit(tree, (node, _index, parent) => {
    if (node.type === 'html') {
      diagnostics.push({ file: note.file, ...at(node), severity: 'error', rule: 'safety/raw-html',
        message: `raw HTML is not allowed in notes: found ${describeHtml(node.value)}`,
        hint: 'write Markdown instead; for a formula use $...$, for a link [text](https://...)' });
    }
    if (node.type === 'paragraph' && parent?.type === 'root' && isPaperNote) {
      const first = node.children[0];
      if (first?.type === 'text' && /^(?:import|export)\s/.test(first.value)) {
        diagnostics.push({ file: note.file, ...at(node), severity: 'error', rule: 'safety/mdx',
          message: `MDX ${first.value.startsWith('import') ? 'import' : 'export'} statements are not allowed in paper notes`,
          hint: 'paper notes are plain Markdown: remove the statement; link pages with [[...]] instead' });
      }
    }
    if ((node.type === 'link' || node.type === 'definition') && !SAFE_LINK.test(node.url.trim())) {
      diagnostics.push({ file: note.file, ...at(node), severity: 'error', rule: 'safety/url',
        message: `link to "${node.url.slice(0, 40)}" is not allowed: only http(s), mailto and relative links`,
        hint: 'use an https:// address' });
    }
    if (node.type === 'image') {
      const url = node.url.trim();
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
        diagnostics.push({ file: note.file, ...at(node), severity: 'error', rule: 'image/remote',
          message: `image "${url.slice(0, 60)}" is not in the repository`,
          hint: 'put the image file next to the note and reference it as ./name.png' });
      } else if (!IMAGE_TYPES.test(url.split(/[?#]/)[0] ?? '')) {
        diagnostics.push({ file: note.file, ...at(node), severity: 'error', rule: 'image/type',
          message: `image "${url}" is not a .png, .jpg, .gif, .webp, .avif or .svg file` });
      } else if (!exists(path.join(path.dirname(note.file), url.split(/[?#]/)[0] ?? ''))) {
        diagnostics.push({ file: note.file, ...at(node), severity: 'error', rule: 'image/missing',
          message: `image "${url}" does not exist`, hint: `add the file to ${path.dirname(note.file)}/ or fix the path` });
      }
    }
  });
  return diagnostics;
}

/** Files in papers/ other than paper.bib, zh.md, en.md and images are refused (no .mdx, no scripts). */
export function checkPaperFolderFiles(root: string, dir: string): Diagnostic[] {
  const allowed = /^(?:paper\.bib|meta\.yaml|zh\.md|en\.md)$|\.(?:png|jpe?g|gif|webp|avif|svg)$/i;
  return fs.readdirSync(path.join(root, dir)).filter((name) => !allowed.test(name)).map((name) => ({
    file: `${dir}/${name}`, line: 1, column: 1, severity: 'error' as const, rule: name.endsWith('.mdx') ? 'safety/mdx' : 'content/unexpected-file',
    message: name.endsWith('.mdx') ? 'MDX files are not allowed in papers/: notes are plain Markdown' : `unexpected file "${name}" in a paper folder`,
    hint: 'a paper folder holds paper.bib, meta.yaml, zh.md, en.md and images only',
  }));
}

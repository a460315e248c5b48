/**
 * Text of every page for embedding: title, summary and the note's prose, with
 * code, math and link syntax removed (they are noise for a bag-of-words model
 * and for a sentence encoder alike). Also the bilingual training documents:
 * a page's Chinese and English text for the same section form one document,
 * which is what lets cross-language LSI put 梯度下降 next to "gradient descent".
 */
import { createHash } from 'node:crypto';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from '../analyze.ts';
import { packageVersions, sourceHash } from '../cache-key.ts';
import { JsonCache } from '../json-cache.ts';
import { allEntities, entityName, type Catalog, type Entity } from '../catalog.ts';
import { findReferences } from '../references.ts';
import { LANGS, type Lang } from '../../shared/locales.ts';

export interface PageText {
  /** `concept:gradient-descent:zh` */
  id: string;
  entity: Entity;
  lang: Lang;
  title: string;
  /** Title, summary and prose, for the encoder. */
  text: string;
  /** The prose split at `##` headings (first entry: title and summary; then the questions, if any). */
  sections: string[];
  /** The questions the page answers, one per line (concepts' and resources' `questions:`). */
  questions?: string;
}

/** Link and citation syntax becomes its visible words; citations disappear. */
function plainReferences(text: string, catalog: Catalog, lang: Lang): string {
  let out = '';
  let cursor = 0;
  for (const ref of findReferences(text)) {
    out += text.slice(cursor, ref.start);
    if (ref.type === 'wikilink') {
      const target = [...catalog.concepts.values(), ...catalog.resources.values()].find((e) => e.id === ref.target);
      out += ref.label ?? (target ? entityName(target, lang) : ref.target.replace(/-/g, ' '));
    }
    cursor = ref.end;
  }
  return out + text.slice(cursor);
}

function proseOf(nodes: RootContent[]): string {
  const keep = nodes.filter((n) => n.type !== 'code' && n.type !== 'math' && n.type !== 'html');
  return keep
    .map((n) => {
      const clone = structuredClone(n);
      stripNoise(clone);
      return toString(clone);
    })
    .join('\n');
}

function stripNoise(node: { type: string; children?: unknown[]; value?: string }) {
  if (!node.children) return;
  node.children = (node.children as Array<{ type: string }>).filter((c) => c.type !== 'inlineMath' && c.type !== 'inlineCode' && c.type !== 'html');
  for (const child of node.children as Array<{ type: string; children?: unknown[] }>) stripNoise(child);
}

/**
 * How often a page's title counts in its vector: names weighted above body text, with the
 * aliases once (npm run compare:embed: on the tuning queries, English hit@1 48.9% -> 61.7%,
 * MRR 0.652 -> 0.724, Chinese unchanged at hit@5 98.0%).
 */
export const TITLE_WEIGHT = 3;

/**
 * The head of a page's text: the title (TITLE_WEIGHT times), its aliases, the summary (and, in
 * designs compared by `npm run compare:embed`, the questions the page answers).
 */
export function headText(title: string, aliases: string[], summary: string, titleWeight = TITLE_WEIGHT, questions: string[] = []): string {
  return [...Array<string>(titleWeight).fill(title), ...(titleWeight > 1 ? [aliases.join(' ')] : []), summary, ...questions].join('\n');
}

/** What the lexical index (src/shared/search/lexical.ts) matches a query against: the head and the questions. */
export function lexicalText(page: PageText): string {
  return page.questions ? `${page.sections[0]}\n${page.questions}` : page.sections[0] ?? page.title;
}

/** The `questions:` of a concept, resource or paper in one language. */
export function questionsOf(entity: Entity, lang: Lang): string[] {
  return entity.meta.questions?.[lang] ?? [];
}

/** A note's prose split at `##` headings, code and math left out. */
function proseSections(markdown: string): string[] {
  const sections: RootContent[][] = [[]];
  for (const node of parseMarkdown(markdown).children) {
    if (node.type === 'heading' && node.depth <= 2) sections.push([]);
    sections.at(-1)!.push(node);
  }
  return sections.map(proseOf).filter((s) => s.trim().length > 0);
}

/**
 * Every page's text. The prose of a note is kept in .cache/site/page-prose.json by its
 * Markdown (and the pipeline's source): a rebuild after one edit parses one note, not all.
 */
export function pageTexts(catalog: Catalog, options: { cacheFile?: string } = {}): PageText[] {
  const root = catalog.paths.root;
  const cache = new JsonCache<string[]>(options.cacheFile, 'prose-1');
  const key = createHash('sha256').update(`${packageVersions(root, ['remark-parse', 'remark-gfm', 'remark-math'])}\n${sourceHash(root)}\n`).digest('hex');
  const pages: PageText[] = [];
  for (const entity of allEntities(catalog)) {
    for (const lang of LANGS) {
      const note = entity.notes[lang];
      if (!note) continue;
      const markdown = plainReferences(note.body, catalog, lang);
      const noteKey = createHash('sha256').update(key).update(markdown).digest('hex');
      let bodySections = cache.get(noteKey);
      if (!bodySections) cache.set(noteKey, (bodySections = proseSections(markdown)));
      const title = entityName(entity, lang);
      // The questions are a section of their own, not part of the head: a dozen of them drowned
      // the names in the head's vector (npm run compare:embed, designs questions+head and
      // head+questions), and their own vector meets a question worded like one of them.
      const head = headText(title, entity.meta.aliases, note.frontmatter.summary);
      const questions = questionsOf(entity, lang).join('\n');
      const sections = [head, ...(questions ? [questions] : []), ...bodySections];
      pages.push({ id: `${entity.kind}:${entity.id}:${lang}`, entity, lang, title, text: sections.join('\n\n'), sections, ...(questions ? { questions } : {}) });
    }
  }
  cache.save();
  return pages;
}

/**
 * Training documents: per page, the names and aliases (both languages), the whole
 * page in both languages, and each pair of twin sections when both notes have the
 * same outline. Pages with one language still train on what they have.
 */
export function trainingDocuments(pages: PageText[], options: { questionDocuments?: boolean } = {}): string[] {
  const byEntity = new Map<Entity, Partial<Record<Lang, PageText>>>();
  for (const page of pages) byEntity.set(page.entity, { ...byEntity.get(page.entity), [page.lang]: page });
  const docs: string[] = [];
  for (const [entity, twins] of byEntity) {
    const names = entity.kind === 'paper' ? [entity.paper.title, ...entity.meta.aliases] : [entity.meta.name.zh, entity.meta.name.en, ...entity.meta.aliases];
    docs.push([...names, twins.zh?.sections[0] ?? '', twins.en?.sections[0] ?? ''].join('\n'));
    docs.push([twins.zh?.text ?? '', twins.en?.text ?? ''].join('\n'));
    const zh = twins.zh?.sections ?? [];
    const en = twins.en?.sections ?? [];
    if (zh.length === en.length) for (let i = 1; i < zh.length; i++) docs.push(`${zh[i]}\n${en[i]}`);
    if (options.questionDocuments) for (const q of [...(twins.zh?.questions?.split('\n') ?? []), ...(twins.en?.questions?.split('\n') ?? [])]) docs.push([...names, q].join('\n'));
  }
  return docs;
}

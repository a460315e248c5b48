/**
 * A synthetic knowledge base for benchmarks: a full project folder (this checkout's code and
 * real content, node_modules linked) plus N generated papers and N/20 generated concepts, with
 * zh + en notes that have inline and display math, [[links]] to concepts and papers, [@citations]
 * of earlier papers, key equations and BibTeX. Deterministic for a given seed, so runs compare.
 * The text is assembled from templates over the concept names: it reads like notes, it is not
 * meant to be true, and it never lands in this checkout's papers/.
 */
import fs from 'node:fs';
import path from 'node:path';

/** What a project folder needs to build, copied from the checkout (node_modules is linked). */
export const PROJECT_FILES = ['src', 'papers', 'public', 'scripts', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface SyntheticOptions {
  papers: number;
  /** Generated concepts; default one per 20 papers (at least 5). */
  concepts?: number;
  seed?: number;
}

export interface SyntheticSummary {
  root: string;
  papers: number;
  concepts: number;
  files: number;
}

/** Park-Miller style LCG: tiny, deterministic, good enough to shuffle templates. */
function rng(seed: number) {
  let s = seed % 2147483647 || 1;
  const next = () => (s = (s * 48271) % 2147483647) / 2147483647;
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick<T>(items: readonly T[]): T {
      return items[Math.floor(next() * items.length)]!;
    },
  };
}

const TOPICS = ['foundations', 'optimization', 'training', 'architectures', 'nlp', 'vision', 'speech', 'large-models', 'systems'];
const ZH_STEMS = ['稀疏', '分层', '自适应', '对比', '因果', '多尺度', '门控', '低秩', '量化', '递归', '概率', '局部', '全局', '动态', '混合'];
const ZH_NOUNS = ['注意力', '归一化', '编码器', '正则化', '蒸馏', '检索', '采样', '路由', '预训练', '对齐', '卷积', '记忆', '表示', '优化器', '解码'];
const EN_STEMS = ['Sparse', 'Hierarchical', 'Adaptive', 'Contrastive', 'Causal', 'Multi-scale', 'Gated', 'Low-rank', 'Quantized', 'Recursive', 'Probabilistic', 'Local', 'Global', 'Dynamic', 'Mixed'];
const EN_NOUNS = ['attention', 'normalization', 'encoders', 'regularization', 'distillation', 'retrieval', 'sampling', 'routing', 'pre-training', 'alignment', 'convolution', 'memory', 'representations', 'optimizers', 'decoding'];
const FAMILIES = ['Zhang', 'Li', 'Wang', 'Chen', 'Smith', 'Müller', 'Garcia', 'Kim', 'Sato', 'Novak', 'Okafor', 'Rossi', 'Dubois', 'Singh', 'Cohen'];
const GIVEN = ['Wei', 'Anna', 'Jun', 'David', 'Maria', 'Hiro', 'Lena', 'Omar', 'Sara', 'Ivan', 'Mei', 'Paul'];
const VENUES = ['Advances in Neural Information Processing Systems', 'International Conference on Machine Learning', 'International Conference on Learning Representations', 'Conference on Computer Vision and Pattern Recognition', 'Annual Meeting of the Association for Computational Linguistics'];
const INLINE = ['\\theta_{t+1} = \\theta_t - \\eta \\nabla_\\theta L', 'h_t = \\tanh(W h_{t-1} + U x_t)', '\\mathrm{softmax}(z)_i = e^{z_i} / \\sum_j e^{z_j}', 'p(y \\mid x)', 'O(n \\log n)', '\\lVert W \\rVert_F^2', 'd_{\\mathrm{model}} = 512'];
const DISPLAY = [
  'L(\\theta) = -\\frac{1}{N}\\sum_{i=1}^{N} \\log p_\\theta(y_i \\mid x_i) + \\lambda \\lVert \\theta \\rVert_2^2',
  '\\mathrm{Attention}(Q,K,V) = \\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V',
  'y = \\gamma \\frac{x - \\mu_{\\mathcal{B}}}{\\sqrt{\\sigma_{\\mathcal{B}}^2 + \\epsilon}} + \\beta',
  'm_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t, \\quad v_t = \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2',
];

interface Concept {
  slug: string;
  zh: string;
  en: string;
  topic: string;
}

function conceptsFor(count: number, r: ReturnType<typeof rng>): Concept[] {
  return Array.from({ length: count }, (_, i) => {
    const a = i % ZH_STEMS.length;
    const b = Math.floor(i / ZH_STEMS.length) % ZH_NOUNS.length;
    const n = Math.floor(i / (ZH_STEMS.length * ZH_NOUNS.length));
    const suffix = n ? ` ${n + 1}` : '';
    // Marked as synthetic, so no generated name can claim a real concept's name ("Sparse attention").
    return { slug: `syn-concept-${i}`, zh: `${ZH_STEMS[a]}${ZH_NOUNS[b]}（合成${suffix}）`, en: `${EN_STEMS[a]} ${EN_NOUNS[b]} (synthetic${suffix})`, topic: r.pick(TOPICS) };
  });
}

/** Real concept slugs of the checkout, so synthetic papers link into the real graph too. */
function realConcepts(root: string): string[] {
  const dir = path.join(root, 'src/content/concepts');
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'meta.yaml'))).sort() : [];
}

const paperKey = (i: number) => `syn${String(i).padStart(5, '0')}paper`;

function paragraphEn(r: ReturnType<typeof rng>, c: Concept, other: Concept, real: string, cite: string | undefined): string {
  const citation = cite ? ` [@${cite}]` : '';
  return [
    `This work revisits [[${c.slug}|${c.en.toLowerCase()}]] and asks when it helps a model trained with [[${real}]].`,
    `The authors compare it with [[${other.slug}]]${citation} on language and vision benchmarks, keeping the budget of parameters fixed.`,
    `Writing the update as $${r.pick(INLINE)}$ makes the role of each term explicit, and the analysis bounds the cost by $${r.pick(INLINE)}$.`,
    `Ablations remove one component at a time; the gains shrink on small data sets and grow with depth, which suggests that the method mostly helps optimisation rather than capacity.`,
  ].join(' ');
}

function paragraphZh(r: ReturnType<typeof rng>, c: Concept, other: Concept, real: string, cite: string | undefined): string {
  const citation = cite ? `[@${cite}]` : '';
  return [
    `这项工作重新审视了[[${c.slug}|${c.zh}]]，并研究它在用[[${real}]]训练的模型中何时有效。`,
    `作者在参数量相同的条件下，把它与[[${other.slug}]]${citation}在语言和视觉基准上进行了比较。`,
    `把更新写成 $${r.pick(INLINE)}$ 之后，每一项的作用都很清楚，分析给出的代价上界是 $${r.pick(INLINE)}$。`,
    `消融实验每次去掉一个组件：数据集较小时收益变小，网络越深收益越大，说明这种方法主要帮助的是优化而不是容量。`,
  ].join('');
}

function paperNote(lang: 'zh' | 'en', i: number, r: ReturnType<typeof rng>, concepts: Concept[], real: string[]): string {
  const c = concepts[i % concepts.length]!;
  const other = concepts[(i * 7 + 3) % concepts.length]!;
  const realSlug = real.length ? real[i % real.length]! : other.slug;
  // Cite up to three earlier papers (a citation graph that only points back in time, like the real one).
  const cites = i === 0 ? [] : Array.from({ length: Math.min(3, i) }, (_, k) => paperKey(Math.max(0, i - 1 - ((i * (k + 3)) % Math.min(i, 200)))));
  const equation = r.pick(DISPLAY);
  const para = lang === 'en' ? paragraphEn : paragraphZh;
  const h = lang === 'en'
    ? ['The problem', 'The key idea', 'Key equations', 'Results that mattered', 'What it led to']
    : ['要解决的问题', '核心思想', '关键公式', '重要结果', '后续影响'];
  const summary = lang === 'en'
    ? `A synthetic paper about ${c.en.toLowerCase()} and its interaction with ${other.en.toLowerCase()}, generated for benchmarks.`
    : `一篇关于${c.zh}及其与${other.zh}相互作用的合成论文，为基准测试而生成。`;
  const label = lang === 'en' ? 'Training objective' : '训练目标';
  const related = cites.length ? (lang === 'en' ? `It builds on ${cites.map((k) => `[[${k}]]`).join(', ')}.` : `它建立在 ${cites.map((k) => `[[${k}]]`).join('、')} 的基础上。`) : '';
  return `---
summary: '${summary}'
concepts: [${c.slug}, ${other.slug}${real.length ? `, ${realSlug}` : ''}]
tags: [synthetic, ${c.topic}]
equations:
  - label: ${label}
    tex: '${equation.replace(/'/g, "''")}'
---

## ${h[0]}

${para(r, c, other, realSlug, cites[0])}

## ${h[1]}

${para(r, other, c, realSlug, cites[1])}

## ${h[2]}

$$
${r.pick(DISPLAY)}
$$

${para(r, c, other, realSlug, undefined)}

## ${h[3]}

${para(r, c, other, realSlug, cites[2])}

## ${h[4]}

${related}
`;
}

function paperBib(i: number, r: ReturnType<typeof rng>, concepts: Concept[]): string {
  const c = concepts[i % concepts.length]!;
  const authors = Array.from({ length: 1 + r.int(4) }, () => `${r.pick(FAMILIES)}, ${r.pick(GIVEN)}`).join(' and ');
  return `@inproceedings{${paperKey(i)},
  author    = {${authors}},
  title     = {${c.en} for Deep Networks, Study ${i}},
  booktitle = {${r.pick(VENUES)}},
  year      = {${2000 + (i % 26)}}
}
`;
}

function conceptFiles(c: Concept, i: number, all: Concept[], papers: number) {
  const prereq = i > 0 ? [all[Math.floor(i / 2)]!.slug] : [];
  const paperKeys = papers ? [paperKey(i % papers)] : [];
  const meta = `name:\n  zh: ${c.zh}\n  en: ${c.en}\naliases: []\ntopic: ${c.topic}\nprerequisites: [${prereq.join(', ')}]\npapers: [${paperKeys.join(', ')}]\n`;
  const zh = `---\nsummary: ${c.zh}是为基准测试生成的概念，它把${all[(i + 1) % all.length]!.zh}推广到更一般的情形。\n---\n\n## 定义\n\n${c.zh}指的是一类方法：给定输入 $x$，它学习一个映射 $f_\\theta(x)$，并用[[${all[(i + 1) % all.length]!.slug}]]约束其结构。\n\n$$\n${DISPLAY[i % DISPLAY.length]}\n$$\n\n## 为什么重要\n\n许多合成论文都用到了它，例如 [[${paperKeys[0] ?? c.slug}]]。\n`;
  const en = `---\nsummary: ${c.en} is a concept generated for benchmarks that extends ${all[(i + 1) % all.length]!.en.toLowerCase()} to a more general setting.\n---\n\n## Definition\n\n${c.en} names a family of methods that learn a map $f_\\theta(x)$ from inputs $x$, with [[${all[(i + 1) % all.length]!.slug}]] constraining its structure.\n\n$$\n${DISPLAY[i % DISPLAY.length]}\n$$\n\n## Why it matters\n\nMany synthetic papers use it, for example [[${paperKeys[0] ?? c.slug}]].\n`;
  return { meta, zh, en };
}

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/**
 * Makes `out` a buildable project: the checkout's code and content, plus the generated papers and
 * concepts. `out` must not exist or be empty (it is never this checkout).
 */
export function generateSyntheticProject(repo: string, out: string, options: SyntheticOptions): SyntheticSummary {
  const root = path.resolve(out);
  if (root === path.resolve(repo) || path.resolve(repo).startsWith(root + path.sep)) throw new Error(`--out ${out}: choose a folder outside this checkout`);
  if (fs.existsSync(root) && fs.readdirSync(root).length > 0) throw new Error(`--out ${out}: the folder is not empty; choose a new folder or remove it first`);
  if (!Number.isInteger(options.papers) || options.papers < 0) throw new Error(`--papers ${options.papers}: give a whole number of papers, e.g. --papers 1000`);
  fs.mkdirSync(root, { recursive: true });
  for (const entry of PROJECT_FILES) {
    fs.cpSync(path.join(repo, entry), path.join(root, entry), { recursive: true, filter: (src) => !src.includes(`${path.sep}vendor${path.sep}`) && !src.includes(`${path.sep}models${path.sep}`) });
  }
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');

  const r = rng(options.seed ?? 42);
  const conceptCount = options.concepts ?? Math.max(5, Math.round(options.papers / 20));
  const concepts = conceptsFor(conceptCount, r);
  const real = realConcepts(repo);
  let files = 0;
  concepts.forEach((c, i) => {
    const dir = path.join(root, 'src/content/concepts', c.slug);
    const { meta, zh, en } = conceptFiles(c, i, concepts, options.papers);
    write(path.join(dir, 'meta.yaml'), meta);
    write(path.join(dir, 'zh.md'), zh);
    write(path.join(dir, 'en.md'), en);
    files += 3;
  });
  for (let i = 0; i < options.papers; i++) {
    const dir = path.join(root, 'papers', paperKey(i));
    write(path.join(dir, 'paper.bib'), paperBib(i, r, concepts));
    write(path.join(dir, 'zh.md'), paperNote('zh', i, r, concepts, real));
    write(path.join(dir, 'en.md'), paperNote('en', i, r, concepts, real));
    files += 3;
  }
  return { root, papers: options.papers, concepts: conceptCount, files };
}

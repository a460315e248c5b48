/**
 * APA 7 writes the titles of articles, papers, chapters, books and reports in
 * sentence case: the first word, the first word after a colon, proper nouns and
 * acronyms keep their capitals, everything else is lower case.
 *
 * This works on the BibTeX source of a title, where {braces} protect a word's
 * case as BibTeX itself defines it. Written here because citation-js 0.8's own
 * sentence-case option lowercases after hyphens inconsistently ("State-of-the-Art
 * natural") and lowercases accented capitals in braces ({\"O}sterreich -> österreich).
 *
 * Kept as written: brace-protected text ({BERT}, {Mikolov et al.}), words in
 * capitals (AI, COCO), words with a capital after their first letter (ImageNet,
 * PyTorch, GPUs), LaTeX command names, and the title's first word.
 */

interface Piece {
  /** Source text of this piece. */
  raw: string;
  /** Letters the reader sees, used to decide the word's case (commands removed). */
  letters: string;
  /** True when braces protect the piece. */
  protected: boolean;
}

/** Splits a title into words at top-level white space; each word is a list of pieces. */
function words(raw: string): { word: Piece[]; space: string }[] {
  const out: { word: Piece[]; space: string }[] = [];
  let word: Piece[] = [];
  let i = 0;
  const flush = (space: string) => {
    if (word.length || space) out.push({ word, space });
    word = [];
  };
  while (i < raw.length) {
    const ch = raw[i]!;
    if (/\s/.test(ch) || ch === '~') {
      let j = i;
      while (j < raw.length && (/\s/.test(raw[j]!) || raw[j] === '~')) j++;
      flush(raw.slice(i, j));
      i = j;
    } else if (ch === '{') {
      let depth = 0;
      let j = i;
      for (; j < raw.length; j++) {
        if (raw[j] === '\\') { j++; continue; }
        if (raw[j] === '{') depth++;
        else if (raw[j] === '}' && --depth === 0) break;
      }
      const group = raw.slice(i, j + 1);
      // {\"O}: a "special character" in BibTeX's terms, which case changes do reach.
      const special = /^\{\\/.test(group);
      word.push({ raw: group, letters: stripLatex(group), protected: !special });
      i = j + 1;
    } else if (ch === '\\') {
      const cmd = /^\\(?:[A-Za-z]+|.)\s*(?:\{[^{}]*\}|[A-Za-z](?![A-Za-z]))?/.exec(raw.slice(i))![0];
      word.push({ raw: cmd, letters: stripLatex(cmd), protected: false });
      i += cmd.length;
    } else {
      let j = i;
      while (j < raw.length && !/[\s~{\\]/.test(raw[j]!)) j++;
      word.push({ raw: raw.slice(i, j), letters: raw.slice(i, j), protected: false });
      i = j;
    }
  }
  flush('');
  return out;
}

/** Letters of LaTeX source without commands and braces: \"{O}sterreich -> Osterreich. */
function stripLatex(raw: string): string {
  return raw.replace(/\\(?:[A-Za-z]+|.)/g, (cmd) => (/^\\[A-Za-z]{1,2}$/.test(cmd) && /^\\(?:[lLoO]|ae|AE|oe|OE|ss|i|j)$/.test(cmd) ? cmd.slice(1) : '')).replace(/[{}]/g, '');
}

/** Lower-cases the letters of LaTeX source, leaving command names alone (except \L, \O, \AE, \OE). */
function lowerLatex(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') {
      const cmd = /^\\(?:[A-Za-z]+|.)/.exec(raw.slice(i))![0];
      out += /^\\(?:L|O|AE|OE)$/.test(cmd) ? cmd.toLowerCase() : cmd;
      i += cmd.length - 1;
    } else {
      out += raw[i]!.toLowerCase();
    }
  }
  return out;
}

/** Upper-cases the first letter of LaTeX source (the letter, not a command name). */
function capitalizeLatex(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') {
      i += /^\\(?:[A-Za-z]+|.)/.exec(raw.slice(i))![0].length - 1;
    } else if (/\p{L}/u.test(raw[i]!)) {
      return raw.slice(0, i) + raw[i]!.toUpperCase() + raw.slice(i + 1);
    }
  }
  return raw;
}

/** True when a word keeps its case: an acronym or a name with inner capitals. */
function keepsCase(letters: string): boolean {
  return letters.split(/[-–/]/).some((part) => {
    const alpha = part.replace(/[^\p{L}]/gu, '');
    if (alpha.length === 0) return false;
    if (alpha.length >= 2 && alpha === alpha.toUpperCase() && alpha !== alpha.toLowerCase()) return true;
    return alpha.slice(1) !== alpha.slice(1).toLowerCase();
  });
}

/** The BibTeX source of a title, turned into sentence case (still BibTeX source). */
export function sentenceCaseBibtex(raw: string): string {
  let capitalizeNext = false;
  let first = true;
  let out = '';
  for (const { word, space } of words(raw)) {
    if (word.length) {
      const letters = word.map((p) => p.letters).join('');
      const text = word.map((p) => p.raw).join('');
      if (first && /^[^\p{L}]*\p{Ll}/u.test(letters)) {
        out += text; // a title that starts in lower case (word2vec) keeps it
      } else if (word.every((p) => p.protected) || keepsCase(word.filter((p) => !p.protected).map((p) => p.letters).join(''))) {
        out += text;
      } else {
        const lowered = word.map((p) => (p.protected ? p.raw : lowerLatex(p.raw))).join('');
        out += (capitalizeNext || first) && !word[0]!.protected ? capitalizeLatex(lowered) : lowered;
      }
      first = false;
      // APA capitalizes the first word after a colon (and after ? ! and a full stop).
      capitalizeNext = /[:?!.]$/.test(letters) && !/\.\w*\.$/.test(letters);
    }
    out += space;
  }
  return out;
}

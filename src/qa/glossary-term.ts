// Scripts written with spaces between words, where a term must start at a word start.
const SPACED_SCRIPT = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]/u;

/** A glossary term found in a text: compiled once per term, with a cheap check before the pattern. */
export interface GlossaryTerm {
  /** The term's first word, lower-cased: a text that lacks it cannot contain the term. */
  firstWord: string;
  /** Case-insensitive, any whitespace inside the term allowed. */
  pattern: RegExp;
  /** Latin-script terms (and the like) only count where a word starts. */
  wordStart: boolean;
}

const compiled = new Map<string, GlossaryTerm | null>();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The compiled form of a glossary term, or null for an empty one. */
export function glossaryTerm(term: string): GlossaryTerm | null {
  let found = compiled.get(term);
  if (found === undefined) {
    const words = term.trim().split(/\s+/).filter((word) => word !== '');
    found = null;
    if (words.length > 0) {
      const body = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
      // The word start is checked by hand: a `(?<![\p{L}\p{N}])` in the pattern costs more to
      // compile (each term once per run) than all the texts take to search.
      found = { firstWord: (words[0] as string).toLowerCase(), pattern: new RegExp(body, 'giu'), wordStart: SPACED_SCRIPT.test(term.trim()) };
    }
    if (compiled.size < 4_096) compiled.set(term, found);
  }
  return found;
}

/** Offsets where `term` starts in `text`; `lowerText` is `text.toLowerCase()`, computed once by the caller. */
export function termOffsets(text: string, lowerText: string, term: string): number[] {
  const compiledTerm = glossaryTerm(term);
  if (!compiledTerm || !lowerText.includes(compiledTerm.firstWord)) return [];
  const offsets: number[] = [];
  for (let at = nextMatch(compiledTerm, text, 0); at >= 0; at = nextMatch(compiledTerm, text, compiledTerm.pattern.lastIndex)) offsets.push(at);
  return offsets;
}

/** Whether `term` occurs in `text` (see `termOffsets`). */
export function containsTerm(text: string, term: string, lowerText = text.toLowerCase()): boolean {
  const compiledTerm = glossaryTerm(term);
  if (!compiledTerm || !lowerText.includes(compiledTerm.firstWord)) return false;
  return nextMatch(compiledTerm, text, 0) >= 0;
}

/**
 * Where the term next starts at or after `from`, or -1; the pattern's `lastIndex` is then the end
 * of that match. A match right after a letter or digit is skipped when the term must start a word.
 */
function nextMatch(term: GlossaryTerm, text: string, from: number): number {
  const { pattern } = term;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (!term.wordStart || !LETTER_OR_DIGIT.test(characterBefore(text, match.index))) return match.index;
    const code = text.codePointAt(match.index) ?? 0;
    pattern.lastIndex = match.index + (code > 0xffff ? 2 : 1);
  }
  return -1;
}

/** The whole character (a surrogate pair counts as one) that ends at `offset`, or '' at the start. */
function characterBefore(text: string, offset: number): string {
  if (offset === 0) return '';
  const code = text.charCodeAt(offset - 1);
  const high = offset >= 2 ? text.charCodeAt(offset - 2) : 0;
  return code >= 0xdc00 && code <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(offset - 2, offset) : text.charAt(offset - 1);
}

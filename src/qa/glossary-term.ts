// Scripts written with spaces between words, where a term must start at a word start.
const SPACED_SCRIPT = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]/u;

/** A glossary term found in a text: compiled once per term, with a cheap check before the pattern. */
export interface GlossaryTerm {
  /** The term's first word, lower-cased: a text that lacks it cannot contain the term. */
  firstWord: string;
  /** Case-insensitive, any whitespace inside the term allowed; Latin-script terms start at a word start. */
  pattern: RegExp;
}

const compiled = new Map<string, GlossaryTerm | null>();

/** The compiled form of a glossary term, or null for an empty one. */
export function glossaryTerm(term: string): GlossaryTerm | null {
  let found = compiled.get(term);
  if (found === undefined) {
    const words = term.trim().split(/\s+/).filter((word) => word !== '');
    found = null;
    if (words.length > 0) {
      const body = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
      const start = SPACED_SCRIPT.test(term.trim()) ? '(?<![\\p{L}\\p{N}])' : '';
      found = { firstWord: (words[0] as string).toLowerCase(), pattern: new RegExp(`${start}${body}`, 'giu') };
    }
    if (compiled.size < 4_096) compiled.set(term, found);
  }
  return found;
}

/** Offsets where `term` starts in `text`; `lowerText` is `text.toLowerCase()`, computed once by the caller. */
export function termOffsets(text: string, lowerText: string, term: string): number[] {
  const compiledTerm = glossaryTerm(term);
  if (!compiledTerm || !lowerText.includes(compiledTerm.firstWord)) return [];
  // `exec` on the compiled pattern itself: `matchAll` would copy the pattern on every call.
  const { pattern } = compiledTerm;
  const offsets: number[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) offsets.push(match.index);
  return offsets;
}

/** Whether `term` occurs in `text` (see `termOffsets`). */
export function containsTerm(text: string, term: string, lowerText = text.toLowerCase()): boolean {
  const compiledTerm = glossaryTerm(term);
  if (!compiledTerm || !lowerText.includes(compiledTerm.firstWord)) return false;
  compiledTerm.pattern.lastIndex = 0;
  return compiledTerm.pattern.test(text);
}

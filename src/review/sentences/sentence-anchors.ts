import { findChineseNumbers } from '../../qa/chinese-numbers.js';
import { findEnglishNumbers } from '../../qa/english-numbers.js';
import { termOffsets } from '../../qa/glossary-term.js';
import type { GlossaryEntry } from '../../translate/translator.js';
import type { SentenceSpan } from './split-sentences.js';

/** Anchor keys of one sentence with how often each occurs: a number, a Latin word, code, a bold span, a glossary term. */
export type AnchorCounts = Map<string, number>;

// Latin-script words and acronyms (`RL`, `GPT-4`, `o1`), which a translation usually keeps as they are.
const LATIN_WORD = /(?<![\p{L}\p{N}])[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*/gu;
const INLINE_CODE = /(`+)([^`]+?)\1/g;
const BOLD = /\*\*[^*]+\*\*|__[^_]+__/g;

/**
 * The anchors of each sentence of a text, for the side it is on (`source` or `target`): numbers
 * by value, Latin words lower-cased, inline code verbatim, bold spans, and glossary terms (the
 * source term on the source side, the target term or a variant on the target side). The text is
 * scanned once and each anchor counted in the sentence where it starts. With `only`, the keys
 * outside it are not counted, and kinds of anchor it lacks are not looked for at all (an anchor
 * matters only when the other side has it too).
 */
export function sentenceAnchors(
  text: string,
  sentences: readonly SentenceSpan[],
  side: 'source' | 'target',
  language: string,
  glossary: readonly GlossaryEntry[],
  only?: ReadonlySet<string>,
): AnchorCounts[] {
  const counts = sentences.map((): AnchorCounts => new Map());
  const add = (key: string, offset: number): void => {
    if (only !== undefined && !only.has(key)) return;
    const bucket = counts[sentenceAt(sentences, offset)];
    if (bucket) bucket.set(key, (bucket.get(key) ?? 0) + 1);
  };
  const kinds = only === undefined ? undefined : new Set([...only].map((key) => key.slice(0, 2)));
  const wanted = (kind: string): boolean => kinds === undefined || kinds.has(kind);
  if (wanted('n:')) {
    const numbers = /^(zh|ja)\b/i.test(language) ? findChineseNumbers(text) : findEnglishNumbers(text);
    for (const number of numbers) add(`n:${number.value}`, number.start);
  }
  if (wanted('c:')) for (const match of text.matchAll(INLINE_CODE)) add(`c:${match[2]}`, match.index);
  const terms = sideTerms(glossary, side).filter((entry) => only === undefined || only.has(entry.key));
  if (!wanted('w:') && !wanted('b') && terms.length === 0) return counts;
  // Code blanked out with spaces, so offsets stay and nothing inside code counts twice.
  const prose = text.replace(INLINE_CODE, (code) => ' '.repeat(code.length));
  if (wanted('w:')) for (const match of prose.matchAll(LATIN_WORD)) add(`w:${match[0].toLowerCase()}`, match.index);
  if (wanted('b')) for (const match of prose.matchAll(BOLD)) add('b', match.index);
  const lowerProse = prose.toLowerCase();
  for (const { key, terms: words } of terms) {
    // A variant can match where the term does (`align` where `alignment` starts): counted once.
    const seen = words.length > 1 ? new Set<number>() : undefined;
    for (const term of words) {
      for (const offset of termOffsets(prose, lowerProse, term)) {
        if (seen) {
          if (seen.has(offset)) continue;
          seen.add(offset);
        }
        add(key, offset);
      }
    }
  }
  return counts;
}

/** The index of the sentence holding `offset` (sentences are in order and apart), or -1. */
function sentenceAt(sentences: readonly SentenceSpan[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = sentences[middle]!;
    if (offset < span.start) high = middle - 1;
    else if (offset >= span.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

interface SideTerms {
  key: string;
  terms: string[];
}

// Every text of a document is scanned with the same glossary: its terms are listed once per side.
const termLists = new WeakMap<readonly GlossaryEntry[], { source: SideTerms[]; target: SideTerms[] }>();

function sideTerms(glossary: readonly GlossaryEntry[], side: 'source' | 'target'): SideTerms[] {
  let lists = termLists.get(glossary);
  if (lists === undefined) {
    lists = {
      source: glossary.map((entry) => ({ key: `g:${entry.source}`, terms: [entry.source] })),
      target: glossary.map((entry) => ({ key: `g:${entry.source}`, terms: [entry.target, ...(entry.variants ?? [])] })),
    };
    termLists.set(glossary, lists);
  }
  return lists[side];
}

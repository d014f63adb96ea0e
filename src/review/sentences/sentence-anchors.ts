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
 * scanned once and each anchor counted in the sentence where it starts.
 */
export function sentenceAnchors(
  text: string,
  sentences: readonly SentenceSpan[],
  side: 'source' | 'target',
  language: string,
  glossary: readonly GlossaryEntry[],
): AnchorCounts[] {
  const counts = sentences.map((): AnchorCounts => new Map());
  const add = (key: string, offset: number): void => {
    const index = sentences.findIndex((span) => offset >= span.start && offset < span.end);
    const bucket = counts[index];
    if (bucket) bucket.set(key, (bucket.get(key) ?? 0) + 1);
  };
  const numbers = /^(zh|ja)\b/i.test(language) ? findChineseNumbers(text) : findEnglishNumbers(text);
  for (const number of numbers) add(`n:${number.value}`, number.start);
  for (const match of text.matchAll(INLINE_CODE)) add(`c:${match[2]}`, match.index);
  // Code blanked out with spaces, so offsets stay and nothing inside code counts twice.
  const prose = text.replace(INLINE_CODE, (code) => ' '.repeat(code.length));
  for (const match of prose.matchAll(LATIN_WORD)) add(`w:${match[0].toLowerCase()}`, match.index);
  for (const match of prose.matchAll(BOLD)) add('b', match.index);
  const lowerProse = prose.toLowerCase();
  for (const { key, terms } of sideTerms(glossary, side)) {
    // A variant can match where the term does (`align` where `alignment` starts): counted once.
    const seen = terms.length > 1 ? new Set<number>() : undefined;
    for (const term of terms) {
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

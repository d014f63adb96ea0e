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
  for (const entry of glossary) {
    const terms = side === 'source' ? [entry.source] : [entry.target, ...(entry.variants ?? [])];
    const seen = new Set<number>();
    for (const term of terms) {
      for (const offset of termOffsets(prose, lowerProse, term)) {
        if (seen.has(offset)) continue;
        seen.add(offset);
        add(`g:${entry.source}`, offset);
      }
    }
  }
  return counts;
}

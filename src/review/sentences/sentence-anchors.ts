import { findChineseNumbers } from '../../qa/chinese-numbers.js';
import { findEnglishNumbers } from '../../qa/english-numbers.js';
import { containsTerm } from '../../qa/checks/glossary.js';
import type { GlossaryEntry } from '../../translate/translator.js';

/** Anchor keys of one sentence with how often each occurs: a number, a Latin word, code, a bold span, a glossary term. */
export type AnchorCounts = Map<string, number>;

// Latin-script words and acronyms (`RL`, `GPT-4`, `o1`), which a translation usually keeps as they are.
const LATIN_WORD = /(?<![\p{L}\p{N}])[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*/gu;
const INLINE_CODE = /(`+)([^`]+?)\1/g;
const BOLD = /\*\*[^*]+\*\*|__[^_]+__/g;

/**
 * The anchors of a sentence, for the side it is on (`source` or `target`): numbers by value,
 * Latin words lower-cased, inline code verbatim, bold spans, and glossary terms (the source term
 * on the source side, the target term or a variant on the target side).
 */
export function sentenceAnchors(text: string, side: 'source' | 'target', language: string, glossary: readonly GlossaryEntry[]): AnchorCounts {
  const counts: AnchorCounts = new Map();
  const add = (key: string): void => {
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  const numbers = /^(zh|ja)\b/i.test(language) ? findChineseNumbers(text) : findEnglishNumbers(text);
  for (const number of numbers) add(`n:${number.value}`);
  for (const match of text.matchAll(INLINE_CODE)) add(`c:${match[2]}`);
  const prose = text.replace(INLINE_CODE, ' ');
  for (const match of prose.matchAll(LATIN_WORD)) add(`w:${match[0].toLowerCase()}`);
  for (const _ of prose.matchAll(BOLD)) add('b');
  for (const entry of glossary) {
    const terms = side === 'source' ? [entry.source] : [entry.target, ...(entry.variants ?? [])];
    if (terms.some((term) => containsTerm(prose, term))) add(`g:${entry.source}`);
  }
  return counts;
}

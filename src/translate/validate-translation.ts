import type { LanguageCode } from '../model/types.js';
import { compareInlineStructure, inlineStructure } from '../segment/inline-structure.js';
import { compareBlockStructure } from './block-structure.js';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/gu;
const LETTER = /\p{L}/gu;

/** Languages written in Han characters: text left in them is "not translated" elsewhere. */
function usesHan(language: LanguageCode): boolean {
  return /^(zh|ja)(-|$)/i.test(language);
}

/**
 * Checks a translation (tokens still in place) against its source before it is accepted:
 * not empty, not still in the source script, same block and inline structure (no new table,
 * list, heading, quote, fence, paragraph split or raw HTML), not cut off.
 * Returns a problem message, or undefined when the translation is acceptable.
 */
export function validateTranslation(sourceWire: string, translationWire: string, from: LanguageCode, to: LanguageCode): string | undefined {
  const translation = translationWire.trim();
  if (translation === '') return 'the translation is empty';
  if (usesHan(from) && !usesHan(to)) {
    const letters = translation.match(LETTER)?.length ?? 0;
    const han = translation.match(HAN)?.length ?? 0;
    if (letters > 0 && han / letters > 0.25) return `the translation is still mostly in the source language (${han} of ${letters} letters are Han characters)`;
  }
  // Cut-off output is short: English runs about 1.5-3x the characters of Chinese.
  const sourceLength = [...sourceWire].length;
  if (sourceLength >= 40 && [...translation].length < sourceLength * 0.2) {
    return `the translation looks cut off (${[...translation].length} characters for a ${sourceLength}-character source)`;
  }
  const blocks = compareBlockStructure(sourceWire, translation);
  if (blocks) return blocks;
  const structure = compareInlineStructure(inlineStructure(sourceWire), inlineStructure(translation));
  return structure ? `inline Markdown differs: ${structure}` : undefined;
}

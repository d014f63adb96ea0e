import { findChineseNumbers } from '../chinese-numbers.js';
import { findEnglishNumbers } from '../english-numbers.js';
import type { NumberMention, QaContext, QaFinding, TranslatedPair } from '../qa-types.js';
import { findArabicNumbers } from './arabic-numbers.js';
import { makeFinding } from './make-finding.js';
import { plainText } from './plain-text.js';

/**
 * `numbers`: every number in the source must appear in the translation, as digits or as words
 * (三十 ↔ 30 or "thirty"); digits in the translation that the source lacks are reported too.
 * A Chinese numeral worth 1 is never required: 一 is mostly the article "a".
 */
export function numbers(pair: TranslatedPair, context: QaContext): QaFinding[] {
  const source = findNumbers(plainText(pair.source), context.sourceLanguage);
  const translation = findNumbers(plainText(pair.translation), context.targetLanguage);
  const sourceValues = new Set(source.map(valueKey));
  const translationValues = new Set(translation.map(valueKey));

  const required = source.filter((mention) => mention.form === 'digits' || mention.value !== 1);
  const missing = distinct(required.filter((mention) => !translationValues.has(valueKey(mention))));
  // Words are not reported as extra: "one of", "a couple" or "first" rarely stand for a number.
  const extra = distinct(translation.filter((mention) => mention.form === 'digits' && !sourceValues.has(valueKey(mention))));

  if (missing.length > 0) {
    const found = extra.length > 0 ? `; found ${extra.map(describe).join(', ')}` : '';
    return missing.map((mention) =>
      makeFinding('numbers', pair, `number ${describe(mention)} in the source is missing from the translation${found}`),
    );
  }
  return extra.map((mention) =>
    makeFinding('numbers', pair, `number ${describe(mention)} in the translation does not appear in the source`),
  );
}

/** The numbers a text in `language` contains, in that language's ways of writing them. */
function findNumbers(text: string, language: string): readonly NumberMention[] {
  const base = language.toLowerCase().split(/[-_]/)[0];
  if (base === 'zh') return findChineseNumbers(text);
  if (base === 'en') return findEnglishNumbers(text);
  return findArabicNumbers(text);
}

// Rounded so that 1.5亿 and 150,000,000 compare equal despite floating point.
function valueKey(mention: NumberMention): number {
  return Number(mention.value.toPrecision(12));
}

function distinct(mentions: NumberMention[]): NumberMention[] {
  const seen = new Set<number>();
  return mentions.filter((mention) => {
    const key = valueKey(mention);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function describe(mention: NumberMention): string {
  return mention.form === 'digits' ? mention.text : `${valueKey(mention)} (${mention.text})`;
}

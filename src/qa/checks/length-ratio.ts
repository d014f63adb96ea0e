import type { QaContext, QaFinding, QaPair, TranslatedPair } from '../qa-types.js';
import { makeFinding } from './make-finding.js';
import { plainText } from './plain-text.js';

/** Sources shorter than this (in characters of prose) say too little about the ratio to judge. */
export const MIN_SOURCE_LENGTH = 20;
/** How far from the document's median ratio a pair may be before it is reported. */
export const RATIO_TOLERANCE = 2.5;

/**
 * The median translation/source length ratio over the pairs whose source has at least
 * `MIN_SOURCE_LENGTH` characters of prose and whose translation is not empty.
 */
export function medianLengthRatio(pairs: readonly QaPair[]): number | undefined {
  const ratios = pairs
    .map((pair) => (pair.translation === undefined ? undefined : ratioOf(pair.source, pair.translation)))
    .filter((ratio): ratio is number => ratio !== undefined && ratio > 0)
    .sort((a, b) => a - b);
  if (ratios.length === 0) return undefined;
  const middle = Math.floor(ratios.length / 2);
  return ratios.length % 2 === 1 ? (ratios[middle] ?? 0) : ((ratios[middle - 1] ?? 0) + (ratios[middle] ?? 0)) / 2;
}

/**
 * `length-ratio`: the translation is far shorter or longer than the document's norm, a sign of a
 * truncated, merged or padded translation. Rule: for a source of at least `MIN_SOURCE_LENGTH`
 * characters, report a ratio below median / 2.5 or above median × 2.5.
 */
export function lengthRatio(pair: TranslatedPair, context: QaContext): QaFinding[] {
  const median = context.medianLengthRatio;
  const ratio = ratioOf(pair.source, pair.translation);
  if (median === undefined || ratio === undefined) return [];
  const low = median / RATIO_TOLERANCE;
  const high = median * RATIO_TOLERANCE;
  if (ratio >= low && ratio <= high) return [];
  const message =
    `the translation is ${round(ratio)} times as long as the source; ` +
    `the document's median is ${round(median)}, so between ${round(low)} and ${round(high)} is expected`;
  return [makeFinding('length-ratio', pair, message)];
}

/** Translation length over source length, in characters of prose; undefined for short sources. */
function ratioOf(source: string, translation: string): number | undefined {
  const sourceLength = characters(plainText(source).trim());
  if (sourceLength < MIN_SOURCE_LENGTH) return undefined;
  return characters(plainText(translation).trim()) / sourceLength;
}

/** The characters of a text as `[...text]` counts them (a surrogate pair is one), without the array. */
function characters(text: string): number {
  return text.length - (text.match(SURROGATE_PAIR)?.length ?? 0);
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

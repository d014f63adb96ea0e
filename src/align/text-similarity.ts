import { diffChars } from 'diff';
import { bigramDice } from './bigram-dice.js';
import { bigramSet } from './bigram-set.js';

/**
 * Above this many code points (both texts together) a character diff could cost O(n²), so the
 * similarity is estimated by bigram overlap instead; such segments are rare (huge table cells).
 */
const MAX_DIFF_CODE_POINTS = 8_000;

/**
 * Share of the longer text that a character-level diff keeps, 0..1 (1 for identical texts).
 * With `atLeast`, gives up early and returns 0 once the result cannot reach it.
 */
export function textSimilarity(a: string, b: string, atLeast = 0): number {
  if (a === b) return 1;
  const lengthA = codePointLength(a);
  const lengthB = codePointLength(b);
  const longer = Math.max(lengthA, lengthB);
  // Kept characters never exceed the shorter text, so very different lengths fail for free.
  if (Math.min(lengthA, lengthB) < atLeast * longer) return 0;
  if (lengthA + lengthB > MAX_DIFF_CODE_POINTS) {
    const estimate = bigramDice(bigramSet(a), bigramSet(b));
    return estimate >= atLeast ? estimate : 0;
  }
  // kept ≥ atLeast·longer ⇔ edit distance (insertions + deletions) ≤ lengthA + lengthB − 2·kept,
  // so Myers' diff can stop once it has spent that many edits: the cost stays O(n·maxEdit).
  const maxEditLength = Math.floor(lengthA + lengthB - 2 * atLeast * longer + 1e-9);
  const parts = diffChars(a, b, { maxEditLength });
  if (!parts) return 0;
  let kept = 0;
  for (const part of parts) if (!part.added && !part.removed) kept += part.count;
  return kept / longer;
}

/** Length in code points, the unit `diffChars` compares in. */
function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      length--;
      i++;
    }
  }
  return length;
}

import type { GlossaryEntry } from '../../translate/translator.js';
import { sentenceAnchors, type AnchorCounts } from './sentence-anchors.js';
import { splitSentences, type SentenceSpan } from './split-sentences.js';

/** One link of an alignment: source sentences and the translation sentences that say the same (either may be empty). */
export interface SentenceBead {
  source: number[];
  translation: number[];
}

/** Both sides of a pair split into sentences, and which sentences correspond. */
export interface SentenceAlignment {
  source: SentenceSpan[];
  translation: SentenceSpan[];
  beads: SentenceBead[];
}

/** What `alignSentences` needs besides the two texts. */
export interface SentenceAlignOptions {
  sourceLanguage: string;
  targetLanguage: string;
  glossary?: readonly GlossaryEntry[];
}

// Bead shapes with their prior probability. Chinese often packs two English sentences into one
// (a long sentence joined by commas), so 1:2 is more likely than 2:1; 1:0 and 0:1 are rare.
const SHAPES: ReadonlyArray<{ s: number; t: number; prior: number }> = [
  { s: 1, t: 1, prior: 0.8 },
  { s: 1, t: 2, prior: 0.09 },
  { s: 2, t: 1, prior: 0.06 },
  { s: 1, t: 3, prior: 0.02 },
  { s: 3, t: 1, prior: 0.01 },
  { s: 1, t: 0, prior: 0.005 },
  { s: 0, t: 1, prior: 0.005 },
];
// The prior of each shape as a cost (its negative logarithm).
const PRIOR_COSTS = SHAPES.map((shape) => -Math.log(shape.prior));
// The sentences each shape takes on either side, as flat lists for the program's inner loop.
const SHAPE_SOURCE = SHAPES.map((shape) => shape.s);
const SHAPE_TARGET = SHAPES.map((shape) => shape.t);
// Variance of the translation length per unit of source length, in source units (Gale and Church's s²).
const VARIANCE = 3;
// How far below zero the length term of a bead can go: 2 × (1 − Φ(|δ|)) stays under 1 but for the
// normal approximation's error (1.5e-7), so its negative logarithm is above -3e-7.
const LENGTH_TERM_FLOOR = 1e-6;
// How much one shared anchor (a number, a kept English word...) outweighs length, in nats.
const ANCHOR_WEIGHT = 2.5;

/**
 * Aligns the sentences of a source text and its translation with a length-based dynamic program
 * (Gale and Church 1993: beads 1:1, 1:2, 2:1, 1:3, 3:1, 1:0, 0:1), the expected length ratio taken
 * from the pair itself, and beads that keep anchors together (numbers, Latin words, code, bold,
 * glossary terms) made cheaper. Pure.
 */
export function alignSentences(source: string, translation: string, options: SentenceAlignOptions): SentenceAlignment {
  const sourceSpans = splitSentences(source, options.sourceLanguage);
  const translationSpans = splitSentences(translation, options.targetLanguage);
  const n = sourceSpans.length;
  const m = translationSpans.length;
  const sourceUnits = prefixSums(sourceSpans.map((span) => units(source.slice(span.start, span.end))));
  const translationUnits = prefixSums(translationSpans.map((span) => units(translation.slice(span.start, span.end))));
  const only = onlyPath(sourceUnits, translationUnits);
  if (only) return { source: sourceSpans, translation: translationSpans, beads: only };
  const glossary = options.glossary ?? [];
  const sourceAnchors = sentenceAnchors(source, sourceSpans, 'source', options.sourceLanguage, glossary);
  // Only anchors found on both sides can match, so the translation is searched for the source's.
  const sourceKeys = new Set(sourceAnchors.flatMap((counts) => [...counts.keys()]));
  const translationAnchors = sentenceAnchors(translation, translationSpans, 'target', options.targetLanguage, glossary, sourceKeys);
  // The source's anchors the translation lacks are dropped before any merging.
  const shared = sharedKeys(sourceAnchors, translationAnchors);
  const sourceShared = sourceAnchors.map((counts) => onlyShared(counts, shared));
  const translationShared = translationAnchors.map((counts) => onlyShared(counts, shared));
  const mergedSource = memoMerge(sourceShared);
  const mergedTranslation = memoMerge(translationShared);
  // How many sentences up to each one hold a shared anchor: a run without any matches nothing.
  const sourceAnchored = prefixSums(sourceShared.map((counts) => (counts.size > 0 ? 1 : 0)));
  const translationAnchored = prefixSums(translationShared.map((counts) => (counts.size > 0 ? 1 : 0)));

  // A bead's anchor matches are the same in both passes: counted once, on first use.
  const matchCounts = new Float64Array((n + 1) * (m + 1) * SHAPES.length).fill(NaN);
  // The cost of the path through bead (i, shape, j) that starts at `here`, or Infinity when it
  // cannot come under `best`, the cheapest path to its end cell so far.
  const stepCost = (ratio: number) => (i: number, shape: number, j: number, here: number, best: number): number => {
    const s = SHAPE_SOURCE[shape]!;
    const t = SHAPE_TARGET[shape]!;
    const prior = PRIOR_COSTS[shape]!;
    // A sentence left without counterpart has no length to compare with.
    if (s === 0 || t === 0) return here + prior;
    const at = (i * (m + 1) + j) * SHAPES.length + shape;
    let matches = matchCounts[at]!;
    if (Number.isNaN(matches)) {
      const none = sourceAnchored[i + s] === sourceAnchored[i] || translationAnchored[j + t] === translationAnchored[j];
      matches = none ? 0 : anchorMatches(mergedSource(i, s), mergedTranslation(j, t));
      matchCounts[at] = matches;
    }
    // The length term is never below -LENGTH_TERM_FLOOR, so a bead whose prior less its anchors
    // cannot beat `best` even then is not priced any further: the program's answer stays the same.
    if (here + (prior - ANCHOR_WEIGHT * matches - LENGTH_TERM_FLOOR) >= best) return Infinity;
    const l1 = sourceUnits[i + s]! - sourceUnits[i]!;
    const l2 = (translationUnits[j + t]! - translationUnits[j]!) / ratio;
    const mean = Math.max(1, (l1 + l2) / 2);
    const delta = (l2 - l1) / Math.sqrt(VARIANCE * mean);
    return here + (prior - Math.log(Math.max(1e-12, 2 * (1 - normalCdf(Math.abs(delta))))) - ANCHOR_WEIGHT * matches);
  };

  // The length ratio comes from the pair itself; a dropped or added sentence skews it, so it is
  // measured again on the one-to-one beads of a first pass and the pair aligned once more.
  const firstRatio = translationUnits[m]! / Math.max(1, sourceUnits[n]!) || 1;
  const first = bestPath(n, m, stepCost(firstRatio));
  const ones = first.filter((bead) => bead.source.length === 1 && bead.translation.length === 1);
  const oneSource = sum(ones.map((bead) => unitsOf(sourceUnits, bead.source[0] ?? 0)));
  const oneTranslation = sum(ones.map((bead) => unitsOf(translationUnits, bead.translation[0] ?? 0)));
  const ratio = oneTranslation / oneSource;
  // When every bead of the first pass is one to one, the ratio comes out the same, and so would the path.
  const beads = oneSource > 0 && oneTranslation > 0 && ratio !== firstRatio ? bestPath(n, m, stepCost(ratio)) : first;
  return { source: sourceSpans, translation: translationSpans, beads };
}

/** The cheapest sequence of beads covering both sides (dynamic program over sentence counts). */
function bestPath(n: number, m: number, stepCost: (i: number, shape: number, j: number, here: number, best: number) => number): SentenceBead[] {
  const width = m + 1;
  const cost = new Float64Array((n + 1) * width).fill(Infinity);
  // The shape of the bead that reaches each cell, -1 for none.
  const back = new Int8Array((n + 1) * width).fill(-1);
  cost[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i * width + j]!;
      if (here === Infinity) continue;
      for (let shape = 0; shape < SHAPES.length; shape++) {
        const s = SHAPE_SOURCE[shape]!;
        const t = SHAPE_TARGET[shape]!;
        if (i + s > n || j + t > m) continue;
        const to = (i + s) * width + j + t;
        const next = stepCost(i, shape, j, here, cost[to]!);
        if (next < cost[to]!) {
          cost[to] = next;
          back[to] = shape;
        }
      }
    }
  }
  const beads: SentenceBead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const step = SHAPES[back[i * width + j]!];
    if (!step) break;
    beads.push({ source: range(i - step.s, i), translation: range(j - step.t, j) });
    i -= step.s;
    j -= step.t;
  }
  return beads.reverse();
}

/** Length in comparable units: letters and digits, so punctuation and Markdown syntax weigh nothing. */
function units(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // ASCII and the common CJK ideographs answer without the Unicode property lookup.
    if (code < 0x80) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) count++;
    } else if (code >= 0x4e00 && code <= 0x9fff) {
      count++;
    } else {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      if (LETTER_OR_DIGIT.test(char)) count++;
      i += char.length - 1;
    }
  }
  return count;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The beads when the program has no choice to make, given each side's running unit totals: a
 * side without sentences leaves every sentence of the other alone; one sentence on each side,
 * both with letters or digits, are one bead whatever their anchors (its cost is its prior, far
 * below that of two lone sentences, since the length ratio comes from this very pair).
 */
function onlyPath(sourceUnits: readonly number[], translationUnits: readonly number[]): SentenceBead[] | undefined {
  const n = sourceUnits.length - 1;
  const m = translationUnits.length - 1;
  if (n === 0) return range(0, m).map((j) => ({ source: [], translation: [j] }));
  if (m === 0) return range(0, n).map((i) => ({ source: [i], translation: [] }));
  if (n === 1 && m === 1 && sourceUnits[1]! > 0 && translationUnits[1]! > 0) return [{ source: [0], translation: [0] }];
  return undefined;
}

/** Running totals: entry k is the sum of the first k values, so any run of sentences is one subtraction. */
function prefixSums(values: readonly number[]): number[] {
  const sums = [0];
  for (const value of values) sums.push(sums[sums.length - 1]! + value);
  return sums;
}

/** The units of sentence `index` from the running totals. */
function unitsOf(sums: readonly number[], index: number): number {
  return (sums[index + 1] ?? 0) - (sums[index] ?? 0);
}

function sharedKeys(source: readonly AnchorCounts[], target: readonly AnchorCounts[]): Set<string> {
  const inTarget = new Set(target.flatMap((counts) => [...counts.keys()]));
  return new Set(source.flatMap((counts) => [...counts.keys()]).filter((key) => inTarget.has(key)));
}

/** The anchors of `count` sentences from `start` on, merged; each group merged once, as beads are costed many times. */
function memoMerge(anchors: readonly AnchorCounts[]): (start: number, count: number) => AnchorCounts {
  const cache = new Map<number, AnchorCounts>();
  return (start, count) => {
    const key = start * 4 + count;
    let merged = cache.get(key);
    if (!merged) {
      merged = merge(anchors.slice(start, start + count));
      cache.set(key, merged);
    }
    return merged;
  };
}

function merge(parts: readonly AnchorCounts[]): AnchorCounts {
  const merged: AnchorCounts = new Map();
  for (const part of parts) for (const [key, count] of part) merged.set(key, (merged.get(key) ?? 0) + count);
  return merged;
}

function anchorMatches(source: AnchorCounts, target: AnchorCounts): number {
  let matches = 0;
  for (const [key, count] of source) matches += Math.min(count, target.get(key) ?? 0);
  return matches;
}

/** The counts of the keys in `shared` only. */
function onlyShared(counts: AnchorCounts, shared: ReadonlySet<string>): AnchorCounts {
  const kept: AnchorCounts = new Map();
  for (const [key, count] of counts) if (shared.has(key)) kept.set(key, count);
  return kept;
}

// Abramowitz and Stegun 7.1.26: accurate to 1.5e-7, plenty for ranking beads.
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-((x * x) / 2));
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}

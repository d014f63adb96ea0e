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
// Variance of the translation length per unit of source length, in source units (Gale and Church's s²).
const VARIANCE = 3;
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
  const glossary = options.glossary ?? [];
  const sourceUnits = sourceSpans.map((span) => units(source.slice(span.start, span.end)));
  const translationUnits = translationSpans.map((span) => units(translation.slice(span.start, span.end)));
  const sourceAnchors = sentenceAnchors(source, sourceSpans, 'source', options.sourceLanguage, glossary);
  const translationAnchors = sentenceAnchors(translation, translationSpans, 'target', options.targetLanguage, glossary);
  const shared = sharedKeys(sourceAnchors, translationAnchors);
  const mergedSource = memoMerge(sourceAnchors);
  const mergedTranslation = memoMerge(translationAnchors);

  const beadCost = (ratio: number) => (i: number, s: number, j: number, t: number): number => {
    const shape = SHAPES.find((candidate) => candidate.s === s && candidate.t === t);
    const prior = -Math.log(shape?.prior ?? 1e-6);
    // A sentence left without counterpart has no length to compare with.
    if (s === 0 || t === 0) return prior;
    const l1 = sum(sourceUnits.slice(i, i + s));
    const l2 = sum(translationUnits.slice(j, j + t)) / ratio;
    const mean = Math.max(1, (l1 + l2) / 2);
    const delta = (l2 - l1) / Math.sqrt(VARIANCE * mean);
    const matches = anchorMatches(mergedSource(i, s), mergedTranslation(j, t), shared);
    return prior - Math.log(Math.max(1e-12, 2 * (1 - normalCdf(Math.abs(delta))))) - ANCHOR_WEIGHT * matches;
  };

  // The length ratio comes from the pair itself; a dropped or added sentence skews it, so it is
  // measured again on the one-to-one beads of a first pass and the pair aligned once more.
  const first = bestPath(sourceSpans.length, translationSpans.length, beadCost(sum(translationUnits) / Math.max(1, sum(sourceUnits)) || 1));
  const ones = first.filter((bead) => bead.source.length === 1 && bead.translation.length === 1);
  const oneSource = sum(ones.map((bead) => sourceUnits[bead.source[0] ?? 0] ?? 0));
  const oneTranslation = sum(ones.map((bead) => translationUnits[bead.translation[0] ?? 0] ?? 0));
  const beads = oneSource > 0 && oneTranslation > 0 ? bestPath(sourceSpans.length, translationSpans.length, beadCost(oneTranslation / oneSource)) : first;
  return { source: sourceSpans, translation: translationSpans, beads };
}

/** The cheapest sequence of beads covering both sides (dynamic program over sentence counts). */
function bestPath(n: number, m: number, beadCost: (i: number, s: number, j: number, t: number) => number): SentenceBead[] {
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const back: Array<Array<{ s: number; t: number } | undefined>> = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(undefined));
  const row0 = cost[0];
  if (row0) row0[0] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      const here = cost[i]?.[j] ?? Infinity;
      if (here === Infinity) continue;
      for (const { s, t } of SHAPES) {
        if (i + s > n || j + t > m) continue;
        const next = here + beadCost(i, s, j, t);
        const row = cost[i + s];
        if (row && next < (row[j + t] ?? Infinity)) {
          row[j + t] = next;
          const backRow = back[i + s];
          if (backRow) backRow[j + t] = { s, t };
        }
      }
    }
  }
  const beads: SentenceBead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const step = back[i]?.[j];
    if (!step) break;
    beads.unshift({ source: range(i - step.s, i), translation: range(j - step.t, j) });
    i -= step.s;
    j -= step.t;
  }
  return beads;
}

/** Length in comparable units: letters and digits, so punctuation and Markdown syntax weigh nothing. */
function units(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
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

function anchorMatches(source: AnchorCounts, target: AnchorCounts, shared: ReadonlySet<string>): number {
  let matches = 0;
  for (const [key, count] of source) if (shared.has(key)) matches += Math.min(count, target.get(key) ?? 0);
  return matches;
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

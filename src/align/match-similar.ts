import type { AlignRecord, AlignSegment } from './align-types.js';
import { bigramDice } from './bigram-dice.js';
import { BigramIndex } from './bigram-index.js';
import { bigramSet } from './bigram-set.js';
import { gapIndices } from './gap-indices.js';
import type { MatchState } from './match-state.js';
import type { Pair } from './order-anchors.js';
import { textSimilarity } from './text-similarity.js';

/** Limits for the similarity pass. */
export interface SimilarOptions {
  /** Least similarity for a match (share of the longer text kept by a character diff). */
  minSimilarity: number;
  /** Most records scored per segment in each tier (same gap, elsewhere). */
  maxCandidates: number;
}

/** Ranking cost of a kind change: a paragraph turned list item is allowed but loses ties. */
const KIND_CHANGE_PENALTY = 0.1;
/** Pairs this short together skip the bigram prefilter: a diff is as cheap and bigrams say little. */
const SHORT_PAIR_CODE_UNITS = 40;
/**
 * Bigram overlap below this share of `minSimilarity` skips the diff. Heuristic: real edits keep
 * long runs of characters, hence most bigrams; unrelated Chinese prose shares only a few (的, 是).
 */
const PREFILTER_FACTOR = 0.4;

interface Candidate {
  segment: number;
  record: number;
  similarity: number;
  /** 0 inside the gap between the segment's anchors, 1 elsewhere. */
  tier: number;
  rank: number;
}

/**
 * Pairs leftover body segments with leftover body records as `edited`: candidates between the
 * neighbouring anchors before those elsewhere, then the most similar pairs first. Per segment it
 * scores at most 3·maxCandidates records and walks a bounded number of index postings, so the
 * pass stays near-linear on large documents.
 */
export function matchSimilar(
  segments: readonly AlignSegment[],
  records: readonly AlignRecord[],
  state: MatchState,
  anchors: readonly Pair[],
  options: SimilarOptions,
): void {
  const openSegments: number[] = [];
  segments.forEach((segment, s) => {
    if (segment.kind !== 'front-matter' && state.segmentFree(s)) openSegments.push(s);
  });
  const openRecords: number[] = [];
  records.forEach((record, r) => {
    if (record.kind !== 'front-matter' && state.recordFree(r)) openRecords.push(r);
  });
  if (openSegments.length === 0 || openRecords.length === 0) return;

  const segmentGap = gapIndices(segments.length, anchors.map((p) => p.segment));
  const recordGap = gapIndices(records.length, anchors.map((p) => p.record));
  const recordBigrams = new Map<number, Uint32Array>();
  const recordsInGap = new Map<number, number[]>();
  const index = new BigramIndex(records.length);
  for (const r of openRecords) {
    const bigrams = bigramSet(records[r]!.source);
    recordBigrams.set(r, bigrams);
    index.add(r, bigrams);
    const gap = recordGap[r]!;
    const list = recordsInGap.get(gap);
    if (list) list.push(r);
    else recordsInGap.set(gap, [r]);
  }

  // A gap with few leftover records is scored in full (short texts have too few bigrams to be
  // found through the index); a larger one only through the index, like the rest of the document.
  const smallGap = 2 * options.maxCandidates;
  const prefilter = PREFILTER_FACTOR * options.minSimilarity;
  const candidates: Candidate[] = [];
  for (const s of openSegments) {
    const segment = segments[s]!;
    const bigrams = bigramSet(segment.text);
    const gap = segmentGap[s]!;
    const inGap = recordsInGap.get(gap) ?? [];
    const hits = index.search(bigrams);
    const near = inGap.length <= smallGap ? inGap : pickTop(hits, options.maxCandidates, (r) => recordGap[r] === gap);
    const far = pickTop(hits, options.maxCandidates, (r) => recordGap[r] !== gap);
    for (const [tier, list] of [near, far].entries()) {
      for (const r of list) {
        const record = records[r]!;
        const short = segment.text.length + record.source.length <= SHORT_PAIR_CODE_UNITS;
        if (!short && bigramDice(bigrams, recordBigrams.get(r)!) < prefilter) continue;
        const similarity = textSimilarity(record.source, segment.text, options.minSimilarity);
        if (similarity === 0 || similarity < options.minSimilarity) continue;
        const rank = similarity - (record.kind === segment.kind ? 0 : KIND_CHANGE_PENALTY);
        candidates.push({ segment: s, record: r, similarity, tier, rank });
      }
    }
  }

  // Best pairs first: when a paragraph was split, the half most like the old text keeps the
  // record; when two were merged, the merged text continues the old paragraph most like it.
  candidates.sort(
    (a, b) => a.tier - b.tier || b.rank - a.rank || a.segment - b.segment || a.record - b.record,
  );
  for (const c of candidates) {
    if (state.segmentFree(c.segment) && state.recordFree(c.record)) state.link(c.segment, c.record, 'edited', c.similarity);
  }
}

/** The first `limit` ids that pass `keep` (`hits` is already best first). */
function pickTop(hits: readonly number[], limit: number, keep: (id: number) => boolean): number[] {
  const picked: number[] = [];
  for (const id of hits) {
    if (picked.length === limit) break;
    if (keep(id)) picked.push(id);
  }
  return picked;
}

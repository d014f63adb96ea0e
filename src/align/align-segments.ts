import type { AlignOptions, AlignRecord, AlignSegment, Alignment, SegmentMatch } from './align-types.js';
import { matchExact } from './match-exact.js';
import { matchFrontMatter } from './match-front-matter.js';
import { matchSimilar } from './match-similar.js';
import { MatchState } from './match-state.js';
import { orderAnchors, type Pair } from './order-anchors.js';

export type { AlignOptions, AlignRecord, AlignSegment, Alignment, MatchKind, SegmentMatch } from './align-types.js';

/** Default least similarity for an `edited` match: half of the longer text survives the edit. */
export const DEFAULT_MIN_SIMILARITY = 0.5;
/** Default number of records scored per new segment and tier in the similarity pass. */
export const DEFAULT_MAX_CANDIDATES = 8;

/**
 * Lines up re-segmented source with stored records, so each record keeps its id (and
 * translation) through edits, moves, splits and merges. Pure; near-linear in the input size.
 *
 * Passes, each only on what the earlier ones left open:
 * 1. front matter by field name;
 * 2. identical text (unique texts anywhere, repeats k-th with k-th), `unchanged` if in order
 *    relative to the other identical matches (longest increasing subsequence), else `moved`;
 * 3. similar text (character diff ≥ minSimilarity), records between the same in-order anchors
 *    first, best pairs first, a kind change allowed at a small ranking cost: `edited`.
 * Work bound of pass 3, per open segment: ≤ 16 × 64 index postings and ≤ 3·maxCandidates
 * diffs, each O(n·d) with d cut off by minSimilarity (texts over 8,000 code points are compared
 * by bigram overlap instead).
 */
export function alignSegments(segments: AlignSegment[], records: AlignRecord[], options: AlignOptions = {}): Alignment {
  const state = new MatchState(segments.length, records.length);
  matchFrontMatter(segments, records, state);
  matchExact(segments, records, state);

  const exact: Pair[] = [];
  segments.forEach((segment, s) => {
    if (segment.kind !== 'front-matter' && state.how[s] === 'unchanged') exact.push({ segment: s, record: state.recordOf[s]! });
  });
  const { inOrder, outOfOrder } = orderAnchors(exact);
  for (const { segment } of outOfOrder) state.how[segment] = 'moved';

  matchSimilar(segments, records, state, inOrder, {
    minSimilarity: options.minSimilarity ?? DEFAULT_MIN_SIMILARITY,
    maxCandidates: Math.max(1, Math.floor(options.maxCandidates ?? DEFAULT_MAX_CANDIDATES)),
  });

  const matches = segments.map((_, s): SegmentMatch | undefined => {
    const how = state.how[s];
    return how === undefined ? undefined : { recordIndex: state.recordOf[s]!, how, similarity: state.similarity[s]! };
  });
  const removed: number[] = [];
  for (let r = 0; r < records.length; r++) if (state.recordFree(r)) removed.push(r);
  return { matches, removed };
}

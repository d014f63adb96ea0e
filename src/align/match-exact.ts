import type { SourceHash } from '../model/types.js';
import type { AlignRecord, AlignSegment } from './align-types.js';
import { gapIndices } from './gap-indices.js';
import type { MatchState } from './match-state.js';
import { orderAnchors, type Pair } from './order-anchors.js';
import { pairInOrder } from './pair-in-order.js';

/**
 * Pairs body segments with records whose text is identical (by `sourceTextHash`, or by
 * `sourceHash` when the author went back to the text that was translated), all as `unchanged`;
 * `alignSegments` relabels the ones out of order as `moved`.
 */
export function matchExact(segments: readonly AlignSegment[], records: readonly AlignRecord[], state: MatchState): void {
  const recordsByHash = new Map<SourceHash, number[]>();
  const addRecord = (hash: SourceHash, r: number): void => {
    const list = recordsByHash.get(hash);
    if (list) list.push(r);
    else recordsByHash.set(hash, [r]);
  };
  records.forEach((record, r) => {
    if (record.kind === 'front-matter') return;
    addRecord(record.sourceTextHash, r);
    if (record.sourceHash !== record.sourceTextHash) addRecord(record.sourceHash, r);
  });
  const segmentCount = new Map<SourceHash, number>();
  const body: number[] = [];
  segments.forEach((segment, s) => {
    if (segment.kind === 'front-matter' || !recordsByHash.has(segment.hash)) return;
    body.push(s);
    segmentCount.set(segment.hash, (segmentCount.get(segment.hash) ?? 0) + 1);
  });

  // Texts found once on each side pair up wherever they are, like patience diff's unique lines.
  // If a stale record is claimed by both its current text and its translated-from text, the
  // current text wins: that is what the record last stood for.
  const unique: { segment: number; record: number; viaText: boolean }[] = [];
  for (const s of body) {
    const hash = segments[s]!.hash;
    const candidates = recordsByHash.get(hash)!;
    if (segmentCount.get(hash) !== 1 || candidates.length !== 1) continue;
    const r = candidates[0]!;
    unique.push({ segment: s, record: r, viaText: records[r]!.sourceTextHash === hash });
  }
  unique.sort((a, b) => Number(b.viaText) - Number(a.viaText) || a.segment - b.segment);
  const anchors: Pair[] = [];
  for (const { segment, record } of unique) {
    if (!state.recordFree(record)) continue;
    state.link(segment, record, 'unchanged', 1);
    anchors.push({ segment, record });
  }

  // Repeated texts (「谢谢。」 three times) pair k-th with k-th, first inside the same gap between
  // in-order unique anchors so an inserted copy does not shift every later pairing, then
  // anywhere; at each level a same-kind record is preferred over a kind change.
  const { inOrder } = orderAnchors(anchors);
  const segmentGap = gapIndices(segments.length, inOrder.map((p) => p.segment));
  const recordGap = gapIndices(records.length, inOrder.map((p) => p.record));
  const hashesOf = (r: number): SourceHash[] => {
    const record = records[r]!;
    return record.sourceHash === record.sourceTextHash ? [record.sourceHash] : [record.sourceTextHash, record.sourceHash];
  };
  const levels: ((gap: number, kind: string, hash: SourceHash) => string)[] = [
    (gap, kind, hash) => `${gap}\0${kind}\0${hash}`,
    (gap, _kind, hash) => `${gap}\0${hash}`,
    (_gap, kind, hash) => `${kind}\0${hash}`,
    (_gap, _kind, hash) => hash,
  ];
  let left = body.filter((s) => state.segmentFree(s));
  const wanted = new Set<number>();
  for (const s of left) for (const r of recordsByHash.get(segments[s]!.hash)!) wanted.add(r);
  let right = [...wanted].filter((r) => state.recordFree(r)).sort((a, b) => a - b);
  for (const key of levels) {
    if (left.length === 0 || right.length === 0) break;
    const pairs = pairInOrder(
      left,
      (s) => key(segmentGap[s]!, segments[s]!.kind, segments[s]!.hash),
      right,
      (r) => hashesOf(r).map((hash) => key(recordGap[r]!, records[r]!.kind, hash)),
    );
    for (const [s, r] of pairs) state.link(s, r, 'unchanged', 1);
    left = left.filter((s) => state.segmentFree(s));
    right = right.filter((r) => state.recordFree(r));
  }
}

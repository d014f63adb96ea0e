import type { SegmentId, SourceSegment } from '../model/types.js';

/**
 * Gives a new segment its persistent id: `fm-<field>` for front-matter fields, otherwise derived
 * from the source hash at first sight (so a fresh run is reproducible), made unique with `-2`, `-3`.
 * The id then travels with the segment through edits and moves; it is never a position.
 */
export function assignSegmentId(segment: SourceSegment, taken: ReadonlySet<string>): SegmentId {
  const base = segment.kind === 'front-matter' && segment.field ? `fm-${segment.field}` : `s${segment.hash.slice(0, 8)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id as SegmentId;
}

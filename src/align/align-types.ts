import type { SegmentId, SegmentKind, SourceHash } from '../model/types.js';

/** A segment of the edited source, as the aligner sees it. */
export interface AlignSegment {
  kind: SegmentKind;
  /** Front-matter field name, for `front-matter` segments. */
  field?: string;
  text: string;
  /** Hash of the normalised `text`. */
  hash: SourceHash;
}

/** A stored record, as the aligner sees it. */
export interface AlignRecord {
  id: SegmentId;
  kind: SegmentKind;
  /** Front-matter field name, for `front-matter` records. */
  field?: string;
  /** The source text as last seen. */
  source: string;
  /** Hash of the source the translation was made from (differs from `sourceTextHash` when stale). */
  sourceHash: SourceHash;
  /** Hash of the normalised `source`. */
  sourceTextHash: SourceHash;
}

/** How a new segment continues a record: same text in order, same text elsewhere, or changed text. */
export type MatchKind = 'unchanged' | 'moved' | 'edited';

/** The record a new segment continues. */
export interface SegmentMatch {
  recordIndex: number;
  how: MatchKind;
  /** 1 for identical text, else the share of the longer text kept by a character diff (0..1). */
  similarity: number;
}

/** Result of lining up new segments with stored records. */
export interface Alignment {
  /** One entry per new segment, in order: the record it continues, or undefined for a new segment. */
  matches: (SegmentMatch | undefined)[];
  /** Indices of records that matched no new segment (removed from the source), ascending. */
  removed: number[];
}

/** Tuning for `alignSegments`; the defaults suit prose in any script. */
export interface AlignOptions {
  /** Least similarity (0..1, share of the longer text kept) for an `edited` match. Default 0.5. */
  minSimilarity?: number;
  /** Most records scored per new segment for each tier (between its anchors, elsewhere). Default 8. */
  maxCandidates?: number;
}

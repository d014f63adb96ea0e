import { alignSegments, type MatchKind } from '../align/align-segments.js';
import type { BilingualDocument, Origin, SegmentId, SegmentRecord, SegmentStatus, SourceSegment } from '../model/types.js';
import { HUMAN_ORIGIN } from '../model/types.js';
import { hashSource, hashTranslation } from '../segment/hash-text.js';
import { assignSegmentId } from './assign-segment-id.js';

/** One current source segment with what the bilingual document knows about it. */
export interface SegmentState {
  id: SegmentId;
  segment: SourceSegment;
  /** The stored record this segment continues; absent for a new segment. */
  record?: SegmentRecord;
  /** How the segment was matched to its record (`new` when it has none). */
  match: MatchKind | 'new';
  status: SegmentStatus;
  /** A person wrote or edited the translation. */
  edited: boolean;
  /** For stale and conflicting segments: the source the translation was made from. */
  previousSource?: string;
}

/** The aligned state of one document: what `status`, `translate` and `review` work from. */
export interface DocumentState {
  entries: SegmentState[];
  /** Records whose source segment is gone. */
  removed: SegmentRecord[];
}

/** Lines the current source segments up with the stored records and works out each status. */
export function buildDocumentState(segments: readonly SourceSegment[], doc: BilingualDocument | undefined): DocumentState {
  const records = doc?.segments ?? [];
  const alignment = alignSegments(
    segments.map((s) => ({ kind: s.kind, field: s.field, text: s.text, hash: s.hash })),
    records.map((r) => ({
      id: r.id,
      kind: r.kind,
      field: r.kind === 'front-matter' ? r.id.replace(/^fm-/, '') : undefined,
      source: r.source,
      sourceHash: r.sourceHash,
      sourceTextHash: hashSource(r.source),
    })),
  );

  const usedIds = new Set<string>(records.map((r) => r.id));
  const entries = segments.map((segment, index): SegmentState => {
    const match = alignment.matches[index];
    const record = match ? records[match.recordIndex] : undefined;
    if (!record) {
      const id = assignSegmentId(segment, usedIds);
      usedIds.add(id);
      return { id, segment, match: 'new', status: 'missing', edited: false };
    }
    const edited = isEditedByPerson(record);
    const state: SegmentState = { id: record.id, segment, record, match: match?.how ?? 'edited', status: 'current', edited };
    if (record.translation === undefined) state.status = 'missing';
    else if (record.sourceHash !== segment.hash) {
      state.status = edited ? 'conflict' : 'stale';
      state.previousSource = record.translatedFrom ?? record.source;
    }
    return state;
  });
  return { entries, removed: alignment.removed.map((index) => records[index]).filter((r): r is SegmentRecord => r !== undefined) };
}

/** Who the segment's translation is from: `human` once a person edited it; undefined without one. */
export function translationOrigin(entry: SegmentState): Origin | undefined {
  if (entry.record?.translation === undefined) return undefined;
  return entry.edited ? HUMAN_ORIGIN : (entry.record.origin ?? HUMAN_ORIGIN);
}

/** A translation is a person's when bitext recorded it so, or when it differs from what bitext wrote. */
export function isEditedByPerson(record: SegmentRecord): boolean {
  if (record.translation === undefined) return false;
  if (record.origin === HUMAN_ORIGIN) return true;
  return record.translationHash === undefined || record.translationHash !== hashTranslation(record.translation);
}

import type { SegmentKind, SegmentStatus } from '../model/types.js';
import type { LoadedDocument } from './load-document.js';

/** One segment as `status` reports it. */
export interface SegmentStatusLine {
  id: string;
  kind: SegmentKind;
  status: SegmentStatus;
  edited: boolean;
  reviewed: boolean;
  origin: string | null;
  /** Line in the source file. */
  line: number;
  /** Line of the segment in the bilingual document, when it is there. */
  bilingualLine: number | null;
  /** Why it is not current. */
  reason: string | null;
  moved: boolean;
}

/** Counts by status. */
export interface StatusSummary {
  total: number;
  current: number;
  stale: number;
  missing: number;
  conflict: number;
  edited: number;
  moved: number;
  removed: number;
}

/** The status of every segment of a loaded document, and what moved or was removed since the last run. */
export function describeStatus(document: LoadedDocument): { segments: SegmentStatusLine[]; removed: { id: string; source: string }[]; summary: StatusSummary } {
  const segments = document.state.entries.map((entry): SegmentStatusLine => ({
    id: entry.id,
    kind: entry.segment.kind,
    status: entry.status,
    edited: entry.edited,
    reviewed: Boolean(entry.record?.reviewed),
    origin: entry.record?.translation !== undefined ? (entry.edited ? 'human' : (entry.record.origin ?? null)) : null,
    line: entry.segment.line,
    bilingualLine: entry.record?.line ?? null,
    reason:
      entry.status === 'stale' ? 'source edited since it was translated'
      : entry.status === 'conflict' ? `source edited under a person's translation${entry.record?.suggestion?.sourceHash === entry.segment.hash ? ' (machine suggestion stored beside it)' : ''}`
      : entry.status === 'missing' ? (entry.match === 'new' ? (document.stored ? 'new segment' : 'not translated yet') : 'no translation yet')
      : null,
    moved: entry.match === 'moved',
  }));
  const removed = document.state.removed.map((r) => ({ id: r.id, source: r.source }));
  const summary: StatusSummary = { total: segments.length, current: 0, stale: 0, missing: 0, conflict: 0, edited: 0, moved: 0, removed: removed.length };
  for (const s of segments) {
    summary[s.status]++;
    if (s.edited) summary.edited++;
    if (s.moved) summary.moved++;
  }
  return { segments, removed, summary };
}

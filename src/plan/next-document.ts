import type { BilingualDocument, Origin, SegmentId, SegmentRecord, SegmentStatus } from '../model/types.js';
import { HUMAN_ORIGIN } from '../model/types.js';
import { toStoredTranslation } from '../bilingual/bilingual-format.js';
import { hashTranslation } from '../segment/hash-text.js';
import { translationOrigin, type DocumentState, type SegmentState } from './document-state.js';

/** A change a run makes to one segment. */
export type SegmentUpdate =
  | { type: 'translation'; text: string; origin: Origin }
  | { type: 'suggestion'; text: string; origin: Origin }
  | { type: 'accept'; useSuggestion: boolean; allow?: string[] };

/**
 * Builds the bilingual document to write: the current source order, each segment with its
 * translation, updated by what this run produced. A person's text is recorded as `human`.
 */
export function nextDocument(
  state: DocumentState,
  header: Omit<BilingualDocument, 'segments'>,
  updates: ReadonlyMap<SegmentId, SegmentUpdate>,
): { doc: BilingualDocument; statuses: SegmentStatus[] } {
  const statuses: SegmentStatus[] = [];
  const segments = state.entries.map((entry) => {
    const { record, status } = nextRecord(entry, updates.get(entry.id));
    statuses.push(status);
    return record;
  });
  return { doc: { ...header, segments }, statuses };
}

function nextRecord(entry: SegmentState, update: SegmentUpdate | undefined): { record: SegmentRecord; status: SegmentStatus } {
  const old = entry.record;
  const record: SegmentRecord = { id: entry.id, kind: entry.segment.kind, source: entry.segment.text, sourceHash: entry.segment.hash };
  if (old?.allowedFindings?.length) record.allowedFindings = [...old.allowedFindings];

  if (update?.type === 'translation') {
    setTranslation(record, toStoredTranslation(update.text), update.origin);
    return { record, status: 'current' };
  }
  if (!old || old.translation === undefined || entry.status === 'missing') return { record, status: 'missing' };

  setTranslation(record, old.translation, translationOrigin(entry) ?? HUMAN_ORIGIN);
  if (old.reviewed) record.reviewed = true;

  if (update?.type === 'accept') {
    // The reviewer vouches for the translation against the current source.
    if (update.useSuggestion && old.suggestion) setTranslation(record, old.suggestion.text, old.suggestion.origin);
    record.reviewed = true;
    if (update.allow?.length) record.allowedFindings = [...new Set([...(record.allowedFindings ?? []), ...update.allow])];
    return { record, status: 'current' };
  }
  if (entry.status === 'current') return { record, status: 'current' };

  // Stale or conflict: keep the translation against the source it was made from.
  record.sourceHash = old.sourceHash;
  record.reviewed = undefined;
  if (entry.previousSource !== undefined && entry.previousSource !== entry.segment.text) record.translatedFrom = entry.previousSource;
  const suggestion =
    update?.type === 'suggestion'
      ? { text: toStoredTranslation(update.text), origin: update.origin, sourceHash: entry.segment.hash }
      : old.suggestion?.sourceHash === entry.segment.hash
        ? old.suggestion
        : undefined;
  if (suggestion) record.suggestion = suggestion;
  return { record, status: entry.status };
}

function setTranslation(record: SegmentRecord, text: string, origin: Origin): void {
  record.translation = text;
  record.origin = origin;
  record.translationHash = hashTranslation(text);
}

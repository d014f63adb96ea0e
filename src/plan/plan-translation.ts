import type { LanguageCode, SegmentId, SegmentKind, SegmentRecord } from '../model/types.js';
import { isAlreadyInTarget } from './already-in-target.js';
import type { DocumentState, SegmentState } from './document-state.js';
import { memoryKey, type MemoryEntry, type TranslationMemory } from './translation-memory.js';

/** Why a segment goes to the translator. */
export type SendReason = 'missing' | 'stale' | 'conflict' | 'forced';

/** A segment the run will send to the translator. */
export interface PlannedSegment {
  id: SegmentId;
  kind: SegmentKind;
  /** Source text (inline Markdown) to translate. */
  text: string;
  reason: SendReason;
  /** For a changed source: the old source and its translation, for a minimal edit. */
  previous?: { source: string; translation: string };
}

/** What a `translate` run will do, computed before anything is sent or written. */
export interface TranslationPlan {
  send: PlannedSegment[];
  /** Segments already in the target language (by script): copied unchanged, never sent. */
  copy: { id: SegmentId; text: string; reason: SendReason }[];
  /** Segments filled from the translation memory, at no cost. */
  reuse: { id: SegmentId; entry: MemoryEntry; reason: SendReason }[];
  /** Person's translations whose source changed and that already carry a machine suggestion. */
  conflicts: SegmentId[];
  moved: SegmentId[];
  removed: SegmentRecord[];
}

/** Options of `planTranslation`. */
export interface PlanOptions {
  from: LanguageCode;
  to: LanguageCode;
  /** Re-translate everything, overwriting people's translations. */
  force: boolean;
}

/**
 * Decides, segment by segment, what a run must do: nothing for current segments, reuse from
 * memory where the same source was translated before, copy what is already in the target
 * language, otherwise send. A person's translation
 * is never replaced: when its source changes, only a suggestion is asked for (unless forced).
 */
export function planTranslation(state: DocumentState, memory: TranslationMemory, options: PlanOptions): TranslationPlan {
  const plan: TranslationPlan = { send: [], copy: [], reuse: [], conflicts: [], moved: [], removed: state.removed };
  for (const entry of state.entries) {
    if (entry.match === 'moved') plan.moved.push(entry.id);
    const reason = sendReason(entry, options.force);
    if (!reason) continue;
    if (reason === 'conflict' && entry.record?.suggestion?.sourceHash === entry.segment.hash) {
      plan.conflicts.push(entry.id);
      continue;
    }
    const remembered = options.force ? undefined : memory.get(memoryKey(options.from, options.to, entry.segment.hash));
    if (remembered) {
      plan.reuse.push({ id: entry.id, entry: remembered, reason });
      continue;
    }
    if (isAlreadyInTarget(entry.segment.text, entry.segment.protectedSpans, options.from, options.to)) {
      plan.copy.push({ id: entry.id, text: entry.segment.text, reason });
      continue;
    }
    const planned: PlannedSegment = { id: entry.id, kind: entry.segment.kind, text: entry.segment.text, reason };
    if ((reason === 'stale' || reason === 'conflict') && entry.previousSource !== undefined && entry.record?.translation !== undefined) {
      planned.previous = { source: entry.previousSource, translation: entry.record.translation };
    }
    plan.send.push(planned);
  }
  return plan;
}

function sendReason(entry: SegmentState, force: boolean): SendReason | undefined {
  if (force) return 'forced';
  if (entry.status === 'current') return undefined;
  return entry.status;
}

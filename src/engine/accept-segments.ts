import { UsageError } from '../model/errors.js';
import type { SegmentId } from '../model/types.js';
import { translationOrigin } from '../plan/document-state.js';
import type { SegmentUpdate } from '../plan/next-document.js';
import { memoryKey, type TranslationMemory } from '../plan/translation-memory.js';
import { mergeIntoMemoryFile } from '../store/memory-file.js';
import { displayPath } from '../store/project-paths.js';
import { findEntry } from './edit-segment.js';
import type { DocumentSettings, LoadedDocument } from './load-document.js';
import { saveBilingual, saveTarget } from './save-document.js';
import { expectVersion } from './segment-version.js';
import { withDocumentLock } from './with-document-lock.js';

/** Which segments a reviewer accepts and how. */
export interface AcceptRequest {
  /** Segment ids; ignored with `all`. */
  ids: ReadonlySet<string>;
  all: boolean;
  /** Take a conflict's machine suggestion instead of the person's text. */
  useSuggestion: boolean;
  /** QA checks to mark as intended for these segments. */
  allow: readonly string[];
}

/** What accepting changes: the updates to write, what the translation memory learns, and ids without a translation. */
export interface AcceptPlan {
  updates: Map<SegmentId, SegmentUpdate>;
  learned: TranslationMemory;
  skipped: string[];
}

/** Works out what accepting does to one document; writes nothing. */
export function planAccept(document: LoadedDocument, request: AcceptRequest): AcceptPlan {
  const plan: AcceptPlan = { updates: new Map(), learned: new Map(), skipped: [] };
  for (const entry of document.state.entries) {
    if (!request.all && !request.ids.has(entry.id)) continue;
    if (entry.status === 'missing' || entry.record?.translation === undefined) {
      if (!request.all) plan.skipped.push(entry.id);
      continue;
    }
    const suggestion = request.useSuggestion ? entry.record.suggestion : undefined;
    if (request.useSuggestion && !suggestion && request.ids.has(entry.id)) {
      throw new UsageError(`segment ${entry.id} has no machine suggestion to take`, { file: document.bilingualDisplay, ...(entry.record.line !== undefined ? { line: entry.record.line } : {}) });
    }
    plan.updates.set(entry.id, { type: 'accept', useSuggestion: request.useSuggestion, allow: [...request.allow] });
    const text = suggestion ? suggestion.text : entry.record.translation;
    const origin = suggestion ? suggestion.origin : (translationOrigin(entry) ?? 'human');
    plan.learned.set(memoryKey(document.header.from, document.header.to, entry.segment.hash), { source: entry.segment.text, translation: text, origin });
  }
  return plan;
}

/**
 * Writes an accept plan: the bilingual document and the target (atomically) and the project's
 * translation memory. The caller holds the document lock. Returns the paths written.
 */
export async function writeAccepted(document: LoadedDocument, plan: AcceptPlan, cwd: string): Promise<string[]> {
  const wrote: string[] = [];
  await saveBilingual(document, plan.updates, wrote);
  await saveTarget(document, plan.updates, wrote);
  const memoryFile = document.paths.memory;
  await mergeIntoMemoryFile(memoryFile, displayPath(memoryFile, cwd), plan.learned);
  return wrote;
}

/**
 * Accepts one segment under the document lock, as `bitext accept` does; with `base`, only while the
 * pair is still at the version the reviewer saw (else `StaleEditError`).
 */
export async function acceptSegment(
  sourceFile: string,
  settings: DocumentSettings,
  request: { id: string; useSuggestion: boolean; base?: string },
): Promise<{ document: LoadedDocument; wrote: string[] }> {
  return withDocumentLock(sourceFile, settings, async (document) => {
    const entry = findEntry(document, request.id);
    if (request.base !== undefined) expectVersion(entry, request.base, undefined, document.bilingualDisplay);
    const plan = planAccept(document, { ids: new Set([entry.id]), all: false, useSuggestion: request.useSuggestion, allow: [] });
    if (plan.skipped.length) throw new UsageError(`segment ${entry.id} has no translation to accept`, { file: document.bilingualDisplay }, 'Translate it or type a translation first.');
    return { document, wrote: await writeAccepted(document, plan, settings.cwd) };
  });
}

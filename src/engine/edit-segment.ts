import { UsageError } from '../model/errors.js';
import { HUMAN_ORIGIN, type SegmentId } from '../model/types.js';
import type { SegmentUpdate } from '../plan/next-document.js';
import type { DocumentSettings, LoadedDocument } from './load-document.js';
import { saveBilingual, saveTarget } from './save-document.js';
import { expectVersion } from './segment-version.js';
import { withDocumentLock } from './with-document-lock.js';

/** A person's new translation of one segment, with the version of the pair they edited. */
export interface SegmentEdit {
  id: string;
  translation: string;
  /** `translationVersion` of the pair as the editor read it. */
  base: string;
  /** The source hash the editor translated; when given, a changed source is a stale edit too. */
  sourceHash?: string;
}

/**
 * Saves a person's translation of one segment as the CLI would: under the document lock, only
 * when the pair is still as the editor read it (else `StaleEditError`), recorded as the person's
 * (`human`) against the current source, with the bilingual document and the target written atomically.
 */
export async function editSegment(sourceFile: string, settings: DocumentSettings, edit: SegmentEdit): Promise<{ document: LoadedDocument; wrote: string[] }> {
  if (edit.translation.trim() === '') {
    throw new UsageError(`the new translation of segment ${edit.id} is empty`, {}, 'Type a translation; to drop one, edit the bilingual document.');
  }
  return withDocumentLock(sourceFile, settings, async (document) => {
    const entry = findEntry(document, edit.id);
    expectVersion(entry, edit.base, edit.sourceHash, document.bilingualDisplay);
    const updates = new Map<SegmentId, SegmentUpdate>([[entry.id, { type: 'translation', text: edit.translation, origin: HUMAN_ORIGIN }]]);
    const wrote: string[] = [];
    await saveBilingual(document, updates, wrote);
    await saveTarget(document, updates, wrote);
    return { document, wrote };
  });
}

/** The segment with this id, or a `UsageError` naming the document. */
export function findEntry(document: LoadedDocument, id: string): LoadedDocument['state']['entries'][number] {
  const entry = document.state.entries.find((candidate) => candidate.id === id);
  if (!entry) throw new UsageError(`no segment with id ${id} in ${document.bilingualDisplay}`, { file: document.bilingualDisplay }, 'List the ids with `bitext status --all`.');
  return entry;
}

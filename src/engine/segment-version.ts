import { BitextError } from '../model/errors.js';
import type { SegmentState } from '../plan/document-state.js';
import { hashTranslation } from '../segment/hash-text.js';

/**
 * The version of a pair an editor saw: the hash of its translation as it stands in the bilingual
 * document (of the empty text while it has none). Edits name it so a change underneath is caught.
 */
export function translationVersion(entry: SegmentState): string {
  return hashTranslation(entry.status === 'missing' ? '' : (entry.record?.translation ?? ''));
}

/** The pair changed since the editor read it (another editor, a `translate` run): nothing was written. */
export class StaleEditError extends BitextError {
  override name = 'StaleEditError';
}

/** Throws `StaleEditError` unless the pair is still at the version (and source hash, when given) the editor saw. */
export function expectVersion(entry: SegmentState, base: string, sourceHash: string | undefined, file: string): void {
  const line = entry.record?.translationLine ?? entry.record?.line;
  const where = { file, ...(line !== undefined ? { line } : {}) };
  if (translationVersion(entry) !== base) {
    throw new StaleEditError(`segment ${entry.id} changed since it was read`, where, 'Reload it, and apply your change to the new text.');
  }
  if (sourceHash !== undefined && entry.segment.hash !== sourceHash) {
    throw new StaleEditError(`the source of segment ${entry.id} changed since it was read`, where, 'Reload it, and translate the new source.');
  }
}

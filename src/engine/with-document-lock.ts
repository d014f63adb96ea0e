import { acquireLock } from '../store/document-lock.js';
import { loadDocument, type DocumentSettings, type LoadedDocument } from './load-document.js';

/**
 * Runs `work` on a document read fresh while holding its lock, so what it decides from the
 * document is still true when it writes. Throws `LockedError` when another run holds the lock.
 */
export async function withDocumentLock<T>(sourceFile: string, settings: DocumentSettings, work: (document: LoadedDocument) => Promise<T>): Promise<T> {
  const located = await loadDocument(sourceFile, settings);
  const release = await acquireLock(located.paths.bilingual, located.bilingualDisplay);
  try {
    return await work(await loadDocument(sourceFile, settings));
  } finally {
    await release();
  }
}

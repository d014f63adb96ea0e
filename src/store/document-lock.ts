import { hostname } from 'node:os';
import { LockedError } from '../model/errors.js';
import { tryLockFile } from './lock-file.js';

/** Releases a lock taken with `acquireLock`. */
export type ReleaseLock = () => Promise<void>;

/**
 * Takes an exclusive lock on a document (a `.lock` file beside it holding our pid), so a second
 * run on the same document refuses instead of interleaving writes. A lock left by a process that
 * no longer exists (after `kill -9`) is taken over, atomically: of two runs finding it, one wins.
 */
export async function acquireLock(documentPath: string, displayPath: string): Promise<ReleaseLock> {
  const lockPath = `${documentPath}.lock`;
  const attempt = await tryLockFile(lockPath);
  if (attempt.taken) return attempt.release;
  const { holder } = attempt;
  if (holder && holder.host !== hostname()) {
    throw new LockedError(`the document is locked by a bitext run on ${holder.host}`, { file: displayPath }, `If no bitext is running there, delete ${lockPath}.`);
  }
  throw new LockedError(
    holder ? `another bitext run (pid ${holder.pid}, started ${holder.started}) is working on this document` : 'another bitext run is taking the lock on this document',
    { file: displayPath },
    `Wait for it to finish, or stop it. If no bitext is running, delete ${lockPath}.`,
  );
}

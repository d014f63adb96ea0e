import { hostname } from 'node:os';
import { open, readFile, rm } from 'node:fs/promises';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LockedError } from '../model/errors.js';

/** Releases a lock taken with `acquireLock`. */
export type ReleaseLock = () => Promise<void>;

/**
 * Takes an exclusive lock on a document (a `.lock` file beside it holding our pid), so a second
 * run on the same document refuses instead of interleaving writes. A lock left by a process that
 * no longer exists (after `kill -9`) is taken over.
 */
export async function acquireLock(documentPath: string, displayPath: string): Promise<ReleaseLock> {
  const lockPath = `${documentPath}.lock`;
  await mkdir(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() }));
      await handle.close();
      return async () => {
        await rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readHolder(lockPath);
      if (holder && holder.host === hostname() && isAlive(holder.pid)) {
        throw new LockedError(
          `another bitext run (pid ${holder.pid}, started ${holder.started}) is working on this document`,
          { file: displayPath },
          `Wait for it to finish, or stop it. If no bitext is running, delete ${lockPath}.`,
        );
      }
      if (holder && holder.host !== hostname()) {
        throw new LockedError(`the document is locked by a bitext run on ${holder.host}`, { file: displayPath }, `If no bitext is running there, delete ${lockPath}.`);
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new LockedError('could not take the lock on this document', { file: displayPath }, `Delete ${lockPath} if no bitext is running.`);
}

async function readHolder(lockPath: string): Promise<{ pid: number; host: string; started: string } | undefined> {
  try {
    const value = JSON.parse(await readFile(lockPath, 'utf8')) as { pid?: unknown; host?: unknown; started?: unknown };
    if (typeof value.pid !== 'number') return undefined;
    return { pid: value.pid, host: String(value.host ?? hostname()), started: String(value.started ?? 'unknown') };
  } catch {
    // Unreadable or half-written lock (a crash between create and write): treat as abandoned.
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomicLib from 'write-file-atomic';
import { toFileSystemError } from '../model/errors.js';

/**
 * Writes a file so that readers only ever see the old or the new content, even after a crash or
 * `kill -9`: `write-file-atomic` writes a temporary file beside it, flushes it and renames it over
 * the target; the folder is then flushed too. A failure is a FileSystemError naming the file.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  try {
    await mkdir(dir, { recursive: true });
    await writeFileAtomicLib(path, content, { encoding: 'utf8', fsync: true });
  } catch (error) {
    throw toFileSystemError(error, path) ?? error;
  }
  await syncDirectory(dir);
}

/**
 * Writes atomically, but only when the content differs, so a run with nothing to do leaves files
 * (and their modification times) untouched. Returns whether it wrote.
 */
export async function writeFileAtomicIfChanged(path: string, content: string): Promise<boolean> {
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing === content) return false;
  await writeFileAtomic(path, content);
  return true;
}

/** Makes the rename itself durable; not every platform allows opening a directory. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the rename is already atomic, only its durability across a power cut is lost.
  }
}

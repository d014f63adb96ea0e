import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers only ever see the old or the new content, even after a crash or
 * `kill -9`: write a temporary file beside it, flush it to disk, then rename over the target.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temporary = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
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

import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
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
  if (await fileHasContent(path, [content])) return false;
  await writeFileAtomic(path, content);
  return true;
}

/** How much text is gathered before each write of a file written in parts. */
const WRITE_CHUNK_CHARS = 1 << 20;

/**
 * Like `writeFileAtomicIfChanged`, for content made of parts (a large bilingual document or
 * memory): the parts are produced twice (once to compare with the file on disk by size and
 * SHA-256, once to write) and never joined, so the peak memory is one part, not the whole file
 * twice over (string and buffer). Temporary file beside the target, flushed, renamed over it,
 * folder flushed; the file's mode is kept. Returns whether it wrote.
 */
export async function writePartsAtomicIfChanged(path: string, parts: () => Iterable<string>): Promise<boolean> {
  if (await fileHasContent(path, parts())) return false;
  const dir = dirname(path);
  const temporary = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    const mode = await stat(path).then((existing) => existing.mode & 0o7777, () => undefined);
    const handle = await open(temporary, 'wx');
    try {
      let pending = '';
      for (const part of parts()) {
        pending += part;
        if (pending.length >= WRITE_CHUNK_CHARS) {
          await handle.writeFile(pending);
          pending = '';
        }
      }
      if (pending !== '') await handle.writeFile(pending);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temporary, mode);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw toFileSystemError(error, path) ?? error;
  }
  await syncDirectory(dir);
  return true;
}

/**
 * Whether the file holds exactly the UTF-8 bytes of `parts`: same size, then same SHA-256, the
 * file read in chunks; false when it is missing. Neither side is held whole.
 */
async function fileHasContent(path: string, parts: Iterable<string>): Promise<boolean> {
  const expected = createHash('sha256');
  let bytes = 0;
  for (const part of parts) {
    expected.update(part);
    bytes += Buffer.byteLength(part);
  }
  const size = await stat(path).then((existing) => (existing.isFile() ? existing.size : -1), () => -1);
  if (size !== bytes) return false;
  const sha256 = expected.digest('hex');
  const digest = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) digest.update(chunk as Buffer);
  } catch {
    return false;
  }
  return digest.digest('hex') === sha256;
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

import { readFile } from 'node:fs/promises';
import { InputError, toFileSystemError } from '../model/errors.js';
import type { MemoryEntry, TranslationMemory } from '../plan/translation-memory.js';
import { writePartsAtomicIfChanged } from './atomic-write.js';
import { memoryFileParts } from './memory-file-text.js';
import { tryLockFile } from './lock-file.js';

interface MemoryFile {
  'bitext-memory': number;
  entries: (MemoryEntry & { key: string })[];
}

const REPAIR = 'Restore it from git, or delete it (it only saves translator calls; the bilingual documents keep every translation).';
/** How long a merge waits for another run's merge (a few milliseconds of work) before giving up. */
const MERGE_WAIT_MS = 30_000;

/**
 * Reads the translation memory; a missing file is an empty memory. A file that is not a memory
 * (bad JSON, an entry that is `null` or lacks a string field) is an InputError naming the entry:
 * bitext refuses rather than silently dropping translations someone paid for.
 */
export async function readMemoryFile(path: string, displayPath: string): Promise<TranslationMemory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw toFileSystemError(error, displayPath) ?? error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`the translation memory is not valid JSON (${(error as Error).message})`, { file: displayPath }, REPAIR);
  }
  const entries: unknown = typeof parsed === 'object' && parsed !== null ? (parsed as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(entries)) throw new InputError('the translation memory has no `entries` list', { file: displayPath }, REPAIR);
  const memory: TranslationMemory = new Map();
  entries.forEach((entry: unknown, index) => {
    const fields = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : undefined;
    const bad = !fields ? `is ${entry === null ? 'null' : typeof entry}` : (['key', 'source', 'translation', 'origin'] as const).find((k) => typeof fields[k] !== 'string');
    if (bad !== undefined || !fields) {
      throw new InputError(`entry ${index + 1} of the translation memory ${fields ? `has no string \`${bad}\`` : bad}`, { file: displayPath }, `Remove that entry (or fix it), ${REPAIR.charAt(0).toLowerCase()}${REPAIR.slice(1)}`);
    }
    memory.set(fields.key as string, { source: fields.source as string, translation: fields.translation as string, origin: fields.origin as string });
  });
  return memory;
}

/**
 * Adds entries to the memory file. The read-merge-write runs under a lock file
 * (`memory.json.lock`), so runs on other documents sharing the folder never lose each other's
 * entries, whatever the interleaving; entries are sorted so the file diffs well in git.
 */
export async function mergeIntoMemoryFile(path: string, displayPath: string, added: TranslationMemory): Promise<void> {
  if (added.size === 0) return;
  const release = await waitForLock(`${path}.lock`, displayPath);
  try {
    const merged = await readMemoryFile(path, displayPath);
    for (const [key, entry] of added) merged.set(key, entry);
    const keys = [...merged.keys()].sort();
    const inOrder = function* (): Generator<MemoryEntry & { key: string }> {
      for (const key of keys) yield { key, ...(merged.get(key) as MemoryEntry) };
    };
    await writePartsAtomicIfChanged(path, () => memoryFileParts(inOrder()));
  } finally {
    await release();
  }
}

async function waitForLock(lockPath: string, displayPath: string): Promise<() => Promise<void>> {
  const started = Date.now();
  for (let delay = 5; ; delay = Math.min(delay * 2, 100)) {
    const attempt = await tryLockFile(lockPath);
    if (attempt.taken) return attempt.release;
    if (Date.now() - started > MERGE_WAIT_MS) {
      throw new InputError(`the translation memory stayed locked for ${MERGE_WAIT_MS / 1000} s${attempt.holder ? ` by pid ${attempt.holder.pid}` : ''}`, { file: displayPath }, `If no bitext is running, delete ${lockPath}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay + Math.floor(Math.random() * delay)));
  }
}

import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError, toFileSystemError } from '../model/errors.js';
import type { MemoryEntry, TranslationMemory } from '../plan/translation-memory.js';
import { writePartsAtomicIfChanged } from './atomic-write.js';
import { memoryFileParts } from './memory-file-text.js';
import { tryLockFile } from './lock-file.js';
import { addJournalEntries, readJournals, type JournalFile } from './run-journal.js';

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
 * The memory as a run sees it: the memory file plus every journal beside it (`journal/`), dead
 * runs' and running ones', so translations finished before a crash are reused at no cost.
 */
export async function readMemoryWithJournals(path: string, displayPath: string): Promise<{ memory: TranslationMemory; journals: JournalFile[] }> {
  // Journals first: a run folding one writes the memory file before deleting the journal, so
  // whichever moment this falls in, the entries are in one or the other.
  const journals = await readJournals(journalFolderOf(path));
  const memory = await readMemoryFile(path, displayPath);
  return { memory: addJournalEntries(memory, journals), journals };
}

/** Options of `mergeIntoMemoryFile`. */
export interface MergeOptions {
  /** Also fold in the journals of dead runs, then delete them; never `except` (the caller's own). */
  foldDeadJournals?: { except?: string };
}

/**
 * Adds entries to the memory file. The read-merge-write runs under a lock file
 * (`memory.json.lock`), so runs on other documents sharing the folder never lose each other's
 * entries, whatever the interleaving; entries are sorted so the file diffs well in git. Dead
 * runs' journals are read under the same lock and deleted only once the file holding them is written.
 */
export async function mergeIntoMemoryFile(path: string, displayPath: string, added: TranslationMemory, options: MergeOptions = {}): Promise<void> {
  const fold = options.foldDeadJournals;
  const deadJournals = async (): Promise<JournalFile[]> => (fold ? (await readJournals(journalFolderOf(path), { deadOnly: true, ...(fold.except !== undefined ? { except: fold.except } : {}) })).filter((j) => !j.alive) : []);
  // Nothing to add and no dead run to fold: no lock taken, no folder created.
  if (added.size === 0 && (await deadJournals()).length === 0) return;
  const release = await waitForLock(`${path}.lock`, displayPath);
  try {
    const dead = await deadJournals();
    if (added.size === 0 && dead.length === 0) return;
    const merged = addJournalEntries(await readMemoryFile(path, displayPath), dead);
    for (const [key, entry] of added) merged.set(key, entry);
    const keys = [...merged.keys()].sort();
    const inOrder = function* (): Generator<MemoryEntry & { key: string }> {
      for (const key of keys) yield { key, ...(merged.get(key) as MemoryEntry) };
    };
    await writePartsAtomicIfChanged(path, () => memoryFileParts(inOrder()));
    await Promise.all(dead.map((journal) => rm(journal.path, { force: true })));
  } finally {
    await release();
  }
}

function journalFolderOf(memoryFile: string): string {
  return join(dirname(memoryFile), 'journal');
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

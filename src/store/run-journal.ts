import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { toFileSystemError } from '../model/errors.js';
import type { MemoryEntry, TranslationMemory } from '../plan/translation-memory.js';
import { processAlive } from './lock-file.js';

/** One finished translation as a journal line: a memory entry, flagged when it is only a suggestion beside a person's text. */
export interface JournalEntry extends MemoryEntry {
  key: string;
  suggestion?: true;
}

/** The run that wrote a journal: its first line. */
export interface JournalRun {
  pid: number;
  host: string;
  started: string;
}

/** A journal as read back: its run (undefined when the first line is not a run's), entries and whether the run still goes. */
export interface JournalFile {
  path: string;
  run: JournalRun | undefined;
  /** False only when the run is known dead (same host, no such process). */
  alive: boolean;
  entries: JournalEntry[];
}

/** Appends to one run's journal; the file appears at the first append. */
export interface RunJournal {
  readonly path: string;
  /** Writes the entries as lines and flushes them to disk (`datasync`) before resolving. */
  append(entries: readonly JournalEntry[]): Promise<void>;
  /** Closes the file and deletes it: its entries are in the memory and the documents now. */
  remove(): Promise<void>;
  /** Closes the file and keeps it, for the next run to take. */
  close(): Promise<void>;
}

const SUFFIX = '.jsonl';
const APPEND_CHUNK_CHARS = 1 << 20;
/** The run line is a few dozen bytes; a journal whose first line is not within this is not trusted as dead. */
const RUN_LINE_BYTES = 4096;

/** `<out>/.bitext/journal`: one journal per run that is going, or that ended without saving. */
export function journalFolder(outDir: string): string {
  return join(outDir, '.bitext', 'journal');
}

/**
 * A journal for this run in `folder` (`<pid>-<random>.jsonl`). Created with its first line whole
 * (written aside, flushed, renamed into place) so a reader never sees a journal without its run;
 * then lines are appended through one handle opened in append mode.
 */
export function createRunJournal(folder: string, displayFolder = folder): RunJournal {
  const name = `${process.pid}-${randomBytes(6).toString('hex')}`;
  const path = join(folder, `${name}${SUFFIX}`);
  const display = `${displayFolder}/${name}${SUFFIX}`;
  let handle: FileHandle | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };
  const openOnce = async (): Promise<FileHandle> => {
    if (handle) return handle;
    const aside = join(folder, `.${name}${SUFFIX}.tmp`);
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      throw toFileSystemError(error, displayFolder) ?? error;
    }
    try {
      await writeFile(join(folder, '.gitignore'), '*\n', { flag: 'wx' }).catch(() => undefined);
      const opened = await open(aside, 'ax');
      const run = { 'bitext-journal': 1, pid: process.pid, host: hostname(), started: new Date().toISOString() };
      await opened.write(`${JSON.stringify(run)}\n`);
      await opened.datasync();
      await rename(aside, path);
      handle = opened;
      return opened;
    } catch (error) {
      await rm(aside, { force: true }).catch(() => undefined);
      throw toFileSystemError(error, display) ?? error;
    }
  };
  const close = async (): Promise<void> => {
    const open = handle;
    handle = undefined;
    await open?.close();
  };
  return {
    path,
    append: (entries) =>
      serial(async () => {
        if (entries.length === 0) return;
        const file = await openOnce();
        try {
          // In slices of about 1 Mi characters: a burst of replies must not become one huge string.
          let pending = '';
          for (const entry of entries) {
            pending += `${JSON.stringify(entry)}\n`;
            if (pending.length >= APPEND_CHUNK_CHARS) {
              await file.writeFile(pending);
              pending = '';
            }
          }
          if (pending !== '') await file.writeFile(pending);
          await file.datasync();
        } catch (error) {
          throw toFileSystemError(error, display) ?? error;
        }
      }),
    remove: () =>
      serial(async () => {
        const existed = handle !== undefined;
        await close();
        if (existed) await rm(path, { force: true });
      }),
    close: () => serial(close),
  };
}

/**
 * Every journal in `folder` (none when it does not exist), but `except`; with `deadOnly`, only
 * those of dead runs (judged from the run line alone). A line that is not whole (the last one of
 * a run killed in the middle of a write) or not an entry is skipped: a journal only saves
 * translator calls, the documents are the record.
 */
export async function readJournals(folder: string, options: { deadOnly?: boolean; except?: string } = {}): Promise<JournalFile[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith(SUFFIX) && !name.startsWith('.'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw toFileSystemError(error, folder) ?? error;
  }
  const paths = names.sort().map((name) => join(folder, name)).filter((path) => path !== options.except);
  const wanted = options.deadOnly ? (await Promise.all(paths.map(async (path) => ((await isDeadRun(path)) ? path : undefined)))).filter((p): p is string => p !== undefined) : paths;
  const journals = await Promise.all(wanted.map((path) => readJournal(path)));
  return journals.filter((journal): journal is JournalFile => journal !== undefined);
}

/** Whether a journal's run line names a dead process; read alone, so a live run's long journal is never loaded. */
async function isDeadRun(path: string): Promise<boolean> {
  let head: string;
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(RUN_LINE_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, RUN_LINE_BYTES, 0);
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw toFileSystemError(error, path) ?? error;
  }
  const newline = head.indexOf('\n');
  const run = newline === -1 ? undefined : parseRun(head.slice(0, newline));
  return run !== undefined && !processAlive(run.pid, run.host);
}

/** One journal, or undefined when it vanished meanwhile (its run ended, or another run folded it). */
async function readJournal(path: string): Promise<JournalFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw toFileSystemError(error, path) ?? error;
  }
  // Only lines ended by a newline are whole; what follows the last one was cut by a kill.
  const lines = text.split('\n').slice(0, -1);
  const run = parseRun(lines[0]);
  const entries: JournalEntry[] = [];
  for (const line of lines.slice(1)) {
    const entry = parseEntry(line);
    if (entry) entries.push(entry);
  }
  return { path, run, alive: run ? processAlive(run.pid, run.host) : true, entries };
}

function parseRun(line: string | undefined): JournalRun | undefined {
  const value = parseObject(line);
  if (!value || value['bitext-journal'] !== 1 || typeof value.pid !== 'number' || typeof value.host !== 'string') return undefined;
  return { pid: value.pid, host: value.host, started: String(value.started ?? 'unknown') };
}

function parseEntry(line: string): JournalEntry | undefined {
  const value = parseObject(line);
  if (!value || (['key', 'source', 'translation', 'origin'] as const).some((k) => typeof value[k] !== 'string')) return undefined;
  const entry: JournalEntry = { key: value.key as string, source: value.source as string, translation: value.translation as string, origin: value.origin as string };
  if (value.suggestion === true) entry.suggestion = true;
  return entry;
}

function parseObject(line: string | undefined): Record<string, unknown> | undefined {
  if (line === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Adds journal entries to a memory, later lines winning: a translation replaces what the memory
 * had for its source (it is newer), a suggestion only fills a gap, so it never displaces a
 * translation, least of all a person's.
 */
export function addJournalEntries(memory: TranslationMemory, journals: readonly JournalFile[]): TranslationMemory {
  for (const journal of journals) {
    for (const { key, source, translation, origin, suggestion } of journal.entries) {
      if (suggestion && memory.has(key)) continue;
      memory.set(key, { source, translation, origin });
    }
  }
  return memory;
}

import { readFile } from 'node:fs/promises';
import { InputError } from '../model/errors.js';
import type { MemoryEntry, TranslationMemory } from '../plan/translation-memory.js';
import { writeFileAtomicIfChanged } from './atomic-write.js';

interface MemoryFile {
  'bitext-memory': number;
  entries: (MemoryEntry & { key: string })[];
}

/** Reads the translation memory; a missing file is an empty memory. */
export async function readMemoryFile(path: string, displayPath: string): Promise<TranslationMemory> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  let parsed: MemoryFile;
  try {
    parsed = JSON.parse(text) as MemoryFile;
  } catch (error) {
    throw new InputError(`the translation memory is not valid JSON (${(error as Error).message})`, { file: displayPath }, 'Restore it from git, or delete it (it only saves translator calls).');
  }
  if (!Array.isArray(parsed.entries)) throw new InputError('the translation memory has no `entries` list', { file: displayPath }, 'Restore it from git, or delete it.');
  return new Map(parsed.entries.map(({ key, source, translation, origin }) => [key, { source, translation, origin }]));
}

/**
 * Adds entries to the memory file. The file is re-read first so that runs on other documents
 * that finished meanwhile are not lost; entries are sorted so the file diffs well in git.
 */
export async function mergeIntoMemoryFile(path: string, displayPath: string, added: TranslationMemory): Promise<void> {
  if (added.size === 0) return;
  const merged = await readMemoryFile(path, displayPath);
  for (const [key, entry] of added) merged.set(key, entry);
  const entries = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, entry]) => ({ key, ...entry }));
  const file: MemoryFile = { 'bitext-memory': 1, entries };
  const text = `${JSON.stringify(file, null, 1)}\n`;
  await writeFileAtomicIfChanged(path, text);
}

import type { MemoryEntry } from '../plan/translation-memory.js';

/** The memory file's JSON, one entry at a time: the bytes of `JSON.stringify(file, null, 1)` plus a newline, never joined. */
export function* memoryFileParts(entries: Iterable<MemoryEntry & { key: string }>): Generator<string> {
  yield '{\n "bitext-memory": 1,\n "entries": [';
  let first = true;
  for (const entry of entries) {
    // JSON escapes newlines inside strings, so every newline here is indentation, moved two levels in.
    yield `${first ? '' : ','}\n  ${JSON.stringify(entry, null, 1).replace(/\n/g, '\n  ')}`;
    first = false;
  }
  yield first ? ']\n}\n' : '\n ]\n}\n';
}

import type { LanguageCode, Origin, SourceHash } from '../model/types.js';

/** A translation kept for reuse, keyed by the hash of its source. */
export interface MemoryEntry {
  source: string;
  translation: string;
  origin: Origin;
}

/** Translations of every document of the project, by language pair and source hash. */
export type TranslationMemory = Map<string, MemoryEntry>;

/** The key of a source text in the memory. */
export function memoryKey(from: LanguageCode, to: LanguageCode, hash: SourceHash): string {
  return `${from}>${to}:${hash}`;
}

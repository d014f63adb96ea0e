import type { TranslatorLimits } from './translator.js';

/** Anything with text to translate; `previous` counts too because it is sent along. */
export interface SizedItem {
  text: string;
  previous?: { source: string; translation: string };
}

/** Characters an item adds to a request: its text plus the old version an LLM may edit. */
export function itemSize(item: SizedItem): number {
  return item.text.length + (item.previous ? item.previous.source.length + item.previous.translation.length : 0);
}

/**
 * Groups consecutive items into batches within the translator's limits. Order is kept so that
 * neighbours share a request (better terminology and pronouns); an item larger than the
 * character limit on its own goes alone rather than being dropped.
 */
export function makeBatches<T extends SizedItem>(items: readonly T[], limits: TranslatorLimits): T[][] {
  const maxSegments = Math.max(1, Math.floor(limits.maxSegmentsPerRequest));
  const maxCharacters = Math.max(1, limits.maxCharactersPerRequest);
  const batches: T[][] = [];
  let current: T[] = [];
  let characters = 0;
  for (const item of items) {
    const size = itemSize(item);
    if (current.length > 0 && (current.length >= maxSegments || characters + size > maxCharacters)) {
      batches.push(current);
      current = [];
      characters = 0;
    }
    current.push(item);
    characters += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

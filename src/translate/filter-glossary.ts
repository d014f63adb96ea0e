import type { GlossaryEntry } from './translator.js';

/**
 * The glossary entries whose source term occurs in one of `texts` (case-insensitive), so a
 * request carries only the terms it needs instead of the whole glossary.
 */
export function filterGlossary(glossary: readonly GlossaryEntry[], texts: readonly string[]): GlossaryEntry[] {
  if (glossary.length === 0) return [];
  const haystack = texts.join('\n').toLowerCase();
  return glossary.filter((entry) => entry.source !== '' && haystack.includes(entry.source.toLowerCase()));
}

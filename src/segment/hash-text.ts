import { createHash } from 'node:crypto';
import type { SourceHash, TranslationHash } from '../model/types.js';

/** Whitespace and Unicode form do not change meaning: re-wrapping a paragraph is not an edit. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

function shortHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** Hash of a segment's normalised source text. */
export function hashSource(text: string): SourceHash {
  return shortHash(normaliseText(text)) as SourceHash;
}

/** Hash of a translation exactly as written (any edit by a person changes it). */
export function hashTranslation(text: string): TranslationHash {
  return shortHash(text.normalize('NFC').trim()) as TranslationHash;
}

/** Hash of a whole file's text. */
export function hashFile(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

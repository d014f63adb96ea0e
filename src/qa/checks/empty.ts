import type { QaFinding, TranslatedPair } from '../qa-types.js';
import { makeFinding } from './make-finding.js';

/** `empty`: the translation is empty or only whitespace. */
export function empty(pair: TranslatedPair): QaFinding[] {
  if (pair.translation.trim() !== '') return [];
  const message = pair.translation === '' ? 'the translation is empty' : 'the translation is only whitespace';
  return [makeFinding('empty', pair, message)];
}

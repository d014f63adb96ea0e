import type { PlacedSentence } from '../inline-pieces.js';
import type { SentenceAlignment } from './align-sentences.js';

/** The sentences of one side of an alignment, each with the index of the bead it belongs to. */
export function placedSentences(alignment: SentenceAlignment | undefined, side: 'source' | 'translation'): PlacedSentence[] {
  if (!alignment) return [];
  const spans = alignment[side];
  return alignment.beads.flatMap((bead, index) =>
    bead[side].flatMap((i) => {
      const span = spans[i];
      return span ? [{ start: span.start, end: span.end, bead: index }] : [];
    }),
  );
}

import { hashSource, hashTranslation } from '../../segment/hash-text.js';
import { charDiff, type DiffPart } from '../char-diff.js';
import { inlinePieces, type InlinePiece } from '../inline-pieces.js';
import type { ReviewFinding, ReviewRow } from '../review-model.js';
import type { SentenceAlignment } from '../sentences/align-sentences.js';
import { placedSentences } from '../sentences/placed-sentences.js';

/** One segment as the review API returns it (`GET /api/segments`, and after a save or an accept). */
export interface ApiSegment {
  id: string;
  kind: string;
  status: string;
  edited: boolean;
  reviewed: boolean;
  origin?: string;
  /** Version of the translation to send back as `base` when saving (hash of the empty text while missing). */
  translationHash: string;
  /** Hash of the current source; send it back as `sourceHash` to refuse a save against a changed source. */
  sourceHash: string;
  source: string;
  translation?: string;
  /** Stale and conflict segments: the source the translation was made from, and the change to the current source. */
  previousSource?: string;
  sourceDiff?: DiffPart[];
  /** Conflict segments: the machine's translation of the new source. */
  suggestion?: string;
  findings: ReviewFinding[];
  /** 1-based line of the translation in the bilingual document. */
  line?: number;
  /** Sentences as offsets into `source` and `translation`, and which correspond. */
  sentences: SentenceAlignment;
  /** The corresponding sentences as text, one entry per link. */
  sentencePairs: Array<{ source: string[]; translation: string[] }>;
  /** Inline Markdown of source and translation as display pieces (what the page renders). */
  pieces: { source: InlinePiece[]; translation: InlinePiece[] };
}

/** A review row as API data. Pure. */
export function segmentJson(row: ReviewRow): ApiSegment {
  const sentences = row.sentences ?? { source: [], translation: [], beads: [] };
  const several = sentences.beads.length > 1;
  const segment: ApiSegment = {
    id: row.id,
    kind: row.kind,
    status: row.status,
    edited: row.edited,
    reviewed: row.reviewed,
    translationHash: hashTranslation(row.translation ?? ''),
    sourceHash: hashSource(row.source),
    source: row.source,
    findings: row.findings,
    sentences,
    sentencePairs: sentences.beads.map((bead) => ({
      source: bead.source.map((i) => slice(row.source, sentences.source[i])),
      translation: bead.translation.map((i) => slice(row.translation ?? '', sentences.translation[i])),
    })),
    pieces: {
      source: inlinePieces(row.source, several ? placedSentences(sentences, 'source') : []),
      translation: row.translation === undefined ? [] : inlinePieces(row.translation, several ? placedSentences(sentences, 'translation') : []),
    },
  };
  if (row.origin !== undefined) segment.origin = row.origin;
  if (row.translation !== undefined) segment.translation = row.translation;
  if (row.previousSource !== undefined && (row.status === 'stale' || row.status === 'conflict')) {
    segment.previousSource = row.previousSource;
    segment.sourceDiff = charDiff(row.previousSource, row.source);
  }
  if (row.suggestion !== undefined) segment.suggestion = row.suggestion;
  if (row.bilingualLine !== undefined) segment.line = row.bilingualLine;
  return segment;
}

function slice(text: string, span: { start: number; end: number } | undefined): string {
  return span ? text.slice(span.start, span.end) : '';
}

import type { SegmentKind, SegmentStatus } from '../model/types.js';
import type { SentenceAlignment } from './sentences/align-sentences.js';

/** One QA finding on a segment: the check that raised it and what it says. */
export interface ReviewFinding {
  check: string;
  message: string;
}

/** One source segment lined up with its translation, as a reviewer sees it. */
export interface ReviewRow {
  id: string;
  kind: SegmentKind;
  status: SegmentStatus;
  /** A person edited the translation. */
  edited: boolean;
  reviewed: boolean;
  /** Current source: inline Markdown, may contain newlines. */
  source: string;
  /** For stale and conflict rows: the source the translation was made from. */
  previousSource?: string;
  /** Absent when the segment is missing. */
  translation?: string;
  /** For conflict rows: the machine's new suggestion beside the person's text. */
  suggestion?: string;
  /** `human`, `pseudo`, `openai:gpt-4o-mini`, ... */
  origin?: string;
  findings: ReviewFinding[];
  /** 1-based line of this segment in the bilingual document: where to edit it. */
  bilingualLine?: number;
  /** 1-based line in the source file. */
  sourceLine?: number;
  /** The sentences of source and translation and which correspond (see `alignReviewRows`). */
  sentences?: SentenceAlignment;
}

/** Everything the review renderers need about one bilingual document; plain data. */
export interface ReviewModel {
  title: string;
  sourcePath: string;
  bilingualPath: string;
  from: string;
  to: string;
  rows: ReviewRow[];
  /** Shown in the page footer, such as `bitext 0.1.0`; the caller supplies it so rendering stays pure. */
  generatedBy: string;
}

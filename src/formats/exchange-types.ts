import type { LanguageCode, SegmentKind, SegmentStatus } from '../model/types.js';

/** A protected span (code, URL, HTML) shown to a translator as an untouchable placeholder. */
export interface Placeholder {
  /** The number of its `⟦n⟧` token. */
  n: number;
  original: string;
}

/** Segment text as text runs and placeholders, in order. */
export type InlineText = (string | Placeholder)[];

/** One segment as exported for a translator's tool. */
export interface ExchangeUnit {
  id: string;
  kind: SegmentKind;
  status: SegmentStatus;
  reviewed: boolean;
  source: InlineText;
  /** The current translation; absent for a missing segment. */
  target?: InlineText;
  /** For stale and conflicting segments: the source the translation was made from (masked). */
  previousSource?: string;
  /** For conflicts: the machine's suggestion against today's source (masked). */
  suggestion?: string;
  /** 1-based line of the segment in the source file. */
  line: number;
}

/** Everything an export file holds: one source document, its languages and its units. */
export interface ExchangeFile {
  /** Source path relative to the project, with `/` separators. */
  sourcePath: string;
  from: LanguageCode;
  to: LanguageCode;
  units: ExchangeUnit[];
  /** When the file was written, as `YYYY-MM-DD HH:MM+ZZZZ` (PO's revision date); formats are pure, so the caller passes it. */
  writtenAt?: string;
}

/** One unit as read back from a file a translator edited; texts carry `⟦n⟧` tokens. */
export interface ImportedUnit {
  id: string;
  source: string;
  /** The originals of the source's placeholders by number, where the format keeps them. */
  sourceOriginals?: Map<number, string>;
  target?: string;
  /** The file says the translation is done (not new, fuzzy or needing review). */
  confirmed: boolean;
  /** 1-based line of the unit in the file, where the parser tells. */
  line?: number;
}

/** An exported file as read back. */
export interface ImportedFile {
  sourcePath: string;
  from: LanguageCode;
  to: LanguageCode;
  units: ImportedUnit[];
}

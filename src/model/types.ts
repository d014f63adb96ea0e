/** Identity of a segment; persists across edits, moves and re-runs (never a position). */
export type SegmentId = string & { readonly __brand: 'SegmentId' };
/** Hash of a segment's normalised source text. */
export type SourceHash = string & { readonly __brand: 'SourceHash' };
/** Hash of a translation exactly as bitext last wrote it (detects a person's edit). */
export type TranslationHash = string & { readonly __brand: 'TranslationHash' };
/** A BCP 47-ish language code such as `zh` or `en`. */
export type LanguageCode = string;

/** What part of the document a segment comes from. */
export type SegmentKind =
  | 'front-matter'
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'quote'
  | 'table-cell'
  | 'footnote';

/** Where a segment's translation stands against the current source. */
export type SegmentStatus = 'current' | 'stale' | 'missing' | 'conflict';

/** Who produced a translation: `human`, or an adapter name with an optional `:model`. */
export type Origin = string;

/** The origin recorded for translations a person typed into the bilingual document. */
export const HUMAN_ORIGIN: Origin = 'human';

/** A part of the segment text that is never sent to a translator (code, URL, HTML, ...). */
export interface ProtectedSpan {
  /** Offset in the segment text. */
  start: number;
  end: number;
  /**
   * For a shortcut or collapsed reference (`[text]`, `[text][]`) whose text is translated, the
   * label must be kept: this is what to append after the link text when it changed.
   */
  labelIfTextChanges?: string;
}

/** How a translation is put back into the source bytes. */
export type RenderSpan =
  | {
      /** Block text: paragraphs, headings, cells. Offsets into the decoded source. */
      type: 'markdown';
      start: number;
      end: number;
      /** The bytes before each continuation line (container markers), line 2 onwards. */
      linePrefixes: string[];
      /** Headings and table cells must stay on one line. */
      singleLine: boolean;
      /** Table cells: a `|` in the translation must be escaped. */
      inTable: boolean;
      /** First line sits at the start of a block, where `- ` or `# ` would change structure. */
      atBlockStart: boolean;
    }
  | {
      /** A YAML scalar in the front matter. Offsets into the decoded source. */
      type: 'yaml-scalar';
      start: number;
      end: number;
      /** Column where a continuation line of the value would be indented to. */
      indent: number;
    };

/** A translatable span of the source document, as found by segmentation. */
export interface SourceSegment {
  kind: SegmentKind;
  /** Front-matter field name, for `front-matter` segments. */
  field?: string;
  /** Inline Markdown of the segment, container prefixes removed, lines joined with `\n`. */
  text: string;
  /** Parts of `text` that are never translated. Sorted, non-overlapping. */
  protectedSpans: ProtectedSpan[];
  hash: SourceHash;
  /** 1-based position in the source file (after a BOM). */
  line: number;
  column: number;
  span: RenderSpan;
}

/** What the bilingual document records for one segment. */
export interface SegmentRecord {
  id: SegmentId;
  kind: SegmentKind;
  /** The source as it stood when the bilingual document was last written. */
  source: string;
  /** Hash of the source the translation was made from. */
  sourceHash: SourceHash;
  /** When the translation was made from an older source than `source`, that older text. */
  translatedFrom?: string;
  translation?: string;
  origin?: Origin;
  /** Hash of `translation` as bitext wrote it; differs when a person edited it. */
  translationHash?: TranslationHash;
  /** A reviewer marked this segment as reviewed with `bitext accept`. */
  reviewed?: boolean;
  /** QA check names a reviewer marked as intended for this segment. */
  allowedFindings?: string[];
  /** Machine suggestion kept beside a person's translation after the source changed. */
  suggestion?: { text: string; origin: Origin; sourceHash: SourceHash };
  /** 1-based lines in the bilingual document (set when parsed from a file). */
  line?: number;
  translationLine?: number;
}

/** The bilingual document: every segment of one source lined up with its translation. */
export interface BilingualDocument {
  /** Source path relative to the project root, with `/` separators. */
  sourcePath: string;
  /** Hash of the whole source file when the document was last written. */
  sourceFileHash: string;
  from: LanguageCode;
  to: LanguageCode;
  segments: SegmentRecord[];
}

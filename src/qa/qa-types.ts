import type { GlossaryEntry } from '../translate/translator.js';

/** The quality checks run on every aligned pair. */
export type QaCheckName =
  | 'inline-structure'
  | 'numbers'
  | 'untranslated'
  | 'empty'
  | 'identical'
  | 'glossary'
  | 'length-ratio'
  | 'brackets'
  | 'whitespace';

/** One source segment and its translation, both inline Markdown. */
export interface QaPair {
  id: string;
  source: string;
  /** Absent while the segment has no translation yet; such pairs are not checked. */
  translation?: string;
  /** 1-based line in the bilingual document, copied onto findings. */
  line?: number;
  /** Check names a reviewer marked as intended for this pair; their findings are dropped. */
  allowedFindings?: string[];
}

/** A pair that has a translation, which is what every check receives. */
export interface TranslatedPair extends QaPair {
  translation: string;
}

/** One problem found in one pair. */
export interface QaFinding {
  check: QaCheckName;
  segmentId: string;
  line?: number;
  /** Says concretely what differs, e.g. `number 30 in the source is missing from the translation; found 40`. */
  message: string;
}

/** What `checkPairs` needs besides the pairs. */
export interface QaOptions {
  glossary?: GlossaryEntry[];
  sourceLanguage: string;
  targetLanguage: string;
}

/** Options plus the document-level statistics some checks compare a pair against. */
export interface QaContext {
  glossary: GlossaryEntry[];
  sourceLanguage: string;
  targetLanguage: string;
  /** Median translation/source length ratio over the document; undefined when no pair qualifies. */
  medianLengthRatio: number | undefined;
}

/** A check: one pair (plus the document context) in, findings out. Pure. */
export type QaCheck = (pair: TranslatedPair, context: QaContext) => QaFinding[];

/** A number found in a text, with where it was and how it was written. */
export interface NumberMention {
  value: number;
  /** The text as written, e.g. `三十`, `30,000`, `thirty-five`. */
  text: string;
  start: number;
  end: number;
  /** `digits` for Arabic digits (possibly with a scale word, `3万`, `1.5 million`); `words` otherwise. */
  form: 'digits' | 'words';
}

import type { GlossaryEntry } from '../../translate/translator.js';
import type { ReviewModel } from '../review-model.js';
import { alignSentences } from './align-sentences.js';

/** The model with each translated row's sentences aligned (source against its current translation). Pure. */
export function alignReviewRows(model: ReviewModel, glossary: readonly GlossaryEntry[]): ReviewModel {
  const options = { sourceLanguage: model.from, targetLanguage: model.to, glossary };
  return {
    ...model,
    rows: model.rows.map((row) => (row.translation === undefined ? row : { ...row, sentences: alignSentences(row.source, row.translation, options) })),
  };
}

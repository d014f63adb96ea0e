import type { ReviewModel, ReviewRow } from '../../src/review/review-model.js';

/** A review row with the usual defaults: a current, unedited paragraph without findings. */
export const row = (fields: Partial<ReviewRow> & Pick<ReviewRow, 'id' | 'source'>): ReviewRow => ({
  kind: 'paragraph',
  status: 'current',
  edited: false,
  reviewed: false,
  findings: [],
  ...fields,
});

/** A review model for the guide used across the review tests. */
export const guideModel = (rows: ReviewRow[], generatedBy = 'bitext 0.1.0'): ReviewModel => ({
  title: '使用指南',
  sourcePath: 'docs/guide.md',
  bilingualPath: 'translations/guide.en.md',
  from: 'zh',
  to: 'en',
  generatedBy,
  rows,
});

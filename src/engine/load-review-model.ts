import { alignReviewRows } from '../review/sentences/align-review-rows.js';
import type { ReviewModel } from '../review/review-model.js';
import type { QaFinding } from '../qa/qa-types.js';
import type { SegmentRecord } from '../model/types.js';
import type { GlossaryEntry } from '../translate/translator.js';
import { findEntry } from './edit-segment.js';
import { loadDocument, type DocumentSettings, type LoadedDocument } from './load-document.js';
import { buildReviewModel, checkDocument } from './review-document.js';

/** Reads a document and builds what a reviewer sees: rows with QA findings and aligned sentences. */
export async function loadReviewModel(sourceFile: string, settings: DocumentSettings, glossary: GlossaryEntry[], generatedBy: string): Promise<{ document: LoadedDocument; model: ReviewModel }> {
  const document = await loadDocument(sourceFile, settings);
  const model = alignReviewRows(buildReviewModel(document, checkDocument(document, glossary), generatedBy), glossary);
  return { document, model };
}

/** The QA findings a draft translation of one segment would get, in the context of its document; writes nothing. */
export async function checkDraft(sourceFile: string, settings: DocumentSettings, glossary: GlossaryEntry[], id: string, draft: string): Promise<QaFinding[]> {
  const document = await loadDocument(sourceFile, settings);
  const entry = findEntry(document, id);
  const record: SegmentRecord = { ...(entry.record ?? { id: entry.id, kind: entry.segment.kind, source: entry.segment.text, sourceHash: entry.segment.hash }), translation: draft };
  const entries = document.state.entries.map((candidate) => (candidate === entry ? { ...entry, status: 'current' as const, record } : candidate));
  return checkDocument({ ...document, state: { ...document.state, entries } }, glossary).filter((finding) => finding.segmentId === id);
}

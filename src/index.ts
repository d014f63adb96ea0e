// The library API: everything the CLI does is available to other tools through these exports.
export type * from './model/types.js';
export { BitextError, InputError, UsageError, LockedError } from './model/errors.js';

export { decodeSource, type DecodedSource } from './parse/decode-source.js';
export { parseMarkdown, type ParseOptions } from './parse/parse-markdown.js';
export { loadSyntax, dialectsFor, usesTexMath, DIALECTS, DIALECT_PRESETS } from './dialect/load-syntax.js';
export { DEFAULT_SYNTAX, type MarkdownSyntax } from './dialect/markdown-syntax.js';
export type { DialectPlugin, DialectName, NodeRule, NodeRole, SlugStyle } from './dialect/dialect-plugin.js';
export { segmentDocument, DEFAULT_FRONT_MATTER_FIELDS, type SegmentOptions } from './segment/segment-document.js';
export { maskProtected, unmaskTranslation, type MaskedText, type MaskToken } from './segment/mask-protected.js';
export { hashSource, hashTranslation, normaliseText } from './segment/hash-text.js';

export { alignSegments } from './align/align-segments.js';
export { buildDocumentState, type DocumentState, type SegmentState } from './plan/document-state.js';
export { planTranslation, type TranslationPlan, type PlannedSegment } from './plan/plan-translation.js';
export { isAlreadyInTarget, COPY_ORIGIN } from './plan/already-in-target.js';
export { nextDocument, type SegmentUpdate } from './plan/next-document.js';

export type { Translator, TranslationRequest, TranslationResponse, TranslatorLimits, TranslatorOptions, GlossaryEntry, RequestSegment } from './translate/translator.js';
export { TranslatorError } from './translate/translator.js';
export { runBatches } from './translate/run-batches.js';
export { loadTranslator } from './translate/load-translator.js';
export { createPseudoTranslator } from './translate/adapters/pseudo.js';
export { validateTranslation } from './translate/validate-translation.js';

export { renderTarget } from './render/render-target.js';
export { rewriteHeadingLinks, unmatchedFragments, type UnmatchedFragment } from './render/rewrite-heading-links.js';
export { renderBilingual } from './bilingual/render-bilingual.js';
export { parseBilingual } from './bilingual/parse-bilingual.js';

export { checkPairs } from './qa/check-pairs.js';
export type { QaFinding, QaPair } from './qa/qa-types.js';
export { renderReviewHtml } from './review/render-review-html.js';
export { splitSentences } from './review/sentences/split-sentences.js';
export { alignSentences } from './review/sentences/align-sentences.js';
export { startReviewServer } from './review/server/review-server.js';

export { renderXliff2, parseXliff2 } from './formats/xliff2.js';
export { renderXliff12, parseXliff12 } from './formats/xliff12.js';
export { renderPo, parsePo } from './formats/po.js';
export { renderTmx, parseTmx } from './formats/tmx.js';
export { pairBlocks } from './engine/pair-blocks.js';
export { editSegment } from './engine/edit-segment.js';
export { acceptSegment } from './engine/accept-segments.js';

export { loadDocument, syntaxFor, type LoadedDocument, type DocumentSettings } from './engine/load-document.js';
export { translateDocument, type TranslateOptions, type TranslateReport } from './engine/translate-document.js';
export { translateSite, type TranslateSiteOptions, type SiteReport } from './engine/translate-site.js';
export { describeStatus } from './engine/describe-status.js';
export { runCli } from './cli/run-cli.js';
export type { CliIo } from './cli/cli-io.js';

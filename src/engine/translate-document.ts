import { dirname } from 'node:path';
import type { Origin, SegmentId, SegmentStatus } from '../model/types.js';
import { translationOrigin } from '../plan/document-state.js';
import type { SegmentUpdate } from '../plan/next-document.js';
import { slugStyleOf } from '../dialect/markdown-syntax.js';
import { unmatchedFragments, type UnmatchedFragment } from '../render/rewrite-heading-links.js';
import { COPY_ORIGIN } from '../plan/already-in-target.js';
import { planTranslation, type PlannedSegment, type TranslationPlan } from '../plan/plan-translation.js';
import { memoryKey, type TranslationMemory } from '../plan/translation-memory.js';
import { maskProtected, unmaskTranslation, type MaskToken } from '../segment/mask-protected.js';
import { acquireLock } from '../store/document-lock.js';
import { mergeIntoMemoryFile, readMemoryFile } from '../store/memory-file.js';
import { displayPath, memoryPath } from '../store/project-paths.js';
import { runBatches, type WorkItem } from '../translate/run-batches.js';
import type { GlossaryEntry, Translator } from '../translate/translator.js';
import { validateTranslation } from '../translate/validate-translation.js';
import { estimatePlan, type PlanEstimate } from './estimate-plan.js';
import { saveBilingual, saveTarget } from './save-document.js';
import { loadDocument, type DocumentSettings, type LoadedDocument } from './load-document.js';
import { silentReporter, type RunReporter } from './run-reporter.js';

/** Options of a `translate` run on one document. */
export interface TranslateOptions extends DocumentSettings {
  translator: Translator;
  glossary: GlossaryEntry[];
  force: boolean;
  dryRun: boolean;
  /** Check what the translator returns (structure, language, length); off with `--no-validate`. */
  validate: boolean;
  concurrency: number;
  timeoutMs: number;
  maxAttempts: number;
  reporter?: RunReporter;
  signal?: AbortSignal;
}

/** What a run did (or, with `dryRun`, would do). */
export interface TranslateReport {
  document: LoadedDocument;
  plan: TranslationPlan;
  estimate: PlanEstimate;
  translated: number;
  reused: number;
  /** Same-document links whose fragment matches no heading (they stay as they are). */
  unmatchedFragments: UnmatchedFragment[];
  /** Segments copied unchanged because they are already in the target language. */
  copied: number;
  failed: { id: string; reason: string }[];
  requests: number;
  usage: { inputTokens: number; outputTokens: number; characters: number };
  /** Why the translator stopped the run early (quota, auth...). */
  stoppedBy?: string;
  statuses: SegmentStatus[];
  wrote: string[];
}

/**
 * Translates what a document is missing: plan, then act. Progress is saved after every batch,
 * so an interrupted run loses at most the batches in flight; a second run continues.
 */
export async function translateDocument(sourceArg: string, options: TranslateOptions): Promise<TranslateReport> {
  const reporter = options.reporter ?? silentReporter;
  const document = await loadDocument(sourceArg, options);
  const memoryFile = memoryPath(dirname(document.paths.bilingual));
  const memoryDisplay = displayPath(memoryFile, options.cwd);
  const memory = await readMemoryFile(memoryFile, memoryDisplay);
  const plan = planTranslation(document.state, memory, { from: options.from, to: options.to, force: options.force });
  const estimate = estimatePlan(plan.send, options.translator.limits, options.from);
  const report: TranslateReport = {
    document, plan, estimate, translated: 0, reused: plan.reuse.length, copied: plan.copy.length, failed: [],
    unmatchedFragments: unmatchedFragments(document.source.text, document.segments, slugStyleOf(document.syntax)), requests: 0,
    usage: { inputTokens: 0, outputTokens: 0, characters: 0 }, statuses: document.state.entries.map((e) => e.status), wrote: [],
  };
  if (options.dryRun) return report;

  const release = await acquireLock(document.paths.bilingual, document.bilingualDisplay);
  try {
    const updates = new Map<SegmentId, SegmentUpdate>();
    const learned: TranslationMemory = new Map();
    const entryById = new Map(document.state.entries.map((e) => [e.id, e]));
    const origin: Origin = options.translator.model ? `${options.translator.name}:${options.translator.model}` : options.translator.name;

    const record = (segment: PlannedSegment | { id: SegmentId; reason: string }, text: string, from: Origin): void => {
      updates.set(segment.id, { type: segment.reason === 'conflict' ? 'suggestion' : 'translation', text, origin: from });
      const entry = entryById.get(segment.id);
      if (entry && segment.reason !== 'conflict') learned.set(memoryKey(options.from, options.to, entry.segment.hash), { source: entry.segment.text, translation: text, origin: from });
    };
    for (const reuse of plan.reuse) record(reuse, reuse.entry.translation, reuse.entry.origin);
    for (const copy of plan.copy) record(copy, copy.text, COPY_ORIGIN);
    // The memory follows the bilingual document, people's edits included.
    for (const entry of document.state.entries) {
      const origin = translationOrigin(entry);
      if (entry.status === 'current' && entry.record?.translation !== undefined && origin !== undefined) {
        learned.set(memoryKey(options.from, options.to, entry.segment.hash), { source: entry.segment.text, translation: entry.record.translation, origin });
      }
    }
    // Translations of removed segments stay in the memory: undoing the edit costs nothing.
    for (const removed of plan.removed) {
      if (removed.translation !== undefined) learned.set(memoryKey(options.from, options.to, removed.sourceHash), { source: removed.translatedFrom ?? removed.source, translation: removed.translation, origin: removed.origin ?? 'human' });
    }

    const persist = async (): Promise<void> => {
      report.statuses = await saveBilingual(document, updates, report.wrote);
      await mergeIntoMemoryFile(memoryFile, memoryDisplay, learned);
      learned.clear();
    };
    await persist();

    // Identical paragraphs are translated once; the result goes to every copy.
    const groups = new Map<string, { item: WorkItem; tokens: MaskToken[]; segments: PlannedSegment[] }>();
    for (const planned of plan.send) {
      const entry = entryById.get(planned.id);
      if (!entry) continue;
      const key = planned.previous ? `${planned.id}` : `${entry.segment.hash}`;
      const existing = groups.get(key);
      if (existing) {
        existing.segments.push(planned);
        continue;
      }
      const masked = maskProtected(entry.segment.text, entry.segment.protectedSpans);
      const item: WorkItem = { id: planned.id, text: masked.wire };
      if (planned.previous) item.previous = { source: maskLike(planned.previous.source, masked.tokens), translation: maskLike(planned.previous.translation, masked.tokens) };
      groups.set(key, { item, tokens: masked.tokens, segments: [planned] });
    }
    const groupById = new Map([...groups.values()].map((g) => [g.item.id, g]));
    const order = document.state.entries.map((e) => e.segment.text);
    const indexById = new Map(document.state.entries.map((e, i) => [e.id as string, i]));

    if (groups.size > 0) {
      const result = await runBatches({
        translator: options.translator,
        items: [...groups.values()].map((g) => g.item),
        source: options.from,
        target: options.to,
        glossary: options.glossary,
        concurrency: options.concurrency,
        timeoutMs: options.timeoutMs,
        maxAttempts: options.maxAttempts,
        context: (ids) => {
          const indices = ids.map((id) => indexById.get(id) ?? 0);
          const first = Math.min(...indices);
          const last = Math.max(...indices);
          return { before: order.slice(Math.max(0, first - 2), first), after: order.slice(last + 1, last + 3) };
        },
        validate: (item, text) => {
          const group = groupById.get(item.id);
          const unmasked = unmaskTranslation(text, group?.tokens ?? []);
          if ('problem' in unmasked) return unmasked.problem;
          return options.validate ? validateTranslation(item.text, text, options.from, options.to) : undefined;
        },
        onBatchDone: async (results) => {
          for (const { id, text } of results) {
            const group = groupById.get(id);
            if (!group) continue;
            const unmasked = unmaskTranslation(text, group.tokens);
            if ('problem' in unmasked) continue;
            for (const planned of group.segments) record(planned, unmasked.text, origin);
            report.translated += group.segments.length;
          }
          await persist();
        },
        onProgress: (p) => reporter.progress(p.done, p.total, p.failed),
        onRetry: (info) => reporter.retry(`retrying in ${(info.delayMs / 1000).toFixed(1)} s (attempt ${info.attempt}): ${info.reason}`),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      report.requests = result.requests;
      report.usage = result.usage;
      for (const failure of result.failed) {
        const group = groupById.get(failure.id);
        for (const planned of group?.segments ?? []) report.failed.push({ id: planned.id, reason: failure.reason });
      }
      if (result.stoppedBy) report.stoppedBy = result.stoppedBy.message;
    }

    // Every batch was saved as it finished; only the translated version is left to write.
    await saveTarget(document, updates, report.wrote);
    return report;
  } finally {
    await release();
  }
}

/** Masks the old source and translation of a stale segment with the new text's tokens, so unchanged code and URLs stay out of the request there too. */
function maskLike(text: string, tokens: readonly MaskToken[]): string {
  let out = text;
  for (const { token, original } of tokens) if (original.length > 0) out = out.split(original).join(token);
  return out;
}

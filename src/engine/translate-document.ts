import type { SegmentStatus } from '../model/types.js';
import type { TranslationPlan } from '../plan/plan-translation.js';
import type { UnmatchedFragment } from '../render/rewrite-heading-links.js';
import type { GlossaryEntry, Translator } from '../translate/translator.js';
import type { PlanEstimate } from './estimate-plan.js';
import type { DocumentSettings, LoadedDocument } from './load-document.js';
import { silentReporter, type RunReporter } from './run-reporter.js';
import { translateSite } from './translate-site.js';

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
  /** Segments copied unchanged because they are already in the target language. */
  copied: number;
  /** Same-document links whose fragment matches no heading (they stay as they are). */
  unmatchedFragments: UnmatchedFragment[];
  failed: { id: string; reason: string }[];
  /** Requests that carried this document's segments (a request may carry several documents). */
  requests: number;
  /** This document's share of the usage of those requests. */
  usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number; characters: number };
  /** Why the translator stopped the run early (quota, auth...). */
  stoppedBy?: string;
  statuses: SegmentStatus[];
  wrote: string[];
}

/**
 * Translates what a document is missing: plan, then act. Finished translations go to the run's
 * journal as they arrive, so an interrupted run loses at most the batches in flight; a second run
 * takes the rest at no cost. One document in one language: `translateSite` does many at once.
 */
export async function translateDocument(sourceArg: string, options: TranslateOptions): Promise<TranslateReport> {
  const reporter = options.reporter ?? silentReporter;
  const { reporter: _unused, to, ...rest } = options;
  const site = await translateSite({
    ...rest,
    files: [sourceArg],
    targets: [to],
    reporter: {
      progress: (languages) => {
        const line = languages[0];
        if (line) reporter.progress(line.segmentsDone, line.segments, line.failed);
      },
      retry: (message) => reporter.retry(message.replace(/^[^:]+: /, '')),
    },
  });
  const failure = site.failures[0];
  if (failure) throw failure.error;
  const report = site.documents[0];
  if (!report) throw new Error(`no report for ${sourceArg}`);
  return report;
}

import pLimit from 'p-limit';
import { BitextError } from '../model/errors.js';
import type { LanguageCode, Origin, SegmentId } from '../model/types.js';
import { translationOrigin, type SegmentState } from '../plan/document-state.js';
import type { SegmentUpdate } from '../plan/next-document.js';
import { COPY_ORIGIN } from '../plan/already-in-target.js';
import { planTranslation, type PlannedSegment } from '../plan/plan-translation.js';
import { slugStyleOf } from '../dialect/markdown-syntax.js';
import { unmatchedFragments } from '../render/rewrite-heading-links.js';
import { memoryKey, type TranslationMemory } from '../plan/translation-memory.js';
import { maskProtected, unmaskTranslation, type MaskToken } from '../segment/mask-protected.js';
import { acquireLock, type ReleaseLock } from '../store/document-lock.js';
import { mergeIntoMemoryFile, readMemoryWithJournals } from '../store/memory-file.js';
import { displayPath, memoryPath } from '../store/project-paths.js';
import { createRunJournal, journalFolder, type JournalEntry } from '../store/run-journal.js';
import { runBatches, type WorkItem } from '../translate/run-batches.js';
import type { GlossaryEntry, TranslationRequest, Translator } from '../translate/translator.js';
import { validateTranslation } from '../translate/validate-translation.js';
import { estimatePlan } from './estimate-plan.js';
import { loadDocument, pathSettings, readSource, type LoadedDocument, type ParsedSource } from './load-document.js';
import { saveBilingual, saveTarget } from './save-document.js';
import type { TranslateOptions, TranslateReport } from './translate-document.js';

/** Progress of one language pair in a run. */
export interface LanguageProgress {
  to: LanguageCode;
  documents: number;
  documentsDone: number;
  segments: number;
  segmentsDone: number;
  failed: number;
}

/** Where a site run reports progress; the CLI prints it. */
export interface SiteReporter {
  progress(languages: readonly LanguageProgress[]): void;
  retry(message: string): void;
}

/** Options of a run over many files and languages. */
export interface TranslateSiteOptions extends Omit<TranslateOptions, 'to' | 'reporter'> {
  files: readonly string[];
  targets: readonly LanguageCode[];
  /** A glossary per target language; a language not in it gets `glossary`. */
  glossaries?: ReadonlyMap<LanguageCode, GlossaryEntry[]>;
  reporter?: SiteReporter;
}

/** What a site run did: one report per document and language, and the files that could not be processed. */
export interface SiteReport {
  documents: TranslateReport[];
  /** Files (or bilingual documents) that could not be read, parsed or locked; the rest went on. */
  failures: { file: string; error: BitextError }[];
  requests: number;
  usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number; characters: number };
}

/** One document in one language pair, on its way through the run. */
interface Job {
  number: number;
  report: TranslateReport;
  updates: Map<SegmentId, SegmentUpdate>;
  entries: Map<SegmentId, SegmentState>;
  groups: Map<string, { item: WorkItem; tokens: MaskToken[]; segments: PlannedSegment[] }>;
  pending: Set<string>;
  finished: boolean;
  release?: ReleaseLock;
}

/**
 * Translates many files into several languages in one run: each source read and parsed once,
 * one request pool (`concurrency` requests in flight across every document and language),
 * batches of one language pair spanning documents, each document saved as its own work
 * finishes. Until then finished translations go to an append-only journal (see `createRunJournal`),
 * folded into the shared memory once at the end. A file that cannot be read or parsed is reported
 * in `failures`; the others go on.
 */
export async function translateSite(options: TranslateSiteOptions): Promise<SiteReport> {
  const site: SiteReport = { documents: [], failures: [], requests: 0, usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, characters: 0 } };
  const fail = (file: string, error: unknown): void => {
    if (!(error instanceof BitextError)) throw error;
    site.failures.push({ file, error });
  };

  // Reading and paths do not depend on the target language.
  const base = { ...options, to: options.targets[0] ?? options.from };
  // Files are read, loaded and locked a few at a time; results are taken in file order.
  const disk = pLimit(16);
  const attempt = <T>(task: () => Promise<T>): Promise<T | { error: unknown }> => disk(() => task().catch((error: unknown) => ({ error })));
  const isError = (value: object): value is { error: unknown } => 'error' in value;
  const parsed: ParsedSource[] = [];
  const reads = await Promise.all(options.files.map((file) => attempt(() => readSource(file, base))));
  for (const [index, read] of reads.entries()) {
    if (isError(read)) fail(options.files[index] ?? '', read.error);
    else parsed.push(read);
  }
  const outDir = pathSettings(base, options.cwd).outDir;
  const memoryFile = memoryPath(outDir);
  const memoryDisplay = displayPath(memoryFile, options.cwd);
  // Journals left by runs killed before their end count as memory: their work is not paid twice.
  const { memory } = await readMemoryWithJournals(memoryFile, memoryDisplay);

  const jobsByLanguage = new Map<LanguageCode, Job[]>();
  let number = 0;
  const pairs = parsed.flatMap((source) => options.targets.map((to) => ({ source, to })));
  const loaded = await Promise.all(pairs.map(({ source, to }) => attempt(() => loadDocument(source.sourceDisplay, { ...options, to }, source))));
  for (const [index, { source, to }] of pairs.entries()) {
    const document = loaded[index] as LoadedDocument | { error: unknown };
    if (isError(document)) {
      fail(source.sourceDisplay, document.error);
      continue;
    }
    const plan = planTranslation(document.state, memory, { from: options.from, to, force: options.force });
    const report: TranslateReport = {
      document, plan, estimate: estimatePlan(plan.send, options.translator.limits, options.from), translated: 0, reused: plan.reuse.length,
      copied: plan.copy.length, unmatchedFragments: unmatchedFragments(document.source.text, document.segments, slugStyleOf(document.syntax)),
      failed: [], requests: 0, usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, characters: 0 }, statuses: document.state.entries.map((e) => e.status), wrote: [],
    };
    site.documents.push(report);
    const job: Job = { number: number++, report, entries: new Map(document.state.entries.map((e) => [e.id, e])), updates: new Map(), groups: new Map(), pending: new Set(), finished: false };
    const list = jobsByLanguage.get(to) ?? [];
    list.push(job);
    jobsByLanguage.set(to, list);
  }
  if (options.dryRun) return site;

  const origin: Origin = options.translator.model ? `${options.translator.name}:${options.translator.model}` : options.translator.name;
  const learned: TranslationMemory = new Map();
  const allJobs = [...jobsByLanguage.values()].flat();

  // One writer for the whole run: finished translations appended to the run's journal (one
  // flush for whatever arrived meanwhile), documents saved in parallel once their work is done.
  // Whole files are written once per document and the memory once per run, not once per batch.
  const journal = createRunJournal(journalFolder(outDir), displayPath(journalFolder(outDir), options.cwd));
  const journaled: JournalEntry[] = [];
  const done = new Set<Job>();
  let writing: Promise<void> | undefined;
  let writeError: { error: unknown } | undefined;
  const save = (): Promise<void> => {
    // Started on a later tick, so that `writing` is set before the loop can end and clear it.
    writing ??= Promise.resolve().then(async () => {
      try {
        while (journaled.length > 0 || done.size > 0) {
          const lines = journaled.splice(0);
          const finishing = [...done];
          done.clear();
          // A journal that cannot be written stops the run (see onBatchDone), but the documents
          // still get what they finished: they, not the journal, are the record.
          await journal.append(lines).catch((error: unknown) => {
            writeError ??= { error };
          });
          await Promise.all(finishing.map(async (job) => {
            job.report.statuses = await saveBilingual(job.report.document, job.updates, job.report.wrote);
          }));
          await Promise.all(finishing.map(async (job) => {
            await saveTarget(job.report.document, job.updates, job.report.wrote);
            await job.release?.();
            delete job.release;
          }));
        }
      } finally {
        writing = undefined;
      }
    });
    return writing;
  };
  const saveInBackground = (): void => {
    save().catch((error: unknown) => {
      writeError ??= { error };
    });
  };
  const finish = (job: Job): void => {
    if (job.finished) return;
    job.finished = true;
    done.add(job);
  };

  try {
    const locks = await Promise.all(allJobs.map((job) => attempt(() => acquireLock(job.report.document.paths.bilingual, job.report.document.bilingualDisplay))));
    for (const [index, job] of allJobs.entries()) {
      const lock = locks[index] as ReleaseLock | { error: unknown };
      if (typeof lock === 'function') {
        job.release = lock;
      } else {
        fail(job.report.document.sourceDisplay, lock.error);
        job.finished = true;
        site.documents.splice(site.documents.indexOf(job.report), 1);
        continue;
      }
      prepare(job, options.from, job.report.document.header.to, origin, learned, jobsByLanguage.get(job.report.document.header.to)?.length ?? 1);
      // A document with nothing to send is saved before any request; the others when their work ends.
      if (job.pending.size === 0) finish(job);
    }
    await save();

    const limit = pLimit(Math.max(1, Math.floor(options.concurrency)));
    const progress: LanguageProgress[] = [...jobsByLanguage].map(([to, jobs]) => ({
      to, documents: jobs.length, documentsDone: jobs.filter((j) => j.finished).length,
      segments: jobs.reduce((n, j) => n + j.groups.size, 0), segmentsDone: 0, failed: 0,
    }));
    const reportProgress = (): void => options.reporter?.progress(progress);
    reportProgress();

    await Promise.all(
      [...jobsByLanguage].map(async ([to, all], languageIndex) => {
        const jobs = all.filter((j) => !j.finished && j.release);
        const line = progress[languageIndex] as LanguageProgress;
        const owner = new Map<string, Job>();
        for (const job of jobs) for (const id of job.groups.keys()) owner.set(id, job);
        if (owner.size === 0) return;
        const settle = (ids: readonly string[]): void => {
          for (const id of ids) {
            const job = owner.get(id);
            if (!job || !job.pending.delete(id)) continue;
            if (job.pending.size === 0) {
              line.documentsDone += 1;
              finish(job);
            }
          }
        };
        const translator = countingTranslator(options.translator, owner);
        const result = await runBatches({
          translator,
          items: jobs.flatMap((job) => [...job.groups.values()].map((g) => g.item)),
          source: options.from,
          target: to,
          glossary: options.glossaries?.get(to) ?? options.glossary,
          concurrency: options.concurrency,
          limit,
          timeoutMs: options.timeoutMs,
          maxAttempts: options.maxAttempts,
          validate: (item, text) => {
            const group = owner.get(item.id)?.groups.get(item.id);
            const unmasked = unmaskTranslation(text, group?.tokens ?? []);
            if ('problem' in unmasked) return unmasked.problem;
            return options.validate ? validateTranslation(item.text, text, options.from, to) : undefined;
          },
          // Marks the work and returns at once: the writer appends whatever arrived meanwhile to
          // the journal in one flush, so a request slot never waits on the disk.
          onBatchDone: async (results) => {
            if (writeError) throw writeError.error;
            for (const { id, text } of results) {
              const job = owner.get(id);
              const group = job?.groups.get(id);
              if (!job || !group) continue;
              const unmasked = unmaskTranslation(text, group.tokens);
              if ('problem' in unmasked) continue;
              for (const planned of group.segments) {
                // A suggestion stays out of the memory, but not out of the journal: a crash must not lose it either.
                const line = record(job, planned, unmasked.text, origin, learned, options.from, to);
                if (line) journaled.push(line);
              }
              job.report.translated += group.segments.length;
            }
            line.segmentsDone += results.length;
            settle(results.map((r) => r.id));
            reportProgress();
            saveInBackground();
          },
          onFailed: (failures) => {
            line.failed += failures.length;
            for (const failure of failures) {
              const job = owner.get(failure.id);
              for (const planned of job?.groups.get(failure.id)?.segments ?? []) job?.report.failed.push({ id: planned.id, reason: failure.reason });
            }
            settle(failures.map((f) => f.id));
            reportProgress();
            saveInBackground();
          },
          onRetry: (info) => options.reporter?.retry(`${to}: retrying in ${(info.delayMs / 1000).toFixed(1)} s (attempt ${info.attempt}): ${info.reason}`),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        site.requests += result.requests;
        for (const key of ['inputTokens', 'outputTokens', 'cachedInputTokens', 'characters'] as const) site.usage[key] += result.usage[key];
        if (result.stoppedBy) for (const job of jobs) job.report.stoppedBy = result.stoppedBy.message;
      }),
    );
  } finally {
    // Whatever happened, every document gets its translated version and its lock back, and the
    // memory this run's work (with dead runs' journals folded in). The journal goes only once
    // all of that is on disk; if anything failed, it stays for the next run to fold.
    for (const job of allJobs) if (job.release) finish(job);
    await save().catch((error: unknown) => {
      writeError ??= { error };
    });
    await mergeIntoMemoryFile(memoryFile, memoryDisplay, learned, { foldDeadJournals: { except: journal.path } }).catch((error: unknown) => {
      writeError ??= { error };
    });
    await (writeError ? journal.close() : journal.remove()).catch((error: unknown) => {
      writeError ??= { error };
    });
  }
  if (writeError) throw writeError.error;
  return site;
}

/** Records the reused translations and the memory of a job, and builds its work items. */
function prepare(job: Job, from: LanguageCode, to: LanguageCode, origin: Origin, learned: TranslationMemory, jobsInPair: number): void {
  const { document, plan } = job.report;
  const entryById = job.entries;
  for (const reuse of plan.reuse) record(job, reuse, reuse.entry.translation, reuse.entry.origin, learned, from, to);
  for (const copy of plan.copy) record(job, copy, copy.text, COPY_ORIGIN, learned, from, to);
  // The memory follows the bilingual document, people's edits included.
  for (const entry of document.state.entries) {
    const entryOrigin = translationOrigin(entry);
    if (entry.status === 'current' && entry.record?.translation !== undefined && entryOrigin !== undefined) {
      learned.set(memoryKey(from, to, entry.segment.hash), { source: entry.segment.text, translation: entry.record.translation, origin: entryOrigin });
    }
  }
  // Translations of removed segments stay in the memory: undoing the edit costs nothing.
  for (const removed of plan.removed) {
    if (removed.translation !== undefined) learned.set(memoryKey(from, to, removed.sourceHash), { source: removed.translatedFrom ?? removed.source, translation: removed.translation, origin: removed.origin ?? 'human' });
  }

  const order = document.state.entries.map((e) => e.segment.text);
  const indexById = new Map(document.state.entries.map((e, i) => [e.id as string, i]));
  // Ids must be unique in a request that spans documents: `d3.sb0a27da5`.
  const prefix = jobsInPair > 1 ? `d${job.number}.` : '';
  const byHash = new Map<string, string>();
  for (const planned of plan.send) {
    const entry = entryById.get(planned.id);
    if (!entry) continue;
    // Identical paragraphs are translated once; the result goes to every copy.
    const shared = planned.previous ? undefined : byHash.get(entry.segment.hash);
    const existing = shared !== undefined ? job.groups.get(shared) : undefined;
    if (existing) {
      existing.segments.push(planned);
      continue;
    }
    const masked = maskProtected(entry.segment.text, entry.segment.protectedSpans);
    const position = indexById.get(planned.id) ?? 0;
    const item: WorkItem = {
      id: `${prefix}${planned.id}`, text: masked.wire, document: String(job.number), position,
      context: { before: order.slice(Math.max(0, position - 1), position), after: order.slice(position + 1, position + 2) },
    };
    if (planned.previous) item.previous = { source: maskLike(planned.previous.source, masked.tokens), translation: maskLike(planned.previous.translation, masked.tokens) };
    job.groups.set(item.id, { item, tokens: masked.tokens, segments: [planned] });
    job.pending.add(item.id);
    if (!planned.previous) byHash.set(entry.segment.hash, item.id);
  }
}

/**
 * Applies one translation to a job, and to the memory unless it is a suggestion beside a person's
 * text. Returns it as a journal line (suggestions flagged), or undefined for an unknown segment.
 */
function record(job: Job, segment: PlannedSegment | { id: SegmentId; reason: string }, text: string, from: Origin, learned: TranslationMemory, source: LanguageCode, to: LanguageCode): JournalEntry | undefined {
  job.updates.set(segment.id, { type: segment.reason === 'conflict' ? 'suggestion' : 'translation', text, origin: from });
  const entry = job.entries.get(segment.id);
  if (!entry) return undefined;
  const line: JournalEntry = { key: memoryKey(source, to, entry.segment.hash), source: entry.segment.text, translation: text, origin: from };
  if (segment.reason === 'conflict') line.suggestion = true;
  else learned.set(line.key, { source: line.source, translation: text, origin: from });
  return line;
}

/** Counts, per document, the requests that carried its segments and its share of the usage. */
function countingTranslator(translator: Translator, owner: ReadonlyMap<string, Job>): Translator {
  return {
    name: translator.name,
    ...(translator.model !== undefined ? { model: translator.model } : {}),
    limits: translator.limits,
    async translate(request: TranslationRequest) {
      const shares = new Map<Job, number>();
      let total = 0;
      for (const segment of request.segments) {
        const job = owner.get(segment.id);
        if (!job) continue;
        shares.set(job, (shares.get(job) ?? 0) + segment.text.length);
        total += segment.text.length;
      }
      for (const job of shares.keys()) job.report.requests += 1;
      const response = await translator.translate(request);
      const usage = response?.usage;
      if (usage && total > 0) {
        for (const [job, share] of shares) {
          for (const key of ['inputTokens', 'outputTokens', 'cachedInputTokens', 'characters'] as const) {
            const value = usage[key];
            if (typeof value === 'number' && Number.isFinite(value)) job.report.usage[key] += Math.round((value * share) / total);
          }
        }
      }
      return response;
    },
  };
}

/** Masks the old source and translation of a stale segment with the new text's tokens, so unchanged code and URLs stay out of the request there too. */
function maskLike(text: string, tokens: readonly MaskToken[]): string {
  let out = text;
  for (const { token, original } of tokens) if (original.length > 0) out = out.split(original).join(token);
  return out;
}

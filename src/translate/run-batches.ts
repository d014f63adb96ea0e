import pLimit, { type LimitFunction } from 'p-limit';
import { abortableSleep } from './abortable-sleep.js';
import { backoffDelay, capRetryAfter } from './backoff.js';
import { filterGlossary } from './filter-glossary.js';
import { makeBatches } from './make-batches.js';
import { timeoutSignal } from './timeout-signal.js';
import { toTranslatorError } from './to-translator-error.js';
import {
  TranslatorError,
  type GlossaryEntry,
  type RequestSegment,
  type TranslationRequest,
  type TranslationResponse,
  type Translator,
  type TranslatorErrorKind,
} from './translator.js';

/** One segment to translate, as the engine hands it to the core. */
export interface WorkItem {
  id: string;
  text: string;
  previous?: { source: string; translation: string };
  /** This segment's own neighbouring source paragraphs, read-only (batches may span documents). */
  context?: { before: string[]; after: string[] };
  /** Which document and where in it: neighbours in the same request need no context repeated. */
  document?: string;
  position?: number;
}

/** Counters reported after every request, for a progress bar. */
export interface BatchProgress {
  done: number;
  total: number;
  failed: number;
  requests: number;
}

/** Everything `runBatches` needs; I/O (persisting, progress) is the engine's, through callbacks. */
export interface RunBatchesOptions {
  translator: Translator;
  items: WorkItem[];
  source: string;
  target: string;
  /** Full glossary; each request gets only the entries whose source term occurs in its texts. */
  glossary: GlossaryEntry[];
  /**
   * Read-only neighbouring source text for the segments of one request. Default: the context of
   * the request's first and last items.
   */
  context?: (ids: string[]) => { before: string[]; after: string[] };
  /** Requests in flight at once (at least 1). */
  concurrency: number;
  /** A request pool shared with other runs, so `concurrency` holds across languages; overrides `concurrency`. */
  limit?: LimitFunction;
  /** Per-request time limit; past it the request is aborted and counts as a `timeout`. */
  timeoutMs: number;
  /** Attempts per segment, the first included. */
  maxAttempts: number;
  /** Returns a problem message for an unacceptable translation; absent = accept anything non-empty. */
  validate?: (item: WorkItem, text: string) => string | undefined;
  /**
   * Persists one request's good translations; never called twice at once, and never holding a
   * request slot: the next request does not wait for the disk. Awaited before the run returns.
   */
  onBatchDone: (results: { id: string; text: string }[]) => Promise<void>;
  /** Items that failed for good (out of attempts, stopped, cancelled). */
  onFailed?: (failures: { id: string; reason: string }[]) => void;
  onProgress?: (p: BatchProgress) => void;
  /** Called before each retry; `attempt` is the attempt about to be made (2 for the first retry). */
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
  /** Ctrl-C: in-flight requests are aborted and the remaining items reported as failed. */
  signal?: AbortSignal;
  /** Injectable for tests; must resolve early when `signal` aborts. Default: a timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable jitter source, in [0, 1). Default: `Math.random`. */
  random?: () => number;
}

/** What a run achieved; items are either in `translated` or in `failed`, never both. */
export interface RunBatchesResult {
  translated: Map<string, string>;
  failed: { id: string; reason: string }[];
  requests: number;
  /** Summed over every request; `cachedInputTokens` is the part of `inputTokens` read from a prompt cache. */
  usage: { inputTokens: number; outputTokens: number; cachedInputTokens: number; characters: number };
  /** Set when a quota/auth/bad-request error stopped the run. */
  stoppedBy?: TranslatorError;
}

/** A work item on its way through the core, with what happened to it so far. */
interface Pending {
  item: WorkItem;
  attempts: number;
}

const RETRY_KINDS: ReadonlySet<TranslatorErrorKind> = new Set([
  'rate-limit', 'overloaded', 'server', 'network', 'timeout', 'bad-response',
]);
const SPLIT_KINDS: ReadonlySet<TranslatorErrorKind> = new Set(['context-length', 'truncated']);

/**
 * Translates `items` with any adapter: batches within its limits, runs batches concurrently,
 * retries, splits, re-asks what came back wrong, and hands good translations to `onBatchDone`
 * as soon as each request finishes, so an interrupted run keeps its progress.
 */
export async function runBatches(options: RunBatchesOptions): Promise<RunBatchesResult> {
  const { translator, items, validate } = options;
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts));
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;

  const translated = new Map<string, string>();
  const failed = new Map<string, string>();
  const usage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, characters: 0 };
  let requests = 0;
  let stoppedBy: TranslatorError | undefined;
  // An engine failure (persisting, context) ends the run; it is rethrown once all tasks settle.
  let fatal: { error: unknown } | undefined;

  // Aborted when the run must stop (quota, auth, engine failure) or the caller cancels, so that
  // tasks sleeping in a backoff wake up instead of waiting out a minute-long pause. Requests in
  // flight are not aborted by a stop, only by the caller: they may still bring back good work.
  const halt = new AbortController();
  const onCallerAbort = (): void => halt.abort();
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  if (options.signal?.aborted) halt.abort();

  const report = (): void => {
    options.onProgress?.({ done: translated.size, total: items.length, failed: failed.size, requests });
  };
  const fail = (group: readonly Pending[], reason: string): void => {
    const now: { id: string; reason: string }[] = [];
    for (const p of group) {
      if (translated.has(p.item.id) || failed.has(p.item.id)) continue;
      failed.set(p.item.id, reason);
      now.push({ id: p.item.id, reason });
    }
    if (now.length > 0) options.onFailed?.(now);
  };
  const haltReason = (): string | undefined => {
    if (options.signal?.aborted) return 'cancelled';
    if (stoppedBy) return `the run stopped after ${stoppedBy.kind}: ${stoppedBy.message}`;
    if (fatal) return 'the run stopped after an error';
    return undefined;
  };

  // onBatchDone calls are chained so the engine never writes two batches at once, and run
  // outside the request slots: a slow disk never delays the next request.
  let persistChain: Promise<void> = Promise.resolve();
  const persist = (results: { id: string; text: string }[]): void => {
    persistChain = persistChain.then(async () => {
      if (fatal) return;
      try {
        await options.onBatchDone(results);
      } catch (error) {
        fatal ??= { error };
        halt.abort();
      }
    });
  };

  /** One request for `group`: the reply, or why there is none. */
  const send = async (group: readonly Pending[]): Promise<TranslationResponse | TranslatorError> => {
    const ids = group.map((p) => p.item.id);
    const texts = group.map((p) => p.item.text);
    const places = new Set(group.flatMap((p) => (p.item.position !== undefined ? [place(p.item.document, p.item.position)] : [])));
    const timer = timeoutSignal(options.timeoutMs, [options.signal]);
    const request: TranslationRequest = {
      source: options.source,
      target: options.target,
      segments: group.map((p) => toSegment(p.item, places)),
      context: options.context ? options.context(ids) : { before: group[0]?.item.context?.before ?? [], after: group[group.length - 1]?.item.context?.after ?? [] },
      glossary: filterGlossary(options.glossary, texts),
      ...(options.glossary.length > 0 ? { fullGlossary: options.glossary } : {}),
      signal: timer.signal,
    };
    requests += 1;
    try {
      const response = await raceAbort(() => translator.translate(request), timer.signal);
      addUsage(usage, response);
      return response;
    } catch (error) {
      if (timer.timedOut()) {
        return new TranslatorError(`no answer within ${options.timeoutMs} ms`, { kind: 'timeout', cause: error });
      }
      return toTranslatorError(error);
    } finally {
      timer.dispose();
    }
  };

  /** Drives one group to the end: every item ends up translated or failed. */
  const drive = async (group: Pending[]): Promise<void> => {
    let pending = group;
    while (pending.length > 0) {
      const halted = haltReason();
      if (halted) {
        fail(pending, halted);
        return;
      }
      const outcome = await send(pending);
      if (outcome instanceof TranslatorError) {
        const reason = `${outcome.kind}: ${outcome.message}`;
        const cancelled = haltReason();
        if (cancelled) {
          fail(pending, cancelled);
        } else if (SPLIT_KINDS.has(outcome.kind)) {
          report();
          if (pending.length === 1) {
            fail(pending, reason);
          } else {
            // Halves run one after the other: this task already holds a concurrency slot.
            const middle = Math.ceil(pending.length / 2);
            await drive(pending.slice(0, middle));
            await drive(pending.slice(middle));
          }
          return;
        } else if (RETRY_KINDS.has(outcome.kind)) {
          pending = countAttempt(pending, reason);
          report();
          if (pending.length > 0) await pause(pending, reason, outcome.retryAfterMs);
          continue;
        } else {
          // quota, auth, bad-request: no request could succeed, so nothing more is sent.
          stoppedBy ??= outcome;
          halt.abort();
          fail(pending, reason);
        }
        report();
        return;
      }

      const { good, bad } = checkReply(pending, outcome, validate);
      for (const result of good) translated.set(result.id, result.text);
      if (good.length > 0 && !fatal) persist(good);
      // Only what came back wrong is asked again, without the rest, each with its own attempt
      // count. No pause: the service answered fine, the answer was just incomplete.
      const retry: Pending[] = [];
      for (const { pending: p, reason } of bad) retry.push(...countAttempt([p], reason));
      report();
      const first = bad[0];
      if (retry.length > 0 && first) {
        options.onRetry?.({ attempt: nextAttempt(retry), delayMs: 0, reason: first.reason });
      }
      pending = retry;
    }
  };

  /** Counts one more attempt for each item; those out of attempts fail with `reason`. */
  const countAttempt = (group: readonly Pending[], reason: string): Pending[] => {
    const rest: Pending[] = [];
    for (const p of group) {
      p.attempts += 1;
      if (p.attempts >= maxAttempts) fail([p], reason);
      else rest.push(p);
    }
    return rest;
  };

  const pause = async (group: readonly Pending[], reason: string, retryAfterMs: number | undefined): Promise<void> => {
    const attempt = nextAttempt(group);
    const asked = capRetryAfter(retryAfterMs);
    const delayMs = backoffDelay(attempt - 1, { random, ...(asked.retryAfterMs !== undefined ? { retryAfterMs: asked.retryAfterMs } : {}) });
    options.onRetry?.({ attempt, delayMs, reason: asked.note ? `${reason} (${asked.note})` : reason });
    try {
      await sleep(delayMs, halt.signal);
    } catch {
      // A test sleep may reject on abort; the loop checks why anyway.
    }
  };

  const limit = options.limit ?? pLimit(Math.max(1, Math.floor(options.concurrency)));
  const batches = makeBatches(items, translator.limits);
  report();
  try {
    await Promise.all(
      batches.map((batch) =>
        limit(async () => {
          try {
            await drive(batch.map((item) => ({ item, attempts: 0 })));
          } catch (error) {
            // A throwing `context` callback or similar: an engine bug, not a translator error.
            fatal ??= { error };
            halt.abort();
            fail(batch.map((item) => ({ item, attempts: 0 })), 'the run stopped after an error');
          }
        }),
      ),
    );
    await persistChain;
  } finally {
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
  if (fatal) throw fatal.error;
  report();

  // Item order, not completion order, so results are deterministic whatever the concurrency.
  const orderedTranslated = new Map<string, string>();
  const orderedFailed: { id: string; reason: string }[] = [];
  for (const item of items) {
    const text = translated.get(item.id);
    if (text !== undefined) orderedTranslated.set(item.id, text);
    const reason = failed.get(item.id);
    if (reason !== undefined && text === undefined) orderedFailed.push({ id: item.id, reason });
  }
  return {
    translated: orderedTranslated,
    failed: orderedFailed,
    requests,
    usage,
    ...(stoppedBy ? { stoppedBy } : {}),
  };
}

/**
 * The segment as sent, with its own context; a neighbour that is itself in the request (wherever
 * it sits in it) is not repeated as context, so a batch of consecutive paragraphs costs no more.
 */
function toSegment(item: WorkItem, places: ReadonlySet<string>): RequestSegment {
  const segment: RequestSegment = { id: item.id, text: item.text };
  if (item.previous) segment.previous = item.previous;
  if (item.context) {
    const sent = (step: number): boolean => item.position !== undefined && places.has(place(item.document, item.position + step));
    const context = { before: sent(-1) ? [] : item.context.before, after: sent(1) ? [] : item.context.after };
    if (context.before.length > 0 || context.after.length > 0) segment.context = context;
  }
  return segment;
}

function place(document: string | undefined, position: number): string {
  return `${document ?? ''}\u0000${position}`;
}

function nextAttempt(group: readonly Pending[]): number {
  return Math.max(...group.map((p) => p.attempts)) + 1;
}

/**
 * Runs `call` but settles as soon as `signal` aborts, so an adapter that ignores the signal
 * (a user module, a hung child process) still cannot outlive its timeout.
 */
function raceAbort<T>(call: () => Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve()
      .then(call)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function addUsage(total: RunBatchesResult['usage'], response: TranslationResponse | undefined): void {
  const u = response?.usage;
  if (!u) return;
  total.inputTokens += finite(u.inputTokens);
  total.outputTokens += finite(u.outputTokens);
  total.cachedInputTokens += finite(u.cachedInputTokens);
  total.characters += finite(u.characters);
}

function finite(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * Splits a reply into good translations and items to ask again. Ids must match exactly;
 * unknown ids are ignored (a model sometimes invents or echoes context), the first of
 * duplicated ids wins.
 */
function checkReply(
  group: readonly Pending[],
  response: TranslationResponse,
  validate: RunBatchesOptions['validate'],
): { good: { id: string; text: string }[]; bad: { pending: Pending; reason: string }[] } {
  const byId = new Map<string, string>();
  const list: unknown = response?.translations;
  if (Array.isArray(list)) {
    for (const entry of list as unknown[]) {
      if (typeof entry !== 'object' || entry === null) continue;
      const { id, text } = entry as { id?: unknown; text?: unknown };
      if (typeof id === 'string' && typeof text === 'string' && !byId.has(id)) byId.set(id, text);
    }
  }
  const good: { id: string; text: string }[] = [];
  const bad: { pending: Pending; reason: string }[] = [];
  for (const p of group) {
    const text = byId.get(p.item.id);
    let problem: string | undefined;
    if (text === undefined) problem = 'bad-response: missing from the reply';
    else if (text.trim() === '') problem = 'bad-response: empty translation';
    else problem = validate?.(p.item, text);
    if (problem === undefined && text !== undefined) good.push({ id: p.item.id, text });
    else bad.push({ pending: p, reason: problem ?? 'rejected' });
  }
  return { good, bad };
}

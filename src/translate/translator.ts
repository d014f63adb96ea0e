import type { LanguageCode } from '../model/types.js';

/** One glossary entry: how a source term must be translated. */
export interface GlossaryEntry {
  source: string;
  target: string;
  /** Other accepted forms of the target term (plural, verb forms, ...). */
  variants?: string[];
  note?: string;
}

/** A segment as a translator sees it. Protected parts appear as `⟦n⟧` tokens to keep as they are. */
export interface RequestSegment {
  id: string;
  text: string;
  /**
   * For a segment whose source changed: the old source and its translation, so an LLM can make
   * the smallest edit instead of translating afresh. Adapters that cannot use it ignore it.
   */
  previous?: { source: string; translation: string };
  /**
   * This segment's neighbouring source paragraphs, read-only, when they are not in the request
   * themselves (a request may hold segments of several documents).
   */
  context?: { before: string[]; after: string[] };
}

/** What the core sends to an adapter: one batch. */
export interface TranslationRequest {
  source: LanguageCode;
  target: LanguageCode;
  segments: RequestSegment[];
  /** Neighbouring source text of the batch as a whole (before its first, after its last segment), read-only. */
  context: { before: string[]; after: string[] };
  /** Only the glossary entries whose source term occurs in this batch. */
  glossary: GlossaryEntry[];
  /**
   * The whole glossary of the run, the same for every request: an adapter may send it once in a
   * cached prompt prefix instead of `glossary` (absent = use `glossary`).
   */
  fullGlossary?: GlossaryEntry[];
  /** Aborted on timeout or Ctrl-C; pass it to `fetch` or the SDK. */
  signal: AbortSignal;
}

/** What an adapter returns; ids must match the request exactly (the core checks). */
export interface TranslationResponse {
  translations: { id: string; text: string }[];
  /**
   * What the request cost. `inputTokens` counts the whole prompt; `cachedInputTokens` is the part
   * of it the provider read from its prompt cache (billed at a discount).
   */
  usage?: { inputTokens?: number; outputTokens?: number; cachedInputTokens?: number; characters?: number };
}

/** Per-request limits the core batches within. */
export interface TranslatorLimits {
  maxSegmentsPerRequest: number;
  maxCharactersPerRequest: number;
}

/**
 * The adapter interface. An adapter only speaks its service's protocol: batching, retries,
 * concurrency, validation and caching are done once, by the core.
 */
export interface Translator {
  /** Short name recorded as the origin of its translations, e.g. `openai`. */
  readonly name: string;
  /** Model or variant, recorded as `name:model` in the origin. */
  readonly model?: string;
  readonly limits: TranslatorLimits;
  translate(request: TranslationRequest): Promise<TranslationResponse>;
}

/** What went wrong in a translator call; decides what the core does next. */
export type TranslatorErrorKind =
  | 'rate-limit' // retry after a pause (honours retryAfterMs)
  | 'overloaded' // retry after a pause
  | 'server' // 5xx: retry
  | 'network' // connection failed: retry
  | 'timeout' // no answer in time: retry
  | 'bad-response' // unparseable or malformed reply: re-ask
  | 'context-length' // batch too large for the model: split it
  | 'truncated' // output cut off: split the batch
  | 'quota' // quota exhausted: stop, do not retry
  | 'auth' // key missing or rejected: stop
  | 'bad-request'; // the service rejected the request: stop

/** An error an adapter throws; the core maps `kind` to retry, split or stop. */
export class TranslatorError extends Error {
  override name = 'TranslatorError';
  readonly kind: TranslatorErrorKind;
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;

  constructor(
    message: string,
    options: { kind: TranslatorErrorKind; retryAfterMs?: number; status?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.kind = options.kind;
    this.retryAfterMs = options.retryAfterMs;
    this.status = options.status;
  }
}

/** Options every adapter factory receives (from flags, config and environment). */
export interface TranslatorOptions {
  model?: string;
  /** Environment to read keys from (never logged). */
  env: Record<string, string | undefined>;
  /** Adapter-specific settings from `bitext.config.json` (`translatorOptions`). */
  settings: Record<string, unknown>;
  /** Working directory, for adapters that run programs or read files. */
  cwd: string;
}

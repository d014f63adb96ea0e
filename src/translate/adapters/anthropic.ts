import type Anthropic from '@anthropic-ai/sdk';
import { buildLlmPrompt } from '../llm-prompt.js';
import { parseJsonReply } from '../parse-json-reply.js';
import { choiceSetting, positiveIntegerSetting, requireKey, stringSetting } from '../read-settings.js';
import { redactSecrets } from '../redact-secrets.js';
import { parseRetryAfter } from '../retry-after.js';
import {
  TranslatorError,
  type TranslationRequest,
  type TranslationResponse,
  type Translator,
  type TranslatorOptions,
} from '../translator.js';

type AnthropicSdk = typeof import('@anthropic-ai/sdk');
type CreateParams = Anthropic.Messages.MessageCreateParamsNonStreaming;

const DEFAULT_MODEL = 'claude-sonnet-4-6';
const DEFAULT_BASE_URL = 'https://api.anthropic.com';
// Large enough for a full batch of translations, small enough that the SDK accepts it
// without streaming (it refuses non-streaming requests that may run past 10 minutes).
const DEFAULT_MAX_TOKENS = 8_192;

/**
 * Translator over the Anthropic Messages API. The SDK is imported on first use so that
 * commands that never translate start fast.
 */
export function createAnthropicTranslator(options: TranslatorOptions): Translator {
  const { settings, env } = options;
  const apiKey = requireKey(env, 'ANTHROPIC_API_KEY', 'anthropic');
  // Passed explicitly even when it is the default: otherwise the SDK reads process.env itself.
  const baseURL = stringSetting(settings, 'baseURL') ?? env['ANTHROPIC_BASE_URL'] ?? DEFAULT_BASE_URL;
  const model = options.model ?? stringSetting(settings, 'model') ?? DEFAULT_MODEL;
  const maxTokens = positiveIntegerSetting(settings, 'maxTokens', DEFAULT_MAX_TOKENS);
  // Off by default: proxies and older models reject `output_config.format`.
  const structuredOutput = choiceSetting(settings, 'structuredOutput', ['json_schema', 'none'] as const, 'none');
  const limits = {
    maxSegmentsPerRequest: positiveIntegerSetting(settings, 'maxSegmentsPerRequest', 40),
    maxCharactersPerRequest: positiveIntegerSetting(settings, 'maxCharactersPerRequest', 6_000),
  };

  let loaded: Promise<{ sdk: AnthropicSdk; client: Anthropic }> | undefined;
  const load = (): Promise<{ sdk: AnthropicSdk; client: Anthropic }> =>
    (loaded ??= import('@anthropic-ai/sdk').then((sdk) => ({
      sdk,
      // maxRetries 0: retries, backoff and timeouts belong to the core, once for all adapters.
      client: new sdk.Anthropic({ apiKey, baseURL, maxRetries: 0 }),
    })));

  return {
    name: 'anthropic',
    model,
    limits,
    async translate(request: TranslationRequest): Promise<TranslationResponse> {
      const { sdk, client } = await load();
      const prompt = buildLlmPrompt(request);
      const body: CreateParams = {
        model,
        max_tokens: maxTokens,
        // The instructions are the same for every request: marked as a cache breakpoint, later
        // requests read them from the cache (when they reach the model's minimum length).
        system: [{ type: 'text', text: prompt.system, cache_control: { type: 'ephemeral' } }],
        messages: [{ role: 'user', content: prompt.user }],
      };
      if (structuredOutput === 'json_schema') body.output_config = { format: { type: 'json_schema', schema: prompt.schema } };

      let message: Anthropic.Message;
      try {
        message = await client.messages.create(body, { signal: request.signal, maxRetries: 0 });
      } catch (error) {
        throw mapAnthropicError(error, sdk, [apiKey]);
      }
      return readMessage(message);
    },
  };
}

/** The translations in a reply, or the TranslatorError that says what is wrong with it. */
function readMessage(message: Anthropic.Message): TranslationResponse {
  // Typed by the SDK, but a proxy may send anything: check before trusting.
  const blocks: unknown = (message as { content?: unknown }).content;
  if (message.stop_reason === 'max_tokens') {
    throw new TranslatorError('the reply was cut off at max_tokens', { kind: 'truncated' });
  }
  if (message.stop_reason === 'model_context_window_exceeded') {
    throw new TranslatorError('the reply ran out of context window', { kind: 'context-length' });
  }
  if (message.stop_reason === 'refusal') {
    throw new TranslatorError('the model refused to translate this batch', { kind: 'bad-response' });
  }
  const text = Array.isArray(blocks)
    ? blocks
        .filter((b): b is Anthropic.TextBlock => typeof b === 'object' && b !== null && (b as { type?: unknown }).type === 'text')
        .map((b) => b.text)
        .join('')
    : '';
  const translations = parseJsonReply(text);
  const usage = message.usage;
  return {
    translations,
    ...(usage ? { usage: readUsage(usage) } : {}),
  };
}

/**
 * Anthropic's `input_tokens` leaves out what was written to or read from the prompt cache; the
 * total is all three, as OpenAI counts it, and the part read from the cache is `cachedInputTokens`.
 */
function readUsage(usage: Anthropic.Usage): NonNullable<TranslationResponse['usage']> {
  const count = (value: number | null | undefined): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  const read = count(usage.cache_read_input_tokens);
  return {
    inputTokens: count(usage.input_tokens) + count(usage.cache_creation_input_tokens) + read,
    outputTokens: count(usage.output_tokens),
    ...(usage.cache_read_input_tokens != null ? { cachedInputTokens: read } : {}),
  };
}

const CONTEXT_LENGTH = /prompt is too long|too many tokens|context window|context length|exceeds? the maximum/i;
const OUT_OF_CREDIT = /credit balance|spend limit|billing/i;

/** An SDK error as a TranslatorError, with the key redacted from its message. */
function mapAnthropicError(error: unknown, sdk: AnthropicSdk, secrets: string[]): TranslatorError {
  if (error instanceof TranslatorError) return error;
  const clean = (message: string): string => redactSecrets(message, secrets);
  if (error instanceof sdk.APIUserAbortError) {
    return new TranslatorError('the request was aborted', { kind: 'timeout' });
  }
  if (error instanceof sdk.APIConnectionTimeoutError) {
    return new TranslatorError(clean(error.message), { kind: 'timeout' });
  }
  if (error instanceof sdk.APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return new TranslatorError(clean(`${error.message}${cause}`), { kind: 'network' });
  }
  if (!(error instanceof sdk.APIError)) {
    const message = error instanceof Error ? error.message : String(error);
    return new TranslatorError(clean(message), { kind: 'bad-response' });
  }
  const status = error.status ?? 0;
  const detail = error.apiMessage ?? error.message;
  const message = clean(`Anthropic API ${status}${error.type ? ` ${error.type}` : ''}: ${detail}`);
  const base = { status };
  const retryAfterMs = parseRetryAfter(error.headers);
  const wait = retryAfterMs !== undefined ? { retryAfterMs } : {};
  if (status === 429) {
    // A spend cap answers 429 too, but waiting will not help until the cap is raised.
    if (error.errorCode === 'enforced_spend_limit_reached') return new TranslatorError(message, { ...base, kind: 'quota' });
    return new TranslatorError(message, { ...base, kind: 'rate-limit', ...wait });
  }
  if (status === 529) return new TranslatorError(message, { ...base, kind: 'overloaded', ...wait });
  if (status === 401 || status === 403) return new TranslatorError(message, { ...base, kind: 'auth' });
  if (status === 402) return new TranslatorError(message, { ...base, kind: 'quota' });
  if (status === 413) return new TranslatorError(message, { ...base, kind: 'context-length' });
  if (status === 400 && CONTEXT_LENGTH.test(detail)) return new TranslatorError(message, { ...base, kind: 'context-length' });
  if (status === 400 && OUT_OF_CREDIT.test(detail)) return new TranslatorError(message, { ...base, kind: 'quota' });
  if (status === 408) return new TranslatorError(message, { ...base, kind: 'timeout' });
  if (status === 409 || status >= 500) return new TranslatorError(message, { ...base, kind: 'server', ...wait });
  return new TranslatorError(message, { ...base, kind: 'bad-request' });
}

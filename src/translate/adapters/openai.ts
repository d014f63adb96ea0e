import type OpenAI from 'openai';
import { buildLlmPrompt } from '../llm-prompt.js';
import { parseJsonReply } from '../parse-json-reply.js';
import { choiceSetting, numberSetting, positiveIntegerSetting, requireKey, stringSetting } from '../read-settings.js';
import { redactSecrets } from '../redact-secrets.js';
import { parseRetryAfter } from '../retry-after.js';
import {
  TranslatorError,
  type TranslationRequest,
  type TranslationResponse,
  type Translator,
  type TranslatorOptions,
} from '../translator.js';

type OpenAISdk = typeof import('openai');
type CreateParams = OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;

const DEFAULT_MODEL = 'gpt-4o-mini';
const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
const STRUCTURED_OUTPUT = ['json_schema', 'json_object', 'none'] as const;

/**
 * Translator over the OpenAI Chat Completions API, or any server that speaks it (`baseURL`).
 * The SDK is imported on first use so that commands that never translate start fast.
 */
export function createOpenAITranslator(options: TranslatorOptions): Translator {
  const { settings, env } = options;
  const apiKey = requireKey(env, 'OPENAI_API_KEY', 'openai');
  // Passed explicitly even when it is the default: otherwise the SDK reads process.env itself.
  const baseURL = stringSetting(settings, 'baseURL') ?? env['OPENAI_BASE_URL'] ?? DEFAULT_BASE_URL;
  const model = options.model ?? stringSetting(settings, 'model') ?? DEFAULT_MODEL;
  // Servers differ: OpenAI supports all three, many compatible servers only json_object or none.
  const structuredOutput = choiceSetting(settings, 'structuredOutput', STRUCTURED_OUTPUT, 'json_object');
  const temperature = numberSetting(settings, 'temperature');
  const maxTokens = settings['maxTokens'] === undefined ? undefined : positiveIntegerSetting(settings, 'maxTokens', 1);
  const limits = {
    maxSegmentsPerRequest: positiveIntegerSetting(settings, 'maxSegmentsPerRequest', 40),
    maxCharactersPerRequest: positiveIntegerSetting(settings, 'maxCharactersPerRequest', 6_000),
  };

  let loaded: Promise<{ sdk: OpenAISdk; client: OpenAI }> | undefined;
  const load = (): Promise<{ sdk: OpenAISdk; client: OpenAI }> =>
    (loaded ??= import('openai').then((sdk) => ({
      sdk,
      // maxRetries 0: retries, backoff and timeouts belong to the core, once for all adapters.
      client: new sdk.OpenAI({ apiKey, baseURL, maxRetries: 0, organization: env['OPENAI_ORG_ID'] ?? null, project: env['OPENAI_PROJECT_ID'] ?? null }),
    })));

  return {
    name: 'openai',
    model,
    limits,
    async translate(request: TranslationRequest): Promise<TranslationResponse> {
      const { sdk, client } = await load();
      const prompt = buildLlmPrompt(request);
      const body: CreateParams = {
        model,
        messages: [
          { role: 'system', content: prompt.system },
          { role: 'user', content: prompt.user },
        ],
      };
      if (temperature !== undefined) body.temperature = temperature;
      if (maxTokens !== undefined) body.max_tokens = maxTokens;
      if (structuredOutput === 'json_object') body.response_format = { type: 'json_object' };
      if (structuredOutput === 'json_schema') {
        body.response_format = { type: 'json_schema', json_schema: { name: 'translations', strict: true, schema: prompt.schema } };
      }

      let completion: OpenAI.Chat.ChatCompletion;
      try {
        completion = await client.chat.completions.create(body, { signal: request.signal, maxRetries: 0 });
      } catch (error) {
        throw mapOpenAIError(error, sdk, [apiKey]);
      }
      return readCompletion(completion);
    },
  };
}

/** The translations in a completion, or the TranslatorError that says what is wrong with it. */
function readCompletion(completion: OpenAI.Chat.ChatCompletion): TranslationResponse {
  // Typed by the SDK, but a compatible server may send anything: check before trusting.
  const choices: unknown = (completion as { choices?: unknown }).choices;
  const choice = Array.isArray(choices) ? (choices[0] as OpenAI.Chat.ChatCompletion.Choice | undefined) : undefined;
  if (!choice || typeof choice !== 'object') {
    throw new TranslatorError('the reply has no choices', { kind: 'bad-response' });
  }
  if (choice.finish_reason === 'length') {
    throw new TranslatorError('the reply was cut off at the output token limit', { kind: 'truncated' });
  }
  if (choice.message?.refusal) {
    throw new TranslatorError(`the model refused: ${choice.message.refusal.slice(0, 200)}`, { kind: 'bad-response' });
  }
  if (choice.finish_reason === 'content_filter') {
    throw new TranslatorError('the reply was withheld by a content filter', { kind: 'bad-response' });
  }
  const translations = parseJsonReply(choice.message?.content);
  const usage = completion.usage;
  // OpenAI caches a prompt's prefix by itself and reports the part it reused here.
  const cached = usage?.prompt_tokens_details?.cached_tokens;
  return {
    translations,
    ...(usage
      ? { usage: { inputTokens: usage.prompt_tokens, outputTokens: usage.completion_tokens, ...(typeof cached === 'number' ? { cachedInputTokens: cached } : {}) } }
      : {}),
  };
}

const CONTEXT_LENGTH = /context length|context window|maximum context|too many tokens|prompt is too long|reduce the length/i;

/** An SDK error as a TranslatorError, with the key redacted from its message. */
function mapOpenAIError(error: unknown, sdk: OpenAISdk, secrets: string[]): TranslatorError {
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
  const message = clean(`OpenAI API ${error.message}`);
  const base = { status };
  if (status === 429) {
    if (error.code === 'insufficient_quota' || error.type === 'insufficient_quota') {
      return new TranslatorError(message, { ...base, kind: 'quota' });
    }
    const retryAfterMs = parseRetryAfter(error.headers);
    return new TranslatorError(message, { ...base, kind: 'rate-limit', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
  }
  if (status === 401 || status === 403) return new TranslatorError(message, { ...base, kind: 'auth' });
  if (status === 413 || error.code === 'context_length_exceeded' || ((status === 400 || status === 422) && CONTEXT_LENGTH.test(error.message))) {
    return new TranslatorError(message, { ...base, kind: 'context-length' });
  }
  if (status === 408) return new TranslatorError(message, { ...base, kind: 'timeout' });
  if (status === 409 || status >= 500) {
    const retryAfterMs = parseRetryAfter(error.headers);
    return new TranslatorError(message, { ...base, kind: 'server', ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
  }
  return new TranslatorError(message, { ...base, kind: 'bad-request' });
}

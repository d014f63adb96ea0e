import type { ServerResponse } from 'node:http';
import { fakeTokens, openAICachedTokens } from './fake-prompt-cache.js';
import { fakeTranslate, sendJson, startRecordingServer, wait, type FakeServer, type FakeStep, type RecordedRequest } from './recording-server.js';

/** A request body as the Chat Completions API receives it (the parts the fake reads). */
interface ChatBody {
  model?: string;
  messages?: { role: string; content: string | { type: string; text?: string }[] }[];
}

/** The segments (id → text) an adapter put in the user message, or {} if it is not JSON. */
export function openAISegments(request: RecordedRequest): Record<string, string> {
  const body = request.json as ChatBody | undefined;
  const user = contentText(body?.messages?.find((m) => m.role === 'user')?.content);
  try {
    const data = JSON.parse(user) as { segments?: Record<string, string> };
    return data.segments ?? {};
  } catch {
    return {};
  }
}

/**
 * A fake OpenAI Chat Completions endpoint (`POST /v1/chat/completions`) that answers like the
 * real one, errors included: bodies `{"error":{message,type,param,code}}`, Retry-After headers,
 * `finish_reason: "length"`. Checks `Authorization: Bearer <apiKey>` like the real service, and
 * caches prompt prefixes like it: `usage.prompt_tokens_details.cached_tokens` counts the prefix
 * (1,024 tokens or more) a prompt shares with an earlier one.
 */
export async function startFakeOpenAIServer(apiKey: string): Promise<FakeServer> {
  const prompts: string[] = [];
  return startRecordingServer(
    ['ok', 'rate-limit', 'server-error', 'quota', 'auth', 'context-length', 'truncated', 'malformed', 'missing-id', 'extra-id', 'empty', 'slow'],
    async (request, res, step) => {
      if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
        sendError(res, 404, { message: `Invalid URL (${request.method} ${request.path})`, type: 'invalid_request_error', param: null, code: null });
        return;
      }
      const auth = request.headers.authorization;
      if (step.kind === 'auth' || auth !== `Bearer ${apiKey}`) {
        // The real service echoes (a masked form of) the key; echoing it whole proves redaction.
        const shown = auth?.replace(/^Bearer /, '') ?? '';
        sendError(res, 401, { message: `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' });
        return;
      }
      const prompt = promptOf(request);
      const usage = { prompt_tokens: fakeTokens(prompt), cached_tokens: openAICachedTokens(prompts, prompt) };
      prompts.push(prompt);
      await reply(request, res, step, usage);
    },
  );
}

/** The messages in order, as the service reads the prompt whose prefix it caches. */
function promptOf(request: RecordedRequest): string {
  const messages = (request.json as ChatBody | undefined)?.messages ?? [];
  return messages.map((m) => `${m.role}\n${contentText(m.content)}`).join('\n');
}

function contentText(content: string | { type: string; text?: string }[] | undefined): string {
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => part.text ?? '').join('');
}

interface PromptUsage {
  prompt_tokens: number;
  cached_tokens: number;
}

async function reply(request: RecordedRequest, res: ServerResponse, step: FakeStep, usage: PromptUsage): Promise<void> {
  const model = (request.json as ChatBody | undefined)?.model ?? 'unknown';
  const segments = openAISegments(request);
  const translated: Record<string, string> = Object.fromEntries(Object.entries(segments).map(([id, text]) => [id, fakeTranslate(text)]));
  switch (step.kind) {
    case 'rate-limit':
      sendError(
        res,
        429,
        { message: `Rate limit reached for ${model} in organization org-test on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.`, type: 'requests', param: null, code: 'rate_limit_exceeded' },
        step.retryAfter !== undefined ? { 'retry-after': step.retryAfter } : {},
      );
      return;
    case 'server-error':
      sendError(res, 500, { message: 'The server had an error while processing your request. Sorry about that!', type: 'server_error', param: null, code: null });
      return;
    case 'quota':
      sendError(res, 429, { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' });
      return;
    case 'context-length':
      sendError(res, 400, {
        message: `This model's maximum context length is 128000 tokens. However, your messages resulted in 130512 tokens. Please reduce the length of the messages.`,
        type: 'invalid_request_error',
        param: 'messages',
        code: 'context_length_exceeded',
      });
      return;
    case 'truncated': {
      const partial = JSON.stringify(translated).slice(0, 20);
      sendJson(res, 200, completion(model, usage, partial, 'length'));
      return;
    }
    case 'malformed':
      sendJson(res, 200, completion(model, usage, 'Here are your translations: {"s1": "oops", ', 'stop'));
      return;
    case 'missing-id': {
      const ids = Object.keys(translated);
      const last = ids[ids.length - 1];
      if (last !== undefined) delete translated[last];
      sendJson(res, 200, completion(model, usage, JSON.stringify(translated), 'stop'));
      return;
    }
    case 'extra-id':
      sendJson(res, 200, completion(model, usage, JSON.stringify({ ...translated, invented: 'EN:made up' }), 'stop'));
      return;
    case 'empty':
      sendJson(res, 200, completion(model, usage, '', 'stop'));
      return;
    case 'slow':
      await wait(step.delayMs ?? 2_000);
      sendJson(res, 200, completion(model, usage, JSON.stringify(translated), 'stop'));
      return;
    default:
      sendJson(res, 200, completion(model, usage, JSON.stringify(translated), 'stop'));
  }
}

function completion(model: string, usage: PromptUsage, content: string, finishReason: 'stop' | 'length'): unknown {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: finishReason }],
    usage: {
      prompt_tokens: usage.prompt_tokens,
      completion_tokens: 20,
      total_tokens: usage.prompt_tokens + 20,
      prompt_tokens_details: { cached_tokens: usage.cached_tokens, audio_tokens: 0 },
      completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    },
    system_fingerprint: 'fp_test',
  };
}

function sendError(res: ServerResponse, status: number, error: Record<string, unknown>, headers: Record<string, string> = {}): void {
  sendJson(res, status, { error }, { 'x-request-id': 'req_test', ...headers });
}


import type { ServerResponse } from 'node:http';
import { CACHE_MINIMUM_TOKENS, fakeTokens } from './fake-prompt-cache.js';
import { fakeTranslate, sendJson, startRecordingServer, wait, type FakeServer, type FakeStep, type RecordedRequest } from './recording-server.js';

/** A system or message content block; `cache_control` marks the end of a prefix to cache. */
interface TextBlock {
  type: string;
  text?: string;
  cache_control?: unknown;
}

/** A request body as the Messages API receives it (the parts the fake reads). */
interface MessagesBody {
  model?: string;
  max_tokens?: number;
  system?: string | TextBlock[];
  messages?: { role: string; content: string | TextBlock[] }[];
}

/** The segments (id → text) an adapter put in the user message, or {} if it is not JSON. */
export function anthropicSegments(request: RecordedRequest): Record<string, string> {
  const body = request.json as MessagesBody | undefined;
  const user = blocksText(body?.messages?.find((m) => m.role === 'user')?.content);
  try {
    return (JSON.parse(user) as { segments?: Record<string, string> }).segments ?? {};
  } catch {
    return {};
  }
}

/**
 * A fake Anthropic Messages endpoint (`POST /v1/messages`) that answers like the real one:
 * errors as `{"type":"error","error":{type,message},"request_id"}`, 529 overloaded,
 * `stop_reason: "max_tokens"`. Accepts the key as `x-api-key` or `Authorization: Bearer`
 * (newer SDKs send the latter) and requires `anthropic-version`. Caches like the real service: the
 * system blocks up to one marked `cache_control: {type: "ephemeral"}`, when 1,024 tokens or more,
 * are written to the cache (`cache_creation_input_tokens`) and read back by a later request with
 * the same prefix (`cache_read_input_tokens`); `input_tokens` counts only the rest.
 */
export async function startFakeAnthropicServer(apiKey: string): Promise<FakeServer> {
  const cached = new Set<string>();
  return startRecordingServer(
    ['ok', 'rate-limit', 'server-error', 'overloaded', 'quota', 'auth', 'context-length', 'truncated', 'malformed', 'missing-id', 'extra-id', 'empty', 'slow'],
    async (request, res, step) => {
      if (request.method !== 'POST' || request.path !== '/v1/messages') {
        sendError(res, 404, 'not_found_error', `Not found: ${request.method} ${request.path}`);
        return;
      }
      const given = request.headers['x-api-key'] ?? request.headers.authorization?.replace(/^Bearer /, '');
      if (step.kind === 'auth' || given !== apiKey) {
        sendError(res, 401, 'authentication_error', `invalid x-api-key ${String(given)}`);
        return;
      }
      if (!request.headers['anthropic-version']) {
        sendError(res, 400, 'invalid_request_error', 'anthropic-version: header is required');
        return;
      }
      const body = request.json as MessagesBody | undefined;
      const problem = cacheControlProblem(body);
      if (problem) {
        sendError(res, 400, 'invalid_request_error', problem);
        return;
      }
      await reply(request, res, step, usageOf(body, cached));
    },
  );
}

/** What the real service says about a malformed `cache_control`, or undefined. */
function cacheControlProblem(body: MessagesBody | undefined): string | undefined {
  const blocks = [...(Array.isArray(body?.system) ? body.system : []), ...(body?.messages ?? []).flatMap((m) => (Array.isArray(m.content) ? m.content : []))];
  for (const block of blocks) {
    if (block.cache_control === undefined || block.cache_control === null) continue;
    const control = block.cache_control as { type?: unknown; ttl?: unknown };
    if (control.type !== 'ephemeral') return 'system.0.cache_control.type: Input should be \'ephemeral\'';
    if (control.ttl !== undefined && control.ttl !== '5m' && control.ttl !== '1h') return 'system.0.cache_control.ttl: Input should be \'5m\' or \'1h\'';
  }
  return undefined;
}

interface MessageUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

/** Token counts of a request, writing its cacheable system prefix to `cached` or reading it from there. */
function usageOf(body: MessagesBody | undefined, cached: Set<string>): MessageUsage {
  const system = typeof body?.system === 'string' ? [{ type: 'text', text: body.system }] : (body?.system ?? []);
  const total = fakeTokens(blocksText(system)) + (body?.messages ?? []).reduce((sum, m) => sum + fakeTokens(blocksText(m.content)), 0);
  const breakpoint = system.map((b) => b.cache_control != null).lastIndexOf(true);
  const prefix = breakpoint < 0 ? '' : blocksText(system.slice(0, breakpoint + 1));
  const prefixTokens = fakeTokens(prefix);
  if (breakpoint < 0 || prefixTokens < CACHE_MINIMUM_TOKENS) return { input_tokens: total, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  const key = `${body?.model ?? ''}\u0000${prefix}`;
  const hit = cached.has(key);
  cached.add(key);
  return { input_tokens: total - prefixTokens, cache_creation_input_tokens: hit ? 0 : prefixTokens, cache_read_input_tokens: hit ? prefixTokens : 0 };
}

function blocksText(content: string | TextBlock[] | undefined): string {
  if (typeof content === 'string') return content;
  return (content ?? []).map((block) => block.text ?? '').join('');
}

async function reply(request: RecordedRequest, res: ServerResponse, step: FakeStep, usage: MessageUsage): Promise<void> {
  const model = (request.json as MessagesBody | undefined)?.model ?? 'unknown';
  const translated: Record<string, string> = Object.fromEntries(
    Object.entries(anthropicSegments(request)).map(([id, text]) => [id, fakeTranslate(text)]),
  );
  switch (step.kind) {
    case 'rate-limit':
      sendError(res, 429, 'rate_limit_error', 'This request would exceed the rate limit for your organization of 50 requests per minute.', step.retryAfter !== undefined ? { 'retry-after': step.retryAfter } : {});
      return;
    case 'server-error':
      sendError(res, 500, 'api_error', 'Internal server error');
      return;
    case 'overloaded':
      sendError(res, 529, 'overloaded_error', 'Overloaded');
      return;
    case 'quota':
      sendError(res, 400, 'invalid_request_error', 'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.');
      return;
    case 'context-length':
      sendError(res, 400, 'invalid_request_error', 'prompt is too long: 208656 tokens > 200000 maximum');
      return;
    case 'truncated':
      sendJson(res, 200, message(model, usage, [{ type: 'text', text: JSON.stringify(translated).slice(0, 20) }], 'max_tokens'));
      return;
    case 'malformed':
      sendJson(res, 200, message(model, usage, [{ type: 'text', text: 'Sure! Here is the translation: s1 = oops' }], 'end_turn'));
      return;
    case 'missing-id': {
      const ids = Object.keys(translated);
      const last = ids[ids.length - 1];
      if (last !== undefined) delete translated[last];
      sendJson(res, 200, message(model, usage, [{ type: 'text', text: JSON.stringify(translated) }], 'end_turn'));
      return;
    }
    case 'extra-id':
      sendJson(res, 200, message(model, usage, [{ type: 'text', text: JSON.stringify({ ...translated, invented: 'EN:made up' }) }], 'end_turn'));
      return;
    case 'empty':
      sendJson(res, 200, message(model, usage, [], 'end_turn'));
      return;
    case 'slow':
      await wait(step.delayMs ?? 2_000);
      sendJson(res, 200, message(model, usage, [{ type: 'text', text: JSON.stringify(translated) }], 'end_turn'));
      return;
    default:
      sendJson(res, 200, message(model, usage, [{ type: 'text', text: JSON.stringify(translated) }], 'end_turn'));
  }
}

function message(model: string, usage: MessageUsage, content: { type: 'text'; text: string }[], stopReason: string): unknown {
  return {
    id: 'msg_01test',
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: stopReason,
    stop_sequence: null,
    usage: { ...usage, output_tokens: 20, service_tier: 'standard' },
  };
}

function sendError(res: ServerResponse, status: number, type: string, text: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { type: 'error', error: { type, message: text }, request_id: 'req_011test' }, { 'request-id': 'req_011test', ...headers });
}

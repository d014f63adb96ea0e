import { openAISegments, startFakeOpenAIServer } from '../helpers/fake-openai-server.js';
import { sendJson, startRecordingServer, wait, type RecordedRequest } from '../helpers/recording-server.js';

/** What the latency server saw during one run. */
export interface LatencyStats {
  requests: number;
  /** Most requests in flight at once. */
  maxInFlight: number;
  /** Characters of every message content sent (system + user), over all requests. */
  promptCharacters: number;
  /** Characters of the segment texts found in the requests (as the fake server reads them). */
  segmentCharacters: number;
  /** Longest prefix (in characters) each request shared with an earlier one, summed: what a provider's cache could reuse. */
  sharedPrefixCharacters: number;
  /** Cached tokens the server reported back, summed. */
  cachedTokens: number;
  promptTokens: number;
}

/** A local OpenAI Chat Completions endpoint whose every reply takes `latencyMs`. */
export interface LatencyServer {
  /** Base URL for `OPENAI_BASE_URL`, ending in `/v1`. */
  baseURL: string;
  /** The figures since the last call, then starts counting afresh. */
  take(): LatencyStats;
  close(): Promise<void>;
}

// Rough, like the providers' own counts for mixed Chinese, English and JSON.
const CHARACTERS_PER_TOKEN = 4;

/**
 * Answers every request after a fixed delay with what `test/helpers/fake-openai-server.ts` answers
 * (the request is passed on to it, so the harness follows the engine's prompt and reply formats
 * as that helper does), and adds `prompt_tokens_details.cached_tokens` as OpenAI reports it, from
 * the prefix each prompt shares with an earlier one (without OpenAI's 1,024-token minimum, so the
 * run summary's reporting shows on a small post). Its replies are `EN:` + the source: translate
 * with `--no-validate`.
 */
export async function startLatencyServer(latencyMs: number, apiKey: string): Promise<LatencyServer> {
  const fake = await startFakeOpenAIServer(apiKey);
  let inFlight = 0;
  let stats = emptyStats();
  let prompts: string[] = [];
  const server = await startRecordingServer(['ok'], async (request, res) => {
    inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    try {
      const prompt = promptOf(request);
      const shared = prompts.reduce((best, earlier) => Math.max(best, commonPrefix(earlier, prompt)), 0);
      prompts.push(prompt);
      stats.requests += 1;
      stats.promptCharacters += prompt.length;
      stats.segmentCharacters += Object.values(openAISegments(request)).reduce((sum, text) => sum + text.length, 0);
      stats.sharedPrefixCharacters += shared;
      const promptTokens = Math.ceil(prompt.length / CHARACTERS_PER_TOKEN);
      const cachedTokens = Math.floor(shared / CHARACTERS_PER_TOKEN);
      stats.promptTokens += promptTokens;
      stats.cachedTokens += cachedTokens;
      await wait(latencyMs);
      const reply = await fetch(`${fake.url}${request.path}`, {
        method: request.method,
        headers: { 'content-type': 'application/json', authorization: String(request.headers.authorization ?? '') },
        body: request.body,
      });
      const body = (await reply.json()) as { usage?: Record<string, unknown> };
      if (body.usage !== undefined) {
        body.usage = { ...body.usage, prompt_tokens: promptTokens, prompt_tokens_details: { cached_tokens: cachedTokens } };
      }
      sendJson(res, reply.status, body);
    } finally {
      inFlight -= 1;
    }
  });
  return {
    baseURL: `${server.url}/v1`,
    take() {
      const taken = stats;
      stats = emptyStats();
      prompts = [];
      // Both servers keep every request; a long run need not.
      fake.requests.length = 0;
      server.requests.length = 0;
      return taken;
    },
    close: async () => {
      await server.close();
      await fake.close();
    },
  };
}

function emptyStats(): LatencyStats {
  return { requests: 0, maxInFlight: 0, promptCharacters: 0, segmentCharacters: 0, sharedPrefixCharacters: 0, cachedTokens: 0, promptTokens: 0 };
}

/** Every message's content in order, as the provider sees the prompt. */
function promptOf(request: RecordedRequest): string {
  const body = request.json as { messages?: { content?: unknown }[] } | undefined;
  return (body?.messages ?? []).map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content ?? ''))).join('\n');
}

function commonPrefix(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

import { openAISegments } from '../helpers/fake-openai-server.js';
import { sendJson, startRecordingServer, wait, type RecordedRequest } from '../helpers/recording-server.js';

/** What the latency server saw during one run. */
export interface LatencyStats {
  requests: number;
  /** Most requests in flight at once. */
  maxInFlight: number;
  /** Characters of every message content sent (system + user), over all requests. */
  promptCharacters: number;
  /** Characters of the segment texts found in the requests (the `segments` object of the user message). */
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
  /** The figures since the last reset, then starts counting afresh. */
  take(): LatencyStats;
  close(): Promise<void>;
}

// Rough, like the providers' own counts for mixed Chinese, English and JSON.
const CHARACTERS_PER_TOKEN = 4;

/**
 * Speaks the same protocol as `test/helpers/fake-openai-server.ts`, but answers every request after a fixed delay and reports `prompt_tokens_details.cached_tokens`
 * as OpenAI does, from the prefix each prompt shares with an earlier one (without OpenAI's
 * 1,024-token minimum, so that the run summary's reporting can be seen on a small post).
 */
export async function startLatencyServer(latencyMs: number): Promise<LatencyServer> {
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
      const segments = openAISegments(request);
      stats.requests += 1;
      stats.promptCharacters += prompt.length;
      stats.segmentCharacters += Object.values(segments).reduce((sum, text) => sum + text.length, 0);
      stats.sharedPrefixCharacters += shared;
      const promptTokens = Math.ceil(prompt.length / CHARACTERS_PER_TOKEN);
      const cachedTokens = Math.floor(shared / CHARACTERS_PER_TOKEN);
      stats.promptTokens += promptTokens;
      stats.cachedTokens += cachedTokens;
      await wait(latencyMs);
      const translated = Object.fromEntries(Object.entries(segments).map(([id, text]) => [id, latinize(text)]));
      const content = JSON.stringify(translated);
      sendJson(res, 200, {
        id: `chatcmpl-bench-${stats.requests}`,
        object: 'chat.completion',
        created: 1_700_000_000,
        model: (request.json as { model?: string } | undefined)?.model ?? 'bench',
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: Math.ceil(content.length / CHARACTERS_PER_TOKEN),
          total_tokens: promptTokens + Math.ceil(content.length / CHARACTERS_PER_TOKEN),
          prompt_tokens_details: { cached_tokens: cachedTokens },
        },
      });
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
      return taken;
    },
    close: () => server.close(),
  };
}

const PUNCTUATION: Record<string, string> = { '，': ', ', '。': '. ', '！': '! ', '？': '? ', '：': ': ', '；': '; ', '、': ', ', '（': ' (', '）': ') ', '“': '"', '”': '"', '《': '"', '》': '"' };

/**
 * A reply the engine's validation accepts as a translation (no Han characters left, Markdown and
 * placeholders untouched): `EN:` plus source text would be retried as untranslated.
 */
function latinize(text: string): string {
  // A space only before a word that follows a letter: one after it could stand before a closing `**`.
  return text
    .replace(/[\u3400-\u9fff]+/gu, (run, at: number) => `${/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') ? ' ' : ''}la${'ba'.repeat(Math.min(run.length, 8) - 1)}`)
    .replace(/[，。！？：；、（）“”《》]/gu, (char) => PUNCTUATION[char] ?? char);
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

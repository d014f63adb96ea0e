import { describe, expect, it } from 'vitest';
import { createAnthropicTranslator } from '../../src/translate/adapters/anthropic.js';
import { createOpenAITranslator } from '../../src/translate/adapters/openai.js';
import { runBatches, type WorkItem } from '../../src/translate/run-batches.js';
import type { GlossaryEntry, Translator } from '../../src/translate/translator.js';
import { startFakeAnthropicServer } from '../helpers/fake-anthropic-server.js';
import { startFakeOpenAIServer } from '../helpers/fake-openai-server.js';
import { cacheableGlossary, CACHE_MINIMUM_TOKENS } from '../helpers/fake-prompt-cache.js';
import { bitext, tempProject } from '../helpers/temp-project.js';

const OPENAI_KEY = 'sk-test-caching-0123456789abcdef';
const ANTHROPIC_KEY = 'sk-ant-test-caching-0123456789abcdef';

/** Three segments, one request each, with the given glossary. */
function translateThree(translator: Translator, glossary: GlossaryEntry[]) {
  const items: WorkItem[] = ['专业术语第1号很重要。', '专业术语第2号也重要。', '第三段没有术语。'].map((text, i) => ({ id: `s${i}`, text }));
  return runBatches({ translator, items, source: 'zh', target: 'en', glossary, concurrency: 1, timeoutMs: 5_000, maxAttempts: 1, onBatchDone: async () => undefined });
}

describe('prompt caching with OpenAI', () => {
  it('keeps the system message byte-identical, with the whole glossary in it, and sums the cached tokens the server reports', async () => {
    const server = await startFakeOpenAIServer(OPENAI_KEY);
    try {
      const translator = createOpenAITranslator({ env: { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: `${server.url}/v1` }, settings: { maxSegmentsPerRequest: 1 }, cwd: '/' });
      const result = await translateThree(translator, cacheableGlossary());
      expect(result.translated.size).toBe(3);
      const bodies = server.requests.map((r) => r.json as { messages: { role: string; content: string }[] });
      const systems = new Set(bodies.map((b) => b.messages[0]?.content));
      expect(systems.size).toBe(1);
      expect([...systems][0]).toContain('专业术语第99号');
      // The first request fills the cache; the other two read at least the minimum from it.
      expect(result.usage.cachedInputTokens).toBeGreaterThanOrEqual(2 * CACHE_MINIMUM_TOKENS);
      expect(result.usage.cachedInputTokens).toBeLessThan(result.usage.inputTokens);
    } finally {
      await server.close();
    }
  });

  it('reports no cached tokens when the stable prefix is under the minimum, and then sends only each batch its terms', async () => {
    const server = await startFakeOpenAIServer(OPENAI_KEY);
    try {
      const translator = createOpenAITranslator({ env: { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: `${server.url}/v1` }, settings: { maxSegmentsPerRequest: 1 }, cwd: '/' });
      const result = await translateThree(translator, cacheableGlossary().slice(0, 5));
      expect(result.usage.cachedInputTokens).toBe(0);
      const users = server.requests.map((r) => JSON.parse((r.json as { messages: { content: string }[] }).messages[1]?.content ?? '{}') as { glossary?: unknown });
      expect(users.map((u) => u.glossary)).toEqual([{ 专业术语第1号: 'technical term number 1' }, { 专业术语第2号: 'technical term number 2' }, undefined]);
    } finally {
      await server.close();
    }
  });
});

describe('prompt caching with Anthropic', () => {
  it('marks the instructions and glossary with cache_control and counts cache writes and reads', async () => {
    const server = await startFakeAnthropicServer(ANTHROPIC_KEY);
    try {
      const translator = createAnthropicTranslator({ env: { ANTHROPIC_API_KEY: ANTHROPIC_KEY, ANTHROPIC_BASE_URL: server.url }, settings: { maxSegmentsPerRequest: 1 }, cwd: '/' });
      const result = await translateThree(translator, cacheableGlossary());
      expect(result.translated.size).toBe(3);
      const systems = server.requests.map((r) => (r.json as { system: { text: string; cache_control?: unknown }[] }).system);
      for (const system of systems) {
        expect(system).toEqual([{ type: 'text', text: systems[0]?.[0]?.text, cache_control: { type: 'ephemeral' } }]);
      }
      expect(systems[0]?.[0]?.text).toContain('专业术语第99号');
      // Written once, read twice: each read is the whole prefix, and counts in the input tokens.
      expect(result.usage.cachedInputTokens).toBeGreaterThanOrEqual(2 * CACHE_MINIMUM_TOKENS);
      expect(result.usage.cachedInputTokens % 2).toBe(0);
      expect(result.usage.inputTokens).toBeGreaterThan((3 * result.usage.cachedInputTokens) / 2);
    } finally {
      await server.close();
    }
  });

  it('counts a cache write as input, not as cached', async () => {
    const server = await startFakeAnthropicServer(ANTHROPIC_KEY);
    try {
      const translator = createAnthropicTranslator({ env: { ANTHROPIC_API_KEY: ANTHROPIC_KEY, ANTHROPIC_BASE_URL: server.url }, settings: {}, cwd: '/' });
      const glossary = cacheableGlossary();
      const response = await translator.translate({ source: 'zh', target: 'en', segments: [{ id: 'a', text: '一' }], context: { before: [], after: [] }, glossary: [], fullGlossary: glossary, signal: new AbortController().signal });
      expect(response.usage?.cachedInputTokens).toBe(0);
      expect(response.usage?.inputTokens).toBeGreaterThanOrEqual(CACHE_MINIMUM_TOKENS);
    } finally {
      await server.close();
    }
  });
});

describe('the translate summary', () => {
  it('prints the cached tokens and gives them in --json', async () => {
    const server = await startFakeOpenAIServer(OPENAI_KEY);
    try {
      const glossary = cacheableGlossary().map((g) => `- source: ${g.source}\n  target: ${g.target}\n`).join('');
      const paragraphs = Array.from({ length: 3 }, (_, i) => `专业术语第${i}号是第${i}段。`).join('\n\n');
      const dir = tempProject({
        'bitext.config.json': JSON.stringify({ from: 'zh', to: 'en', glossary: 'glossary.yaml', translatorOptions: { maxSegmentsPerRequest: 1 } }),
        'glossary.yaml': glossary,
        'post.md': `${paragraphs}\n`,
      });
      const env = { OPENAI_API_KEY: OPENAI_KEY, OPENAI_BASE_URL: `${server.url}/v1` };
      const run = await bitext(dir, ['translate', 'post.md', '--translator', 'openai', '--concurrency', '1', '--no-validate'], env);
      expect(run.stderr).not.toContain('bitext:');
      expect(run.stdout).toMatch(/\d+ tokens in \((\d+) cached\), 60 out/);
      const cached = Number(/\((\d+) cached\)/.exec(run.stdout)?.[1]);
      expect(cached).toBeGreaterThanOrEqual(2 * CACHE_MINIMUM_TOKENS);

      const again = await bitext(dir, ['translate', 'post.md', '--translator', 'openai', '--out', 'again', '--json', '--no-validate'], env);
      const report = JSON.parse(again.stdout) as { usage: { cachedInputTokens: number; inputTokens: number } }[];
      // Every request now finds the prefix of the first run in the cache.
      expect(report[0]?.usage.cachedInputTokens).toBeGreaterThanOrEqual(3 * CACHE_MINIMUM_TOKENS - 3);
    } finally {
      await server.close();
    }
  });
});

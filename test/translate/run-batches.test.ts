import { describe, it, expect } from 'vitest';
import { runBatches, type RunBatchesOptions, type WorkItem } from '../../src/translate/run-batches.js';
import { makeBatches } from '../../src/translate/make-batches.js';
import { backoffDelay } from '../../src/translate/backoff.js';
import { parseRetryAfter } from '../../src/translate/retry-after.js';
import {
  TranslatorError,
  type TranslationRequest,
  type TranslationResponse,
  type Translator,
  type TranslatorLimits,
} from '../../src/translate/translator.js';

type Handler = (request: TranslationRequest, call: number) => Promise<TranslationResponse> | TranslationResponse;

/** An in-memory translator that records every request and answers with `handler`. */
function fakeTranslator(handler: Handler, limits: TranslatorLimits = { maxSegmentsPerRequest: 10, maxCharactersPerRequest: 10_000 }) {
  const requests: TranslationRequest[] = [];
  const translator: Translator = {
    name: 'fake',
    limits,
    async translate(request) {
      requests.push(request);
      return handler(request, requests.length);
    },
  };
  return { translator, requests, ids: () => requests.map((r) => r.segments.map((s) => s.id)) };
}

const echo = (request: TranslationRequest): TranslationResponse => ({
  translations: request.segments.map((s) => ({ id: s.id, text: `T(${s.text})` })),
});

function items(n: number, text = (i: number) => `text ${i}`): WorkItem[] {
  return Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, text: text(i + 1) }));
}

function run(translator: Translator, work: WorkItem[], overrides: Partial<RunBatchesOptions> = {}) {
  const sleeps: number[] = [];
  const batchesDone: { id: string; text: string }[][] = [];
  const retries: { attempt: number; delayMs: number; reason: string }[] = [];
  const promise = runBatches({
    translator,
    items: work,
    source: 'zh',
    target: 'en',
    glossary: [],
    context: () => ({ before: [], after: [] }),
    concurrency: 1,
    timeoutMs: 1_000,
    maxAttempts: 3,
    onBatchDone: async (results) => {
      batchesDone.push(results);
    },
    onRetry: (info) => retries.push(info),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...overrides,
  });
  return { promise, sleeps, batchesDone, retries };
}

describe('makeBatches', () => {
  it('keeps consecutive items within the segment and character limits', () => {
    const work = [
      { text: 'aaaa' }, { text: 'bbbb' }, { text: 'cccc' }, { text: 'dddd' }, { text: 'e'.repeat(30) }, { text: 'ff' },
    ];
    const batches = makeBatches(work, { maxSegmentsPerRequest: 3, maxCharactersPerRequest: 10 });
    expect(batches.map((b) => b.map((i) => i.text[0]).join(''))).toEqual(['ab', 'cd', 'e', 'f']);
  });

  it('counts the previous version of an item towards the size', () => {
    const work = [{ text: 'aaa', previous: { source: 'bbb', translation: 'ccc' } }, { text: 'ddd' }];
    expect(makeBatches(work, { maxSegmentsPerRequest: 10, maxCharactersPerRequest: 10 })).toHaveLength(2);
  });
});

describe('backoffDelay and parseRetryAfter', () => {
  it('grows exponentially with full jitter, capped, and never below Retry-After', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, { random: () => 0.5 }))).toEqual([500, 1_000, 2_000, 4_000]);
    expect(backoffDelay(20, { random: () => 0.999 })).toBeLessThanOrEqual(60_000);
    expect(backoffDelay(1, { random: () => 0, retryAfterMs: 7_000 })).toBe(7_000);
  });

  it('reads seconds, HTTP dates and retry-after-ms', () => {
    const headers = (h: Record<string, string>) => new Headers(h);
    expect(parseRetryAfter(headers({ 'retry-after': '3' }))).toBe(3_000);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '3' }))).toBe(250);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:10 GMT' }), now)).toBe(10_000);
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(headers({}))).toBeUndefined();
  });
});

describe('runBatches', () => {
  it('sends batches within the translator limits and translates every item', async () => {
    const fake = fakeTranslator(echo, { maxSegmentsPerRequest: 2, maxCharactersPerRequest: 100 });
    const { promise, batchesDone } = run(fake.translator, items(5));
    const result = await promise;
    expect(fake.ids()).toEqual([['s1', 's2'], ['s3', 's4'], ['s5']]);
    expect([...result.translated.keys()]).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(result.translated.get('s3')).toBe('T(text 3)');
    expect(result.failed).toEqual([]);
    expect(result.requests).toBe(3);
    expect(batchesDone.map((b) => b.map((r) => r.id))).toEqual([['s1', 's2'], ['s3', 's4'], ['s5']]);
  });

  it('never has more requests in flight than the concurrency', async () => {
    let active = 0;
    let peak = 0;
    const fake = fakeTranslator(
      async (request) => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active -= 1;
        return echo(request);
      },
      { maxSegmentsPerRequest: 1, maxCharactersPerRequest: 100 },
    );
    const result = await run(fake.translator, items(12), { concurrency: 3 }).promise;
    expect(result.translated.size).toBe(12);
    expect(peak).toBe(3);
  });

  it('waits at least Retry-After before retrying a rate-limited request', async () => {
    const fake = fakeTranslator((request, call) => {
      if (call === 1) throw new TranslatorError('slow down', { kind: 'rate-limit', retryAfterMs: 7_000, status: 429 });
      return echo(request);
    });
    const { promise, sleeps, retries } = run(fake.translator, items(2), { random: () => 0 });
    const result = await promise;
    expect(sleeps).toEqual([7_000]);
    expect(retries).toEqual([{ attempt: 2, delayMs: 7_000, reason: 'rate-limit: slow down' }]);
    expect(result.translated.size).toBe(2);
    expect(result.requests).toBe(2);
  });

  it('backs off exponentially and fails items after maxAttempts with the last reason', async () => {
    const fake = fakeTranslator((_request, call) => {
      throw new TranslatorError(`boom ${call}`, { kind: 'server', status: 503 });
    });
    const { promise, sleeps } = run(fake.translator, items(2), { maxAttempts: 4 });
    const result = await promise;
    expect(result.requests).toBe(4);
    expect(sleeps).toEqual([500, 1_000, 2_000]);
    expect(result.failed).toEqual([
      { id: 's1', reason: 'server: boom 4' },
      { id: 's2', reason: 'server: boom 4' },
    ]);
    expect(result.stoppedBy).toBeUndefined();
  });

  it('splits a batch in half on context-length until it fits', async () => {
    const fake = fakeTranslator((request) => {
      if (request.segments.length > 2) throw new TranslatorError('too long', { kind: 'context-length', status: 400 });
      return echo(request);
    });
    const { promise, sleeps } = run(fake.translator, items(5));
    const result = await promise;
    expect(fake.ids()).toEqual([['s1', 's2', 's3', 's4', 's5'], ['s1', 's2', 's3'], ['s1', 's2'], ['s3'], ['s4', 's5']]);
    expect(result.translated.size).toBe(5);
    expect(sleeps).toEqual([]);
  });

  it('splits on truncated output and fails a single segment that is still truncated', async () => {
    const fake = fakeTranslator((request) => {
      if (request.segments.some((s) => s.text.includes('long'))) throw new TranslatorError('cut off', { kind: 'truncated' });
      return echo(request);
    });
    const work = [{ id: 'a', text: 'short' }, { id: 'b', text: 'long long long' }, { id: 'c', text: 'fine' }];
    const result = await run(fake.translator, work).promise;
    expect(fake.ids()).toEqual([['a', 'b', 'c'], ['a', 'b'], ['a'], ['b'], ['c']]);
    expect([...result.translated.keys()]).toEqual(['a', 'c']);
    expect(result.failed).toEqual([{ id: 'b', reason: 'truncated: cut off' }]);
  });

  it('re-asks only the missing and invalid items, alone, and ignores unknown ids', async () => {
    const fake = fakeTranslator((request, call) => {
      if (call > 1) return echo(request);
      return {
        translations: [
          { id: 's1', text: 'T(text 1)' },
          { id: 's2', text: 'BAD' },
          { id: 's9', text: 'invented' },
          { id: 's4', text: '   ' },
        ],
      };
    });
    const validate = (_item: WorkItem, text: string) => (text === 'BAD' ? 'looks bad' : undefined);
    const { promise, batchesDone, retries, sleeps } = run(fake.translator, items(4), { validate });
    const result = await promise;
    expect(fake.ids()).toEqual([['s1', 's2', 's3', 's4'], ['s2', 's3', 's4']]);
    expect(result.translated.get('s2')).toBe('T(text 2)');
    expect(result.translated.has('s9')).toBe(false);
    expect(batchesDone.map((b) => b.map((r) => r.id))).toEqual([['s1'], ['s2', 's3', 's4']]);
    expect(retries[0]).toMatchObject({ attempt: 2, delayMs: 0 });
    expect(sleeps).toEqual([]);
  });

  it('counts attempts per item and fails only the item that never validates', async () => {
    const fake = fakeTranslator((request) => ({
      translations: request.segments.map((s) => ({ id: s.id, text: s.id === 's2' ? 'BAD' : 'ok' })),
    }));
    const validate = (_item: WorkItem, text: string) => (text === 'BAD' ? 'placeholder ⟦0⟧ missing' : undefined);
    const result = await run(fake.translator, items(3), { validate, maxAttempts: 3 }).promise;
    expect(fake.ids()).toEqual([['s1', 's2', 's3'], ['s2'], ['s2']]);
    expect(result.failed).toEqual([{ id: 's2', reason: 'placeholder ⟦0⟧ missing' }]);
    expect(result.translated.size).toBe(2);
  });

  it('stops everything on quota: no retry, no further request, remaining items failed', async () => {
    const fake = fakeTranslator(() => {
      throw new TranslatorError('quota exhausted', { kind: 'quota', status: 456 });
    }, { maxSegmentsPerRequest: 2, maxCharactersPerRequest: 100 });
    const { promise, sleeps, batchesDone } = run(fake.translator, items(5));
    const result = await promise;
    expect(result.requests).toBe(1);
    expect(sleeps).toEqual([]);
    expect(batchesDone).toEqual([]);
    expect(result.stoppedBy?.kind).toBe('quota');
    expect(result.failed.map((f) => f.id)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    expect(result.failed[0]?.reason).toBe('quota: quota exhausted');
    expect(result.failed[4]?.reason).toMatch(/^the run stopped after quota: quota exhausted/);
  });

  it('stops on auth while other batches wait in a backoff', async () => {
    const fake = fakeTranslator((request) => {
      if (request.segments[0]?.id === 's1') throw new TranslatorError('busy', { kind: 'overloaded' });
      throw new TranslatorError('key rejected', { kind: 'auth', status: 401 });
    }, { maxSegmentsPerRequest: 1, maxCharactersPerRequest: 100 });
    const result = await run(fake.translator, items(2), { concurrency: 2 }).promise;
    expect(result.stoppedBy?.kind).toBe('auth');
    expect(result.failed.map((f) => f.id)).toEqual(['s1', 's2']);
    expect(result.requests).toBe(2);
  });

  it('passes each request\'s results to onBatchDone as it finishes, one call at a time', async () => {
    let writing = 0;
    let overlapped = false;
    const order: string[] = [];
    const fake = fakeTranslator(
      async (request) => {
        // Later batches answer first, so completion order differs from item order.
        const n = Number(request.segments[0]?.id.slice(1));
        await new Promise((resolve) => setTimeout(resolve, 30 - n * 5));
        return echo(request);
      },
      { maxSegmentsPerRequest: 1, maxCharactersPerRequest: 100 },
    );
    const result = await runBatches({
      translator: fake.translator,
      items: items(4),
      source: 'zh',
      target: 'en',
      glossary: [],
      context: () => ({ before: [], after: [] }),
      concurrency: 4,
      timeoutMs: 1_000,
      maxAttempts: 1,
      onBatchDone: async (results) => {
        if (writing > 0) overlapped = true;
        writing += 1;
        await new Promise((resolve) => setTimeout(resolve, 10));
        order.push(...results.map((r) => r.id));
        writing -= 1;
      },
    });
    expect(overlapped).toBe(false);
    expect(order).toEqual(['s4', 's3', 's2', 's1']);
    expect([...result.translated.keys()]).toEqual(['s1', 's2', 's3', 's4']);
  });

  it('turns a request that outlives timeoutMs into a timeout and retries it', async () => {
    const fake = fakeTranslator((request, call) => {
      // The first call ignores its signal and never answers: the core must not wait for it.
      if (call === 1) return new Promise<TranslationResponse>(() => undefined);
      return echo(request);
    });
    const { promise, retries } = run(fake.translator, items(1), { timeoutMs: 30 });
    const result = await promise;
    expect(fake.requests[0]?.signal.aborted).toBe(true);
    expect(retries[0]?.reason).toBe('timeout: no answer within 30 ms');
    expect(result.translated.get('s1')).toBe('T(text 1)');
  });

  it('sends only the glossary entries a batch uses, the engine context, and previous versions', async () => {
    const fake = fakeTranslator(echo, { maxSegmentsPerRequest: 1, maxCharactersPerRequest: 100 });
    const work: WorkItem[] = [
      { id: 'a', text: '使用 Markdown 写作' },
      { id: 'b', text: '翻译记忆', previous: { source: '旧的', translation: 'old' } },
    ];
    const contextCalls: string[][] = [];
    await run(fake.translator, work, {
      glossary: [
        { source: 'markdown', target: 'Markdown' },
        { source: '翻译记忆', target: 'translation memory' },
        { source: '术语', target: 'term' },
      ],
      context: (ids) => {
        contextCalls.push(ids);
        return { before: [`before ${ids.join()}`], after: [] };
      },
    }).promise;
    expect(fake.requests.map((r) => r.glossary.map((g) => g.target))).toEqual([['Markdown'], ['translation memory']]);
    expect(contextCalls).toEqual([['a'], ['b']]);
    expect(fake.requests[1]?.context.before).toEqual(['before b']);
    expect(fake.requests[1]?.segments[0]?.previous).toEqual({ source: '旧的', translation: 'old' });
    expect(fake.requests[0]?.source).toBe('zh');
  });

  it('gives every request the whole glossary beside its own terms, the same for every request', async () => {
    const fake = fakeTranslator(echo, { maxSegmentsPerRequest: 1, maxCharactersPerRequest: 100 });
    const glossary = [{ source: '术语', target: 'term' }, { source: '记忆', target: 'memory' }];
    await run(fake.translator, [{ id: 'a', text: '术语' }, { id: 'b', text: '别的' }], { glossary }).promise;
    expect(fake.requests.map((r) => r.glossary.length)).toEqual([1, 0]);
    expect(fake.requests.map((r) => r.fullGlossary)).toEqual([glossary, glossary]);
  });

  it('leaves out a neighbour as context wherever it sits in the same request', async () => {
    const fake = fakeTranslator(echo);
    const item = (document: string, position: number): WorkItem => ({
      id: `${document}${position}`, text: `${document}${position}`, document, position, context: { before: [`${document}${position - 1}`], after: [`${document}${position + 1}`] },
    });
    // a2 and a3 are neighbours in their document but not in the request; b3 is of another document.
    await run(fake.translator, [item('a', 2), item('b', 3), item('a', 3)]).promise;
    expect(fake.requests[0]?.segments.map((s) => s.context)).toEqual([
      { before: ['a1'], after: [] },
      { before: ['b2'], after: ['b4'] },
      { before: [], after: ['a4'] },
    ]);
  });

  it('sums usage and reports progress', async () => {
    const fake = fakeTranslator((request) => ({ ...echo(request), usage: { inputTokens: 10, outputTokens: 5, cachedInputTokens: 4, characters: 3 } }), {
      maxSegmentsPerRequest: 1,
      maxCharactersPerRequest: 100,
    });
    const progress: { done: number; failed: number; requests: number; total: number }[] = [];
    const result = await run(fake.translator, items(3), { onProgress: (p) => progress.push(p) }).promise;
    expect(result.usage).toEqual({ inputTokens: 30, outputTokens: 15, cachedInputTokens: 12, characters: 9 });
    expect(progress.at(-1)).toEqual({ done: 3, total: 3, failed: 0, requests: 3 });
  });

  it('reports remaining items as cancelled when the caller aborts', async () => {
    const controller = new AbortController();
    const fake = fakeTranslator((request, call) => {
      if (call === 1) controller.abort();
      return echo(request);
    }, { maxSegmentsPerRequest: 1, maxCharactersPerRequest: 100 });
    const result = await run(fake.translator, items(3), { signal: controller.signal }).promise;
    expect(result.requests).toBe(1);
    expect(result.failed.every((f) => f.reason === 'cancelled')).toBe(true);
    expect(result.stoppedBy).toBeUndefined();
  });

  it('rejects when the engine cannot persist a batch, without sending more', async () => {
    const fake = fakeTranslator(echo, { maxSegmentsPerRequest: 1, maxCharactersPerRequest: 100 });
    const { promise } = run(fake.translator, items(3), {
      onBatchDone: async () => {
        throw new Error('disk full');
      },
    });
    await expect(promise).rejects.toThrow('disk full');
    expect(fake.requests).toHaveLength(1);
  });

  it('treats a plain error from an adapter as retryable', async () => {
    const fake = fakeTranslator((request, call) => {
      if (call === 1) throw new Error('something odd');
      return echo(request);
    });
    const { promise, retries } = run(fake.translator, items(1));
    expect((await promise).translated.size).toBe(1);
    expect(retries[0]?.reason).toBe('server: something odd');
  });
});

import { describe, expect, it } from 'vitest';
import { buildLlmPrompt } from '../../src/translate/llm-prompt.js';
import { runBatches, type WorkItem } from '../../src/translate/run-batches.js';
import type { TranslationRequest, Translator } from '../../src/translate/translator.js';

describe('a request that spans documents', () => {
  it('gives each segment its own neighbours, and does not repeat a neighbour that is in the request', async () => {
    const requests: TranslationRequest[] = [];
    const translator: Translator = {
      name: 'fake',
      limits: { maxSegmentsPerRequest: 10, maxCharactersPerRequest: 10_000 },
      async translate(request) {
        requests.push(request);
        return { translations: request.segments.map((s) => ({ id: s.id, text: `T ${s.text}` })) };
      },
    };
    const item = (document: string, position: number, text: string, before: string, after: string): WorkItem => ({
      id: `${document}.${position}`, text, document, position, context: { before: [before], after: [after] },
    });
    const items = [item('a', 3, 'A3', 'A2', 'A4'), item('a', 4, 'A4', 'A3', 'A5'), item('b', 0, 'B0', '', 'B1')].map((i) => ({ ...i, context: { before: i.context?.before.filter(Boolean) ?? [], after: i.context?.after ?? [] } }));
    const result = await runBatches({ translator, items, source: 'zh', target: 'en', glossary: [], concurrency: 1, timeoutMs: 1000, maxAttempts: 1, onBatchDone: async () => {} });
    expect(result.requests).toBe(1);
    const segments = requests[0]?.segments ?? [];
    expect(segments.map((s) => s.context)).toEqual([{ before: ['A2'], after: [] }, { before: [], after: ['A5'] }, { before: [], after: ['B1'] }]);

    const prompt = buildLlmPrompt(requests[0] as TranslationRequest);
    const data = JSON.parse(prompt.user);
    expect(data.context).toEqual({ 'a.3': { before: 'A2' }, 'a.4': { after: 'A5' }, 'b.0': { after: 'B1' } });
    expect(data.context_before).toBeUndefined();
    expect(prompt.system).toContain('several documents');
  });
});

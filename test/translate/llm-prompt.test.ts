import { describe, expect, it } from 'vitest';
import { buildLlmPrompt } from '../../src/translate/llm-prompt.js';
import { sourceChange } from '../../src/translate/source-change.js';
import { cacheableGlossary } from '../helpers/fake-prompt-cache.js';
import type { GlossaryEntry, RequestSegment, TranslationRequest } from '../../src/translate/translator.js';

function request(segments: RequestSegment[], glossary: GlossaryEntry[] = [], fullGlossary?: GlossaryEntry[]): TranslationRequest {
  return { source: 'zh', target: 'en', segments, context: { before: [], after: [] }, glossary, ...(fullGlossary ? { fullGlossary } : {}), signal: new AbortController().signal };
}

describe('the LLM prompt', () => {
  it('keeps the instructions byte-identical whatever the batch holds', () => {
    const plain = buildLlmPrompt(request([{ id: 'a', text: '一' }]));
    const rich = buildLlmPrompt(
      request(
        [
          { id: 'b', text: '使用术语', previous: { source: '用术语', translation: 'Use the term' }, context: { before: ['前文'], after: ['后文'] } },
        ],
        [{ source: '术语', target: 'term', variants: ['terms'], note: 'the glossary sense' }],
      ),
    );
    expect(rich.system).toBe(plain.system);
    expect(plain.system).toMatch(/Chinese \(zh\) to English \(en\)/);
  });

  it('sends compact JSON, the glossary first, as one short string per term', () => {
    const prompt = buildLlmPrompt(request([{ id: 'a', text: '术语和角色' }], [{ source: '术语', target: 'term', variants: ['terms'], note: 'the glossary sense' }, { source: '角色', target: 'persona' }]));
    expect(prompt.user).toBe('{"glossary":{"术语":"term (terms) — the glossary sense","角色":"persona"},"segments":{"a":"术语和角色"}}');
  });

  it('puts the whole glossary after the instructions when that prefix is long enough to cache, and only the batch terms otherwise', () => {
    const whole = cacheableGlossary();
    const cached = buildLlmPrompt(request([{ id: 'a', text: '专业术语第1号' }], [whole[1] as GlossaryEntry], whole));
    const other = buildLlmPrompt(request([{ id: 'b', text: '专业术语第2号' }], [whole[2] as GlossaryEntry], whole));
    expect(cached.system).toBe(other.system);
    expect(cached.system).toContain('"专业术语第99号":"technical term number 99"');
    expect(JSON.parse(cached.user)).toEqual({ segments: { a: '专业术语第1号' } });

    const small = [{ source: '术语', target: 'term' }, { source: '角色', target: 'persona' }];
    const filtered = buildLlmPrompt(request([{ id: 'a', text: '术语' }], [small[0] as GlossaryEntry], small));
    expect(filtered.system).not.toContain('persona');
    expect(JSON.parse(filtered.user)).toEqual({ glossary: { 术语: 'term' }, segments: { a: '术语' } });
  });

  it('sends a stale segment its old translation and the change, not the whole old source', () => {
    const before = '目前，这些模型可以连贯地工作五分钟。我们希望它们能够完成人类需要一小时才能完成的任务。';
    const after = '目前，这些模型可以连贯地工作十分钟。我们希望它们能够完成人类需要一小时才能完成的任务。';
    const prompt = buildLlmPrompt(request([{ id: 'a', text: after, previous: { source: before, translation: 'They work for five minutes.' } }]));
    const data = JSON.parse(prompt.user) as { previous: Record<string, unknown> };
    expect(data.previous).toEqual({ a: { translation: 'They work for five minutes.', changes: [['贯地工作五分钟。我', '贯地工作十分钟。我']] } });
    expect(prompt.user).not.toContain(before);
    expect(prompt.system).toMatch(/smallest edit/);
  });

  it('cuts a long neighbour to the sentences nearest the segment', () => {
    const far = '远'.repeat(300);
    const prompt = buildLlmPrompt(request([{ id: 'a', text: '一', context: { before: [`${far}近的结尾。`], after: [`近的开头。${far}`] } }]));
    const context = (JSON.parse(prompt.user) as { context: { a: { before: string; after: string } } }).context.a;
    expect(context.before.endsWith('近的结尾。')).toBe(true);
    expect(context.after.startsWith('近的开头。')).toBe(true);
    expect(context.before.length + context.after.length).toBeLessThan(300);
  });
});

describe('sourceChange', () => {
  it('gives each change with a few unchanged characters around it', () => {
    expect(sourceChange('这是一个很长的句子用于测试，中间改一个字吧，后面还有一些内容。', '这是一个很长的句子用于测试，中间改两个字吧，后面还有一些内容。')).toEqual([['，中间改一个字吧，', '，中间改两个字吧，']]);
    expect(sourceChange('The quick brown fox jumps over the lazy dog today.', 'A quick brown fox jumps over the lazy cat today.')).toEqual([['The qui', 'A qui'], ['azy dog tod', 'azy cat tod']]);
  });

  it('covers additions at either end', () => {
    expect(sourceChange('同一句话，这是一个很长的句子用于测试。', '同一句话，这是一个很长的句子用于测试。新增一句。')).toEqual([['于测试。', '于测试。新增一句。']]);
    expect(sourceChange('开头删掉。然后保留这些内容，这是一个很长的句子。', '然后保留这些内容，这是一个很长的句子。')).toEqual([['开头删掉。然后保留', '然后保留']]);
  });

  it('gives nothing when the excerpts would be as long as the old source', () => {
    expect(sourceChange('使用 MD', '使用 Markdown')).toBeUndefined();
    expect(sourceChange('完全不同的一句话', '另一个意思')).toBeUndefined();
  });
});

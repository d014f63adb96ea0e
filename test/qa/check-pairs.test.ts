import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPairs } from '../../src/qa/check-pairs.js';
import type { QaPair } from '../../src/qa/qa-types.js';
import type { GlossaryEntry } from '../../src/translate/translator.js';

const fixtures = new URL('../fixtures/', import.meta.url);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, fixtures), 'utf8')) as T;
const options = { sourceLanguage: 'zh', targetLanguage: 'en' };

describe('checkPairs on golden files', () => {
  it('finds every planted defect with the right check and segment, and nothing else', () => {
    const pairs = readJson<QaPair[]>('qa-defects/pairs.json');
    const glossary = readJson<GlossaryEntry[]>('qa-defects/glossary.json');
    const expected = readJson<{ check: string; segmentId: string }[]>('qa-defects/expected.json');
    const findings = checkPairs(pairs, { ...options, glossary });
    expect(findings.map(({ check, segmentId }) => ({ check, segmentId }))).toEqual(expected);
    const checks = new Set(expected.map((defect) => defect.check));
    expect(checks.size).toBe(9);
  });

  it('finds nothing in a clean translation', () => {
    const pairs = readJson<QaPair[]>('qa-clean/pairs.json');
    const glossary = readJson<GlossaryEntry[]>('qa-clean/glossary.json');
    expect(pairs.length).toBeGreaterThanOrEqual(20);
    expect(checkPairs(pairs, { ...options, glossary })).toEqual([]);
  });
});

describe('checkPairs', () => {
  it('skips pairs with no translation', () => {
    expect(checkPairs([{ id: 'a', source: '三十个例子' }], options)).toEqual([]);
  });

  it('drops findings a reviewer marked as intended, and only those', () => {
    const pair: QaPair = { id: 'a', source: '三十个**例子**', translation: '40 examples ', allowedFindings: ['numbers'] };
    expect(checkPairs([pair], options).map((finding) => finding.check)).toEqual(['inline-structure', 'whitespace']);
    const allowAll = { ...pair, allowedFindings: ['numbers', 'inline-structure', 'whitespace'] };
    expect(checkPairs([allowAll], options)).toEqual([]);
  });

  it('reports only the emptiness of an empty translation, with the pair line', () => {
    expect(checkPairs([{ id: 'a', source: '三十个**例子**', translation: ' ', line: 12 }], options)).toEqual([
      { check: 'empty', segmentId: 'a', line: 12, message: 'the translation is only whitespace' },
    ]);
  });

  it('reports only the identity of an untranslated copy', () => {
    expect(checkPairs([{ id: 'a', source: '三十个**例子**', translation: '三十个**例子**' }], options).map((f) => f.check)).toEqual([
      'identical',
    ]);
  });

  it('uses the glossary from the options', () => {
    const glossary: GlossaryEntry[] = [{ source: '术语表', target: 'glossary' }];
    const pair: QaPair = { id: 'a', source: '术语表', translation: 'term list' };
    expect(checkPairs([pair], options)).toEqual([]);
    expect(checkPairs([pair], { ...options, glossary }).map((finding) => finding.check)).toEqual(['glossary']);
  });

  it('compares each pair with the whole document for length-ratio', () => {
    const source = '这是一个足够长的句子，用来计算译文与原文的长度比例。';
    const pairs: QaPair[] = [
      { id: 'a', source, translation: 'x'.repeat(78) },
      { id: 'b', source, translation: 'x'.repeat(80) },
      { id: 'c', source, translation: 'x'.repeat(76) },
      { id: 'cut', source, translation: 'x'.repeat(20) },
    ];
    expect(checkPairs(pairs, options).map((finding) => [finding.check, finding.segmentId])).toEqual([['length-ratio', 'cut']]);
  });
});

import { describe, expect, it } from 'vitest';
import { identical } from '../../../src/qa/checks/identical.js';
import type { QaContext } from '../../../src/qa/qa-types.js';

const context: QaContext = { glossary: [], sourceLanguage: 'zh', targetLanguage: 'en', medianLengthRatio: undefined };
const check = (source: string, translation: string, options: Partial<QaContext> = {}): string[] =>
  identical({ id: 's1', source, translation }, { ...context, ...options }).map((finding) => finding.message);

describe('identical', () => {
  it('reports a translation that is the source unchanged, ignoring whitespace', () => {
    expect(check('请勿修改带有锁定标记的内容。', '请勿修改带有锁定 标记的内容。\n')).toEqual([
      'the translation is the source text unchanged: "请勿修改带有锁定标记的内容。"',
    ]);
  });

  it('shortens a long source in the message', () => {
    const source = '这'.repeat(50);
    expect(check(source, source)).toEqual([`the translation is the source text unchanged: "${'这'.repeat(40)}…"`]);
  });

  it('accepts copies of text without source-script letters: names, numbers, code', () => {
    expect(check('**GPT-4**', '**GPT-4**')).toEqual([]);
    expect(check('`npm test`', '`npm test`')).toEqual([]);
    expect(check('2027', '2027')).toEqual([]);
  });

  it('accepts a real translation', () => {
    expect(check('你好', 'Hello')).toEqual([]);
  });

  it('uses the letters of any script for a Latin-script source', () => {
    expect(check('Bonjour le monde', 'Bonjour le monde', { sourceLanguage: 'fr', targetLanguage: 'de' })).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { untranslated } from '../../../src/qa/checks/untranslated.js';
import type { QaContext } from '../../../src/qa/qa-types.js';

const context: QaContext = { glossary: [], sourceLanguage: 'zh', targetLanguage: 'en', medianLengthRatio: undefined };
const check = (translation: string, options: Partial<QaContext> = {}): string[] =>
  untranslated({ id: 's1', source: '源文', translation }, { ...context, ...options }).map((finding) => finding.message);

describe('untranslated', () => {
  it('reports Han characters left in an English translation', () => {
    expect(check('The 配置文件 decides the 语言.')).toEqual([
      'source-script text left in the translation: "配置文件", "语言"',
    ]);
  });

  it('accepts a translation without source-script letters, whatever its punctuation', () => {
    expect(check('“Machine translation” and review — 100%.')).toEqual([]);
  });

  it('ignores inline code and URLs, which are copied as they are', () => {
    expect(check('Print `你好` as in [the example](https://x.example/你好).')).toEqual([]);
  });

  it('derives the script from the source language', () => {
    expect(check('これは test です', { sourceLanguage: 'ja' })).toEqual([
      'source-script text left in the translation: "これは", "です"',
    ]);
    expect(check('Это test', { sourceLanguage: 'ru-RU' })).toEqual(['source-script text left in the translation: "Это"']);
  });

  it('does not check a script the target language uses too', () => {
    expect(check('这是日本語', { sourceLanguage: 'ja', targetLanguage: 'zh' })).toEqual([]);
    expect(check('Ceci est un test', { sourceLanguage: 'en', targetLanguage: 'fr' })).toEqual([]);
  });

  it('shortens a long list of leftovers', () => {
    expect(check('一 a 二 b 三 c 四 d 五 e 六 f 七')).toEqual([
      'source-script text left in the translation: "一", "二", "三", "四", "五" and 2 more',
    ]);
  });
});

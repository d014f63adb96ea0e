import { describe, expect, it } from 'vitest';
import { isAlreadyInTarget } from '../../src/plan/already-in-target.js';
import { bitext, readText, tempProject } from '../helpers/temp-project.js';
import { recordingTranslator } from '../helpers/recording-translator.js';

describe('isAlreadyInTarget', () => {
  it('is judged by script: no source-script letters, some target-script letters', () => {
    expect(isAlreadyInTarget('This paragraph is in English.', [], 'zh', 'en')).toBe(true);
    expect(isAlreadyInTarget('This paragraph mentions 中文 once.', [], 'zh', 'en')).toBe(false);
    expect(isAlreadyInTarget('Привет, мир', [], 'ru', 'en')).toBe(false);
  });

  it('ignores protected spans: Chinese inside code does not make prose Chinese', () => {
    const text = 'Run `echo 你好` first.';
    expect(isAlreadyInTarget(text, [{ start: 4, end: 14 }], 'zh', 'en')).toBe(true);
    expect(isAlreadyInTarget(text, [], 'zh', 'en')).toBe(false);
  });

  it('cannot decide between languages of one script, nor from a script the target shares', () => {
    expect(isAlreadyInTarget('Dies ist Deutsch.', [], 'de', 'en')).toBe(false);
    expect(isAlreadyInTarget('English text', [], 'zh', 'ja')).toBe(false);
    expect(isAlreadyInTarget('12 345', [], 'zh', 'en')).toBe(false);
  });
});

describe('a segment already in the target language', () => {
  it('is copied, not sent, and marked origin=copy in the bilingual document and by status', async () => {
    const dir = tempProject({ 'content/doc.md': '# 标题\n\nThis paragraph is already in English, with `代码`.\n\n第二段是中文。\n' });
    const recorder = recordingTranslator(dir);
    const result = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'command', '--command', recorder.command]);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(result.stdout).toContain('1 copied (already in the target language)');
    const sent = recorder.sent().map((s) => s.text);
    expect(sent).toHaveLength(2);
    expect(sent.join('\n')).not.toContain('already in English');
    expect(readText(dir, 'translations/doc.en.md')).toContain('\nThis paragraph is already in English, with `代码`.\n');
    expect(readText(dir, 'translations/doc.zh-en.md')).toMatch(/origin=copy/);
    const status = await bitext(dir, ['status', 'content/doc.md', '--check']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('copy 1');
    const dry = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo', '--dry-run']);
    expect(dry.stdout).toContain('would send 0 segment(s)');
  });

  it('a dry run counts it as copied, not as sent', async () => {
    const dir = tempProject({ 'content/doc.md': 'Only English here.\n\n中文段落。\n' });
    const dry = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo', '--dry-run']);
    expect(dry.stdout).toContain('would send 1 segment(s)');
    expect(dry.stdout).toContain('would copy 1 segment(s) already in the target language');
  });
});

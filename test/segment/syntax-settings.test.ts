import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSyntax, usesTexMath } from '../../src/dialect/load-syntax.js';
import { syntaxFor } from '../../src/engine/load-document.js';
import { InputError } from '../../src/model/errors.js';
import { MAX_NESTING_DEPTH } from '../../src/parse/check-nesting-depth.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { maskProtected } from '../../src/segment/mask-protected.js';
import { segmentDocument } from '../../src/segment/segment-document.js';
import { bitext, tempProject } from '../helpers/temp-project.js';

async function wires(text: string, settings: { dialect?: string[]; math?: boolean | 'auto' } = {}): Promise<string[]> {
  const syntax = await syntaxFor('doc.md', text, settings);
  return segmentDocument(text, parseMarkdown(text, { syntax }), { syntax }).map((s) => maskProtected(s.text, s.protectedSpans).wire);
}

describe('math is a setting', () => {
  const prices = '价格是 $5，打折后 $3 就能买到这本很好的书。\n';

  it('is off by default: `$` signs are prose', async () => {
    expect(await wires(prices)).toEqual([prices.trim()]);
  });

  it('is on with `math: true`, and on automatically where the document has `$$` blocks', async () => {
    const tex = '质能方程 $E = mc^2$ 很有名。\n\n$$\nx^2\n$$\n';
    expect(usesTexMath(tex)).toBe(true);
    expect(usesTexMath(prices)).toBe(false);
    expect(await wires(tex)).toEqual(['质能方程 ⟦1⟧ 很有名。']);
    expect(await wires('质能方程 $E = mc^2$ 很有名。\n', { math: true })).toEqual(['质能方程 ⟦1⟧ 很有名。']);
    expect(await wires(tex, { math: false })).toEqual(['质能方程 $E = mc^2$ 很有名。', '$$\nx^2\n$$']);
  });

  it('a math span holding CJK prose is suspect: it is sent as text, not protected', async () => {
    expect(await wires('命令 $ls 然后看看输出的结果$ 就行。\n', { math: true })).toEqual(['命令 $ls 然后看看输出的结果$ 就行。']);
  });

  it('loads remark-math only when math is on', async () => {
    expect((await loadSyntax(['gfm'], false)).extensions).toHaveLength(0);
    expect((await loadSyntax(['gfm'], true)).extensions).toHaveLength(1);
  });
});

describe('a document that opens with `---`', () => {
  it('is Markdown when what follows is no YAML mapping (a thematic break and a setext heading)', async () => {
    const dir = tempProject({ 'content/doc.md': '---\n标题\n---\n正文。\n' });
    const result = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
    expect(result.code, result.stderr).toBe(0);
    expect(await wires('---\n标题\n---\n正文。\n')).toEqual(['标题', '正文。']);
    expect(await wires('---\r\n标题\r\n---\r\n正文。\r\n')).toEqual(['标题', '正文。']);
  });

  it('is still front matter, and an error with its line, when it is a broken mapping', async () => {
    const dir = tempProject({ 'content/doc.md': '---\ntitle: 标题\nsummary: "未闭合\n---\n正文。\n' });
    const result = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/content\/doc\.md:\d+/);
    expect(result.stderr).toContain('front matter');
  });

  it('reads title, description and summary by default', async () => {
    expect(await wires('---\ntitle: 标题\ndescription: 描述\nsummary: 摘要\nauthor: 作者\n---\n')).toEqual(['标题', '描述', '摘要']);
  });
});

describe('nesting depth', () => {
  const deepList = Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- 项目`).join('\n');

  it('a 1,000-deep list is an InputError naming the file and line, before the parser runs', () => {
    expect(() => parseMarkdown(deepList, { file: 'deep.md' })).toThrow(InputError);
    try {
      parseMarkdown(deepList, { file: 'deep.md' });
    } catch (error) {
      expect((error as InputError).format()).toMatch(/^deep\.md:\d+: lists or block quotes nest/);
    }
  });

  it('covers one-line markers and block quotes, and exits 2 from the CLI without writing', async () => {
    expect(() => parseMarkdown(`${'> '.repeat(MAX_NESTING_DEPTH + 1)}引用`)).toThrow(InputError);
    expect(() => parseMarkdown(`${'- '.repeat(MAX_NESTING_DEPTH + 1)}项`)).toThrow(InputError);
    const dir = tempProject({ 'content/doc.md': `${'>'.repeat(1000)} 引用\n` });
    const result = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('content/doc.md:1');
  });

  it('leaves ordinary nesting and code blocks alone', () => {
    expect(() => parseMarkdown(Array.from({ length: 20 }, (_, i) => `${' '.repeat(i * 2)}- 项`).join('\n'))).not.toThrow();
    expect(() => parseMarkdown(`\`\`\`\n${'- '.repeat(500)}\n\`\`\`\n`)).not.toThrow();
  });
});

describe('the dialect setting', () => {
  it('rejects an unknown dialect in the config with exit 2', async () => {
    const dir = tempProject({ 'bitext.config.json': '{ "dialect": "wordpress" }', 'content/doc.md': '正文。\n' });
    const result = await bitext(dir, ['status', 'content/doc.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown dialect "wordpress"');
  });

  it('invalid MDX is an InputError with file, line and column; nothing is written', async () => {
    const dir = tempProject({ 'content/doc.mdx': '# 标题\n\n一段 <https://example.com> 文字。\n' });
    const result = await bitext(dir, ['translate', 'content/doc.mdx', '--translator', 'pseudo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('content/doc.mdx:3:11: cannot read this as MDX');
    expect(existsSync(join(dir, 'translations'))).toBe(false);
  });

  it('reads `.mdx` files as MDX without configuration', async () => {
    const text = 'import X from "x";\n\n一段<X a="属性">文字</X>。\n';
    const syntax = await syntaxFor('page.mdx', text, {});
    const segments = segmentDocument(text, parseMarkdown(text, { syntax }), { syntax });
    expect(segments.map((s) => maskProtected(s.text, s.protectedSpans).wire)).toEqual(['一段⟦1⟧文字⟦2⟧。']);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntaxFor } from '../../src/engine/load-document.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { segmentDocument } from '../../src/segment/segment-document.js';
import { bitext, REPO, tempProject, writeFile } from '../helpers/temp-project.js';
import { recordingTranslator } from '../helpers/recording-translator.js';

const FIXTURES = join(REPO, 'test', 'fixtures', 'dialects');

/** Per fixture: syntax that must never reach the translator, and text that must. */
const EXPECT: Record<string, { never: string[]; sent: string[] }> = {
  docusaurus: {
    never: ['import ', 'export ', '<Tabs', '<TabItem', 'groupId', '使用 npm', '使用 Yarn', '{#', ':::', '我的包', '这段注释', 'props.version', '#25c2a0', 'sidebar_position', 'Highlight'],
    sent: ['如何在本地安装并运行这个项目。', '这里介绍如何在⟦1⟧本地环境⟦2⟧中安装', '系统要求', '小提示', '建议使用 **Node.js 20** 或更高版本。', '用 Yarn 也可以安装依赖。'],
  },
  vitepress: {
    never: [':::', 'tip', 'warning', 'danger', 'details', '{#', '你好', 'title=', 'outline', 'info', '$frontmatter'],
    sent: ['快速开始', '提示', '这是一个提示容器，里面的内容会被翻译。', '危险区域', '列表项一', '点击查看代码', '带属性的容器。', '五分钟上手一个站点。', '当前页面的标题是 ⟦2⟧。'],
  },
  hugo: {
    never: ['{{<', '{{%', '{#', '你好', '世界', '一只猫', '猫的图片', '其他文章', 'notice', 'youtube'],
    sent: ['简介', '这是提示框里的内容，支持 **Markdown**。', '请参考 ⟦1⟧ 获取更多信息。', '用 Hugo 写的一篇文章。'],
  },
  hexo: {
    never: ['{%', '{{', '你好', '再见', '这里不是模板', 'more', '孔子', '示例图片', 'site.url'],
    sent: ['这是一个信息提示框。', '学而时习之，不亦说乎。', '图片在这里：', '站点地址是 ⟦1⟧，欢迎访问。'],
  },
  html: {
    never: ['<p', '<img', '<h1', 'align', '预格式化', '这是给作者看的注释', '<details', '<summary', 'logo.png', 'href', 'kbd'],
    sent: ['⟦1⟧项目标志⟦2⟧', '我的项目', '一个⟦1⟧快速⟦2⟧的工具。⟦3⟧支持多种平台。', '点击展开', '这里是 Markdown 内容。', '⟦5⟧截图⟦6⟧', '构建状态'],
  },
};

const variants: Record<string, (text: string) => string> = {
  LF: (t) => t,
  CRLF: (t) => t.replace(/\n/g, '\r\n'),
  BOM: (t) => `\uFEFF${t}`,
  // LF up to the middle blank line, CRLF after it: each paragraph keeps one style (mixed endings
  // inside one paragraph are a separate defect of the renderer).
  mixed: (t) => {
    const middle = t.indexOf('\n\n', Math.floor(t.length / 2));
    return t.slice(0, middle + 2) + t.slice(middle + 2).replace(/\n/g, '\r\n');
  },
};

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function fixture(name: string): { file: string; text: string; config: string } {
  const folder = join(FIXTURES, name);
  const file = readdirSync(folder).find((f) => f.startsWith('doc.')) as string;
  return { file, text: readFileSync(join(folder, file), 'utf8'), config: readFileSync(join(folder, 'bitext.config.json'), 'utf8') };
}

/** The translatable text of every segment of a document: what is left when protected spans are cut out. */
async function translatableTexts(path: string, text: string, dialect: string[]): Promise<string[]> {
  const syntax = await syntaxFor(path, text, { dialect });
  return segmentDocument(text, parseMarkdown(text, { syntax }), { syntax }).map((segment) => {
    let rest = '';
    let cursor = 0;
    for (const span of segment.protectedSpans) {
      rest += segment.text.slice(cursor, span.start);
      cursor = Math.max(cursor, span.end);
    }
    return rest + segment.text.slice(cursor);
  });
}

describe('dialect fixtures', () => {
  it('cover every fixture folder', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(Object.keys(EXPECT).sort());
  });

  for (const [name, expected] of Object.entries(EXPECT)) {
    for (const [variant, transform] of Object.entries(variants)) {
      it(`${name}, ${variant}: identity round trip is byte-identical and no protected syntax is sent`, async () => {
        const { file, text, config } = fixture(name);
        const source = transform(text);
        const dir = tempProject({ 'bitext.config.json': config });
        writeFile(dir, `content/${file}`, source);
        const identity = recordingTranslator(dir, 'identity');
        const result = await bitext(dir, ['translate', `content/${file}`, '--translator', 'command', '--command', identity.command, '--no-validate']);
        expect(result.code, result.stderr + result.stdout).toBe(0);
        const target = readFileSync(join(dir, 'translations', file.replace(/\.(mdx?)$/, '.en.$1')));
        expect(Buffer.compare(target, Buffer.from(source)), target.toString()).toBe(0);

        const sent = identity.sent().map((s) => s.text.replace(/\r/g, ''));
        const all = sent.join('\n');
        for (const secret of expected.never) expect(all, secret).not.toContain(secret);
        for (const text of expected.sent) expect(sent.some((s) => s.includes(text)), text).toBe(true);

        // The bilingual document reads back: everything current, a second run sends nothing.
        const status = await bitext(dir, ['status', `content/${file}`, '--check']);
        expect(status.code, status.stdout + status.stderr).toBe(0);
        const again = await bitext(dir, ['translate', `content/${file}`, '--translator', 'command', '--command', identity.command, '--no-validate']);
        expect(again.code).toBe(0);
        expect(identity.sent()).toHaveLength(sent.length);
      });
    }

    it(`${name}: with the pseudo translator no CJK prose is left outside code and protected spans`, async () => {
      const { file, text, config } = fixture(name);
      const dir = tempProject({ 'bitext.config.json': config, [`content/${file}`]: text });
      const result = await bitext(dir, ['translate', `content/${file}`, '--translator', 'pseudo']);
      expect(result.code, result.stderr + result.stdout).toBe(0);
      const targetPath = `translations/${file.replace(/\.(mdx?)$/, '.en.$1')}`;
      const target = readFileSync(join(dir, targetPath), 'utf8');
      const dialect = (JSON.parse(config) as { dialect?: string }).dialect;
      const left = (await translatableTexts(targetPath, target, dialect ? [dialect] : [])).filter((t) => CJK.test(t));
      expect(left).toEqual([]);
      // The kept syntax is still there, byte for byte.
      for (const line of text.split('\n').filter((l) => /^(?:import |export |:::|\{\{[<%]|\{%)/.test(l) && !/:::.*\p{L}{2}/u.test(l))) expect(target).toContain(line);
    });
  }
});

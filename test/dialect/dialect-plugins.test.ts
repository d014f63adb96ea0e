import { describe, expect, it } from 'vitest';
import { syntaxFor } from '../../src/engine/load-document.js';
import { decodeSource } from '../../src/parse/decode-source.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { renderTarget } from '../../src/render/render-target.js';
import { maskProtected } from '../../src/segment/mask-protected.js';
import { segmentDocument } from '../../src/segment/segment-document.js';
import { checkPairs } from '../../src/qa/check-pairs.js';
import { recordingTranslator } from '../helpers/recording-translator.js';
import { bitext, tempProject } from '../helpers/temp-project.js';

/** What a translator would receive for each segment, and the target when every segment is uppercased Latin `T`. */
async function run(file: string, text: string, dialect: string[] = []): Promise<{ wires: string[]; identity: string; replaced: string }> {
  const syntax = await syntaxFor(file, text, { dialect });
  const source = decodeSource(Buffer.from(text), file);
  const segments = segmentDocument(source.text, parseMarkdown(source.text, { syntax }), { syntax });
  const masked = segments.map((s) => maskProtected(s.text, s.protectedSpans));
  return {
    wires: masked.map((m) => m.wire),
    identity: renderTarget(source, segments, segments.map((s) => s.text)),
    replaced: renderTarget(source, segments, masked.map((m) => m.tokens.reduce((out, t) => out.replace(t.token, t.original), m.wire.replace(/\p{Script=Han}+/gu, 'T')))),
  };
}

describe('directives (remark-directive)', () => {
  it('translates container labels, leaf labels, text directive labels and content; keeps names and attributes', async () => {
    const text = ':::note[注意事项]{#n .wide}\n内容段落。\n:::\n\n::youtube[视频标题]{#abc}\n\n文本 :abbr[缩写]{title="全称"} 结束。\n';
    const { wires, identity, replaced } = await run('a.md', text, ['directives']);
    expect(wires).toEqual(['注意事项', '内容段落。', '视频标题', '文本 ⟦1⟧缩写⟦2⟧ 结束。']);
    expect(identity).toBe(text);
    expect(replaced).toBe(':::note[T]{#n .wide}\nT。\n:::\n\n::youtube[T]{#abc}\n\nT :abbr[T]{title="全称"} T。\n');
  });
});

describe('markdown-it containers', () => {
  it('keeps fence lines, translates titles and content, also inside a list and with attributes', async () => {
    const text = '::: tip 提示\n内容。\n:::\n\n- 列表\n  ::: warning 注意\n  列表里的内容\n  :::\n\n:::info{title=标题}\n带属性。\n:::\n';
    const { wires, identity, replaced } = await run('a.md', text, ['vitepress']);
    expect(wires).toEqual(['提示', '内容。', '列表', '注意', '列表里的内容', '带属性。']);
    expect(identity).toBe(text);
    expect(replaced).toBe('::: tip T\nT。\n:::\n\n- T\n  ::: warning T\n  T\n  :::\n\n:::info{title=标题}\nT。\n:::\n');
  });
});

describe('MDX', () => {
  it('keeps ESM, expressions and JSX attributes; translates JSX children; reads `{#id}` after headings', async () => {
    const text = 'import A from "a";\n\n## 标题 {#title}\n\n<Note type="提示">\n  第一段，值为 {props.x}。\n\n  第二段。\n</Note>\n\n{/* 注释 */}\n';
    const { wires, identity, replaced } = await run('a.mdx', text);
    expect(wires).toEqual(['标题', '第一段，值为 ⟦1⟧。', '第二段。']);
    expect(identity).toBe(text);
    expect(replaced).toBe('import A from "a";\n\n## T {#title}\n\n<Note type="提示">\n  T，T ⟦1⟧。\n\n  T。\n</Note>\n\n{/* 注释 */}\n'.replace('⟦1⟧', '{props.x}'));
  });
});

describe('Hugo shortcodes and Liquid tags', () => {
  it('are plain text unless their dialect is on', async () => {
    const text = '用 {{< ref "文章" >}} 和 {% note %} 标记。\n';
    expect((await run('a.md', text)).wires).toEqual([text.trim()]);
    expect((await run('a.md', text, ['hugo'])).wires).toEqual(['用 ⟦1⟧ 和 {% note %} 标记。']);
    expect((await run('a.md', text, ['liquid'])).wires).toEqual(['用 {{< ref "文章" >}} 和 ⟦1⟧ 标记。']);
  });

  it('Hugo keeps TOML front matter whole and still reads YAML front matter', async () => {
    const toml = '+++\ntitle = "标题"\n+++\n\n正文。\n';
    expect((await run('a.md', toml)).wires).toEqual(['+++\ntitle = "标题"\n+++', '正文。']);
    const hugo = await run('a.md', toml, ['hugo']);
    expect(hugo.wires).toEqual(['正文。']);
    expect(hugo.identity).toBe(toml);
    expect((await run('a.md', '---\ntitle: 标题\n---\n\n正文。\n', ['hugo'])).wires).toEqual(['标题', '正文。']);
  });

  it('leave paired tags out of the segment and keep code bodies, even across blank lines', async () => {
    const text = '{% note info %}\n提示内容。\n{% endnote %}\n\n{% codeblock %}\n代码一\n\n代码二\n{% endcodeblock %}\n';
    const { wires, identity } = await run('a.md', text, ['hexo']);
    expect(wires).toEqual(['提示内容。']);
    expect(identity).toBe(text);
  });
});

describe('HTML', () => {
  it('translates text between tags and configured attribute values; keeps tags, comments, <pre> and <code>', async () => {
    const text = '<div align="center">\n  <img src="a.png" alt="标志">\n  <p>一段<b>说明</b>文字</p>\n  <!-- 注释 -->\n  <code>代码</code>\n</div>\n';
    const { wires, identity, replaced } = await run('a.md', text);
    expect(wires).toEqual(['⟦1⟧标志⟦2⟧', '一段⟦1⟧说明⟦2⟧文字']);
    expect(identity).toBe(text);
    expect(replaced).toBe('<div align="center">\n  <img src="a.png" alt="T">\n  <p>T<b>T</b>T</p>\n  <!-- 注释 -->\n  <code>代码</code>\n</div>\n');
  });
});

describe('QA on translated attribute values', () => {
  it('inline-structure accepts a translated alt or title, not a changed src', () => {
    const source = '看 <img src="a.png" alt="截图"> 这里';
    const options = { sourceLanguage: 'zh', targetLanguage: 'en' };
    const ok = checkPairs([{ id: 's1', source, translation: 'See <img src="a.png" alt="Screenshot"> here' }], options);
    expect(ok.filter((f) => f.check === 'inline-structure')).toEqual([]);
    const bad = checkPairs([{ id: 's1', source, translation: 'See <img src="b.png" alt="Screenshot"> here' }], options);
    expect(bad.filter((f) => f.check === 'inline-structure')).toHaveLength(1);
  });
});

describe('the dialect is detected from the site where obvious', () => {
  it('a Docusaurus site reads directives without configuration; a config naming dialects wins', async () => {
    const text = ':::tip[小提示]\n内容。\n:::\n';
    const dir = tempProject({ 'docusaurus.config.js': 'export default {};\n', 'docs/intro.md': text });
    const recorder = recordingTranslator(dir, 'identity');
    expect((await bitext(dir, ['translate', 'docs/intro.md', '--translator', 'command', '--command', recorder.command, '--no-validate'])).code).toBe(0);
    expect(recorder.sent().map((s) => s.text)).toEqual(['小提示', '内容。']);

    const plain = tempProject({ 'docusaurus.config.js': 'export default {};\n', 'bitext.config.json': '{ "dialect": [] }', 'docs/intro.md': text });
    const plainRecorder = recordingTranslator(plain, 'identity');
    expect((await bitext(plain, ['translate', 'docs/intro.md', '--translator', 'command', '--command', plainRecorder.command, '--no-validate'])).code).toBe(0);
    expect(plainRecorder.sent().map((s) => s.text)).toEqual([':::tip[小提示]\n内容。\n:::']);
  });
});

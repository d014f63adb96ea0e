import { describe, expect, it } from 'vitest';
import { bitext, projectWithPost, readText, writeFile } from '../helpers/temp-project.js';
import { recordingTranslator } from '../helpers/recording-translator.js';

/** The post split into front matter and body blocks, to edit like an author would. */
function splitPost(text: string) {
  const end = text.indexOf('\n---\n', 4) + 5;
  return { frontMatter: text.slice(0, end), blocks: text.slice(end).split('\n\n') };
}
const join = (p: { frontMatter: string; blocks: string[] }) => p.frontMatter + p.blocks.join('\n\n');

async function translated() {
  const dir = projectWithPost();
  const recorder = recordingTranslator(dir);
  const first = await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]);
  expect(first.code).toBe(0);
  return { dir, recorder, already: recorder.sent().length };
}

describe('after the source changes, only what changed is sent', () => {
  it('edit three paragraphs, insert two, delete one, move one, change the title, rename a heading', async () => {
    const { dir, recorder, already } = await translated();
    const post = splitPost(readText(dir, 'content/post.md'));
    const b = post.blocks;
    // Indices into the body: [1] heading? find them by content so the test says what it edits.
    const find = (start: string) => b.findIndex((x) => x.startsWith(start));
    const edited = [find('感谢邀请我参加播客'), find('未来五年内'), find('具体是哪方面')];
    b[edited[0]!] = b[edited[0]!]!.replace('忠实粉丝', '长期听众');
    b[edited[1]!] = b[edited[1]!]!.replace('相当大的进步', '巨大的进步');
    b[edited[2]!] = `${b[edited[2]!]!}能举个例子吗？`;
    const heading = find('### 泛化能力与错误恢复');
    b[heading] = '### 泛化能力与从错误中恢复';
    const deleted = b[find('那看起来，你应该为很快出现')]!;
    b.splice(b.indexOf(deleted), 1);
    const moved = b[find('我认为这是合理的。')]!;
    b.splice(b.indexOf(moved), 1);
    b.splice(3, 0, moved);
    b.splice(10, 0, '这是新插入的第一段，讨论一个全新的话题。');
    b.splice(20, 0, '这是新插入的第二段，同样是全新的内容。');
    post.frontMatter = post.frontMatter.replace('title: OpenAI 联合创始人 John Schulman 谈', 'title: OpenAI 联合创始人约翰·舒尔曼谈');
    writeFile(dir, 'content/post.md', join(post));

    // status, before translating, lists exactly these as stale or missing.
    const before = JSON.parse((await bitext(dir, ['status', 'content/post.md', '--json'])).stdout);
    const notCurrent = before.segments.filter((s: { status: string }) => s.status !== 'current');
    expect(notCurrent.map((s: { status: string }) => s.status).sort()).toEqual(['missing', 'missing', 'stale', 'stale', 'stale', 'stale', 'stale']);
    expect(before.summary.removed).toBe(1);
    expect(before.summary.moved).toBeGreaterThanOrEqual(1);
    const statusText = (await bitext(dir, ['status', 'content/post.md'])).stdout;
    expect(statusText).toContain('removed from the source since the last run');
    expect(statusText).toContain('moved since the last run');
    const check = await bitext(dir, ['status', 'content/post.md', '--check']);
    expect(check.code).toBe(1);

    const result = await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]);
    expect(result.code).toBe(0);
    const sent = recorder.sent().slice(already);
    expect(sent.map((s) => s.text).sort()).toEqual(
      [
        b[b.findIndex((x) => x.startsWith('感谢邀请我参加播客'))],
        b[b.findIndex((x) => x.startsWith('未来五年内'))],
        b[b.findIndex((x) => x.startsWith('具体是哪方面'))],
        '泛化能力与从错误中恢复',
        '这是新插入的第一段，讨论一个全新的话题。',
        '这是新插入的第二段，同样是全新的内容。',
        'OpenAI 联合创始人约翰·舒尔曼谈 AI 推理、RLHF 与 2027 年 AGI 计划',
      ].sort(),
    );
    // Stale segments carry the old source and translation for a minimal edit.
    const stale = sent.filter((s) => s.previous);
    expect(stale).toHaveLength(5);
    expect(stale.find((s) => s.text.includes('长期听众'))?.previous?.source).toContain('忠实粉丝');

    // The English version follows the new order; the deleted paragraph is gone from both files.
    const english = readText(dir, 'translations/post.en.md');
    const bilingual = readText(dir, 'translations/post.zh-en.md');
    expect(bilingual).not.toContain(deleted);
    const movedIndex = bilingual.indexOf(`> ${moved}`);
    expect(movedIndex).toBeGreaterThan(bilingual.indexOf('> 谢谢。我的第一个问题是'));
    expect(movedIndex).toBeLessThan(bilingual.indexOf('> 预训练与后训练的本质'));
    const englishBlocks = splitPost(english).blocks;
    expect(englishBlocks).toHaveLength(b.length);
    expect(englishBlocks[3]).toBe(`EN ${moved.replace(/[\u3400-\u9fff]+/g, (m) => 'x'.repeat(Math.ceil(m.length * 1.5)))}`);
    expect((await bitext(dir, ['status', 'content/post.md', '--check'])).code).toBe(0);

    // Idempotent: a second run sends nothing and changes no byte.
    const files = [readText(dir, 'translations/post.zh-en.md'), readText(dir, 'translations/post.en.md'), readText(dir, 'translations/.bitext/memory.json')];
    const count = recorder.sent().length;
    await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]);
    expect(recorder.sent().length).toBe(count);
    expect([readText(dir, 'translations/post.zh-en.md'), readText(dir, 'translations/post.en.md'), readText(dir, 'translations/.bitext/memory.json')]).toEqual(files);
  });

  it('undoing an edit, or moving a paragraph to another file, costs no translator call', async () => {
    const { dir, recorder } = await translated();
    const original = readText(dir, 'content/post.md');
    writeFile(dir, 'content/post.md', original.replace('我是你们的忠实粉丝', '我是你们的老粉丝'));
    await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]);
    const afterEdit = recorder.sent().length;
    writeFile(dir, 'content/post.md', original);
    const undo = await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]);
    expect(undo.stdout).toContain('1 from memory');
    expect(recorder.sent().length).toBe(afterEdit);

    writeFile(dir, 'content/other.md', `# 另一篇\n\n${splitPost(original).blocks[2]}\n`);
    await bitext(dir, ['translate', 'content/other.md', '--translator', 'command', '--command', recorder.command]);
    const sentForOther = recorder.sent().slice(afterEdit).map((s) => s.text);
    expect(sentForOther).toEqual(['另一篇']);
  });

  it('a renamed source keeps its translations: found by content, or moved with bitext mv', async () => {
    const { dir, recorder, already } = await translated();
    const mv = await bitext(dir, ['mv', 'content/post.md', 'content/renamed.md']);
    expect(mv.code).toBe(0);
    const status = JSON.parse((await bitext(dir, ['status', 'content/renamed.md', '--json'])).stdout);
    expect(status.summary.current).toBe(180);
    expect(readText(dir, 'translations/renamed.zh-en.md')).toContain('\nsource: content/renamed.md\n');

    writeFile(dir, 'content/copy.md', readText(dir, 'content/renamed.md'));
    const byContent = await bitext(dir, ['translate', 'content/copy.md', '--translator', 'command', '--command', recorder.command]);
    expect(byContent.code).toBe(0);
    expect(recorder.sent().length).toBe(already);
  });
});

describe("a person's edit is never overwritten", () => {
  it('source changed under an edited translation: text kept, conflict reported, exit 1, resolved by accept', async () => {
    const { dir, recorder } = await translated();
    const bilingual = readText(dir, 'translations/post.zh-en.md');
    const personal = 'Thanks for having me on the podcast. I am a huge fan.';
    writeFile(dir, 'translations/post.zh-en.md', bilingual.replace(/(> 感谢邀请我参加播客，我是你们的忠实粉丝。\n\n)[^\n]+/, `$1${personal}`));
    writeFile(dir, 'content/post.md', readText(dir, 'content/post.md').replace('我是你们的忠实粉丝', '我一直是你们的忠实粉丝'));

    const run = await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/conflict (s[0-9a-f]{8})/);
    const id = /conflict (s[0-9a-f]{8})/.exec(run.stdout)?.[1] as string;
    const after = readText(dir, 'translations/post.zh-en.md');
    expect(after).toContain(personal);
    expect(after).toMatch(new RegExp(`id=${id} kind=paragraph status=conflict origin=human`));
    expect(after).toContain('<!-- bitext:was -->\n\n> 感谢邀请我参加播客，我是你们的忠实粉丝。');
    expect(after).toMatch(/<!-- bitext:suggestion origin=command source-hash=[0-9a-f]{16} -->\n\nEN /);
    expect(readText(dir, 'translations/post.en.md')).toContain(personal);

    const status = JSON.parse((await bitext(dir, ['status', 'content/post.md', '--json'])).stdout);
    expect(status.segments.find((s: { id: string }) => s.id === id)).toMatchObject({ status: 'conflict', edited: true });
    const diff = await bitext(dir, ['diff', 'content/post.md']);
    expect(diff.stdout).toContain('我{+一直+}是你们的忠实粉丝');

    // Running again does not ask again and still reports the conflict.
    const count = recorder.sent().length;
    expect((await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command])).code).toBe(1);
    expect(recorder.sent().length).toBe(count);

    const accept = await bitext(dir, ['accept', id, '--file', 'content/post.md']);
    expect(accept.code).toBe(0);
    expect(readText(dir, 'translations/post.zh-en.md')).toMatch(new RegExp(`id=${id} kind=paragraph status=current origin=human [^\\n]*reviewed=yes`));
    expect((await bitext(dir, ['status', 'content/post.md', '--check'])).code).toBe(0);
  });
});

describe('a stale segment with code and links', () => {
  it('is sent with its old source and translation masked the same way', async () => {
    const dir = projectWithPost();
    writeFile(dir, 'content/post.md', '运行 `npm test` 并阅读[文档](https://example.com/docs)。\n');
    const recorder = recordingTranslator(dir);
    await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]);
    writeFile(dir, 'content/post.md', '先运行 `npm test`，再阅读[文档](https://example.com/docs)。\n');
    await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]);
    const [first, second] = recorder.sent();
    expect(first?.text).toBe('运行 ⟦1⟧ 并阅读[文档](⟦2⟧)。');
    expect(second?.previous).toEqual({ source: '运行 ⟦1⟧ 并阅读[文档](⟦2⟧)。', translation: 'EN xxx ⟦1⟧ xxxxx[xxx](⟦2⟧)。' });
    expect(JSON.stringify(recorder.sent())).not.toContain('example.com');
    expect(readText(dir, 'translations/post.en.md')).toBe('EN xxxxx `npm test`，xxxxx[xxx](https://example.com/docs)。\n');
  });
});

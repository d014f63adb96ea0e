import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bitext, POST, readText, REPO, tempProject, writeFile } from '../helpers/temp-project.js';
import { recordingTranslator } from '../helpers/recording-translator.js';

const KITCHEN_SINK = join(REPO, 'test', 'fixtures', 'kitchen-sink', 'kitchen-sink.md');

const variants: Record<string, (text: string) => string> = {
  LF: (t) => t,
  CRLF: (t) => t.replace(/\n/g, '\r\n'),
  BOM: (t) => `\uFEFF${t}`,
  'BOM+CRLF': (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`,
};

describe('a translator that returns every segment unchanged gives back the source byte for byte', () => {
  for (const [name, file] of [['the post', POST], ['the kitchen sink', KITCHEN_SINK]] as const) {
    for (const [variant, transform] of Object.entries(variants)) {
      it(`${name}, ${variant}`, async () => {
        const dir = tempProject();
        const source = transform(readFileSync(file, 'utf8'));
        writeFile(dir, 'content/doc.md', source);
        const identity = recordingTranslator(dir, 'identity');
        const result = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'command', '--command', identity.command, '--no-validate']);
        expect(result.code, result.stderr + result.stdout).toBe(0);
        expect(identity.sent().length).toBeGreaterThan(10);
        expect(readFileSync(join(dir, 'translations', 'doc.en.md'), 'utf8') === source).toBe(true);
        expect(Buffer.compare(readFileSync(join(dir, 'translations', 'doc.en.md')), Buffer.from(source))).toBe(0);
      });
    }
  }

  it('the identity translation fails validation without --no-validate (it is still Chinese)', async () => {
    const dir = tempProject({ 'content/doc.md': '第一段是中文。\n' });
    const identity = recordingTranslator(dir, 'identity');
    const result = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'command', '--command', identity.command, '--max-attempts', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('still mostly in the source language');
    expect(readText(dir, 'translations/doc.en.md')).toBe('第一段是中文。\n');
  });
});

describe('what is never sent to a translator', () => {
  it('code, URLs, HTML, math, footnote references and reference labels arrive as placeholders', async () => {
    const dir = tempProject();
    writeFile(dir, 'content/doc.md', readFileSync(KITCHEN_SINK, 'utf8'));
    const recorder = recordingTranslator(dir, 'identity');
    await bitext(dir, ['translate', 'content/doc.md', '--translator', 'command', '--command', recorder.command, '--no-validate']);
    const sent = recorder.sent().map((s) => s.text).join('\n');
    for (const secret of ['行内代码', 'https://', 'mail@example.com', '`code`', 'E = mc^2', '<span', '[^note]', '[ref]', '变量', '缩进代码块', '波浪线围栏', '<div', '<p>', '数学块', 'kitchen-sink', 'slug']) {
      expect(sent, secret).not.toContain(secret);
    }
    for (const kept of ['厨房水槽：所有 Markdown 结构', '[OpenAI 网站](⟦1⟧ "OpenAI 标题")', '![一只猫的图片](⟦1⟧ "猫的标题")', '带\\|竖线', '嵌套引用的内容', '这是脚注的内容，带有*强调*。', 'HTML 块不翻译']) {
      expect(sent, kept).toContain(kept);
    }
  });
});

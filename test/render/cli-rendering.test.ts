import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingTranslator } from '../helpers/recording-translator.js';
import { bitext, readText, tempProject } from '../helpers/temp-project.js';

// Constructs where rendering used to add an escape or change line endings.
const SOURCE = [
  '<kbd>Ctrl</kbd> + <kbd>C</kbd> 复制。',
  '',
  '``` 代码 ``` 后面的文字',
  '',
  '### 1. 术语',
  '',
  '| 甲 | 乙 |',
  '|---|---|',
  '| - 无 | 有 |',
  '',
  '第一行\r\n    - 缩进的续行\r\n[x]: 不是定义\n< 100 毫秒',
  '',
  '[链接](/url\u00a0"标题") 和 [捷径\\\\]。',
  '',
  '[捷径\\\\]: /uri',
  '',
].join('\n');

describe('rendering through the CLI', () => {
  it('an identity translator gives back the constructs byte for byte', async () => {
    const dir = tempProject({ 'content/doc.md': SOURCE });
    const identity = recordingTranslator(dir, 'identity');
    const result = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'command', '--command', identity.command, '--no-validate']);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    expect(Buffer.compare(readFileSync(join(dir, 'translations', 'doc.en.md')), Buffer.from(SOURCE))).toBe(0);
    expect(identity.sent().map((s) => s.text).join('\n')).not.toContain('/url');
  });

  it('the pseudo translator adds no backslash, keeps every line ending and the links', async () => {
    const dir = tempProject({ 'content/doc.md': SOURCE });
    const result = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
    expect(result.code, result.stderr + result.stdout).toBe(0);
    const out = readText(dir, 'translations/doc.en.md');
    for (const escape of ['\\<', '\\`', '\\-', '\\[x', '1\\.', '\\#']) expect(out).not.toContain(escape);
    // The shortcut reference's text changed, so its label is written out after it.
    expect(out).toMatch(/\]\[捷径\\\\\]/);
    expect(out.match(/\r\n/g)).toHaveLength(2);
    expect(out).toContain('<kbd>Ctrl</kbd>');
    expect(out).toContain('](/url\u00a0"');
    expect(out).toMatch(/### ⟪1\. /);
    expect(out).toMatch(/\| ⟪- /);
    expect((await bitext(dir, ['check', 'content/doc.md'])).code).toBeLessThan(2);
  });
});

import { rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bitext, readText, writeFile } from '../helpers/temp-project.js';
import { POST_BILINGUAL, POST_EXPORT, POST_SOURCE, projectWithTranslatedPost } from './interchange-helpers.js';

describe('bitext import of damaged files', () => {
  it('names the file and line of malformed XML, exits 2 and writes nothing', async () => {
    const dir = projectWithTranslatedPost();
    await bitext(dir, ['export', POST_SOURCE]);
    const before = readText(dir, POST_BILINGUAL);
    const lines = readText(dir, POST_EXPORT.xliff).split('\n');
    lines[9] = `${lines[9]}<target>`;
    writeFile(dir, POST_EXPORT.xliff, lines.join('\n'));
    const result = await bitext(dir, ['import', POST_EXPORT.xliff]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`${POST_EXPORT.xliff.replace(/\./g, '\\.')}:\\d+: not well-formed XML`));
    expect(readText(dir, POST_BILINGUAL)).toBe(before);
  });

  it('refuses an inline element bitext did not write, naming the unit', async () => {
    const dir = projectWithTranslatedPost();
    await bitext(dir, ['export', POST_SOURCE, '--format', 'xliff1']);
    writeFile(dir, POST_EXPORT.xliff1, readText(dir, POST_EXPORT.xliff1).replace("I'm a big fan.</target>", "I'm a <g id=\"9\">big</g> fan.</target>"));
    const result = await bitext(dir, ['import', POST_EXPORT.xliff1]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('trans-unit s975e0045: unexpected inline element <g>');
  });

  it('refuses a PO file whose entries lost their msgctxt', async () => {
    const dir = projectWithTranslatedPost();
    await bitext(dir, ['export', POST_SOURCE, '--format', 'po']);
    writeFile(dir, POST_EXPORT.po, readText(dir, POST_EXPORT.po).replace('msgctxt "s975e0045"\n', ''));
    const result = await bitext(dir, ['import', POST_EXPORT.po]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('has no msgctxt (segment id)');
  });
});

describe('usage errors', () => {
  it('refuses languages that contradict the file, and an unknown --only status', async () => {
    const dir = projectWithTranslatedPost();
    await bitext(dir, ['export', POST_SOURCE, '--format', 'po']);
    const languages = await bitext(dir, ['import', POST_EXPORT.po, '--to', 'de']);
    expect(languages.code).toBe(2);
    expect(languages.stderr).toContain('--to de, but the file is for en');
    const only = await bitext(dir, ['export', POST_SOURCE, '--only', 'stale,done']);
    expect(only.code).toBe(2);
    expect(only.stderr).toContain('--only: unknown status "done"');
  });
});

describe('what tools add', () => {
  it('reads the text inside annotations (<mrk>) a tool wrapped around terms', async () => {
    const dir = projectWithTranslatedPost();
    await bitext(dir, ['export', POST_SOURCE]);
    writeFile(dir, POST_EXPORT.xliff, readText(dir, POST_EXPORT.xliff).replace("I'm a big fan.</target>", 'I am a <mrk id="m1" type="term">big</mrk> fan.</target>'));
    const result = await bitext(dir, ['import', POST_EXPORT.xliff]);
    expect(result.code).toBe(0);
    expect(readText(dir, 'translations/john-schulman-interview.en.md')).toContain('Thanks for having me on the podcast. I am a big fan.');
  });
});

describe('nothing half written', () => {
  it('takes every lock before writing: a locked second document stops the import of both', async () => {
    const dir = projectWithTranslatedPost();
    writeFile(dir, 'content/doc.md', '第一段。\n\n第二段。\n');
    expect((await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo'])).code).toBe(0);
    await bitext(dir, ['export', POST_SOURCE, 'content/doc.md', '--format', 'po']);
    writeFile(dir, POST_EXPORT.po, readText(dir, POST_EXPORT.po).replace("msgstr \"Thanks for having me on the podcast. I'm a big fan.\"", 'msgstr "Thank you for having me."'));
    writeFile(dir, 'translations/doc.zh-en.po', readText(dir, 'translations/doc.zh-en.po').replace(/msgstr "⟪[^"]*⟫"/, 'msgstr "The first paragraph."'));
    const before = readText(dir, POST_BILINGUAL);
    writeFile(dir, 'translations/doc.zh-en.md.lock', JSON.stringify({ pid: process.pid, host: hostname(), started: 'now' }));

    const result = await bitext(dir, ['import', POST_EXPORT.po, 'translations/doc.zh-en.po']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('another bitext run');
    expect(readText(dir, POST_BILINGUAL)).toBe(before);

    rmSync(join(dir, 'translations/doc.zh-en.md.lock'));
    const retry = await bitext(dir, ['import', POST_EXPORT.po, 'translations/doc.zh-en.po']);
    expect(retry.code).toBe(0);
    expect(readText(dir, 'translations/doc.en.md')).toContain('The first paragraph.');
    expect(readText(dir, 'translations/john-schulman-interview.en.md')).toContain('Thank you for having me.');
  });
});

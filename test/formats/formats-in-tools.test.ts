import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bitext, readText, REPO, tempProject, writeFile } from '../helpers/temp-project.js';
import { editTarget, hasProgram } from '../interchange/interchange-helpers.js';

const SCHEMA = join(REPO, 'test', 'formats', 'schema', 'xliff-core-2.0.xsd');
const XMLLINT = hasProgram('xmllint');
const MSGFMT = hasProgram('msgfmt');

const DOC = [
  '# 安装说明',
  '',
  '运行 `npm install bitext` 然后打开 <https://example.com/docs> 查看文档。',
  '',
  '这一段会被修改。',
  '',
  '这一段有 <kbd>Ctrl</kbd> 键和 [链接](https://example.com/a "标题")。',
  '',
].join('\n');

/** A project whose document was translated (pseudo), then edited so that one segment is stale and one missing. */
async function projectWithWork(): Promise<string> {
  const dir = tempProject({ 'content/doc.md': DOC });
  expect((await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo'])).code).toBe(0);
  writeFile(dir, 'content/doc.md', `${DOC.replace('这一段会被修改。', '这一段已经被修改了。')}\n新的一段。\n`);
  return dir;
}

function xmllint(file: string): { status: number | null; stderr: string } {
  const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr };
}

describe('XLIFF 2.0 export', () => {
  it('writes protected spans as <ph> with their original in <originalData>, and a needs-review note on stale units', async () => {
    const dir = await projectWithWork();
    expect((await bitext(dir, ['export', 'content/doc.md', '--output', 'out/doc.xlf'])).code).toBe(0);
    const xliff = readText(dir, 'out/doc.xlf');
    expect(xliff).toContain('<ph id="1" dataRef="d1" disp="`npm install bitext`" canDelete="no"/>');
    expect(xliff).toContain('<data id="d1" xml:space="preserve">`npm install bitext`</data>');
    expect(xliff).toContain('<data id="d1" xml:space="preserve">&lt;kbd&gt;</data>');
    expect(xliff).toMatch(/<note category="needs-review">stale: /);
    expect(xliff).toContain('<note category="previous-source">这一段会被修改。</note>');
    expect(xliff).toMatch(/<segment state="initial">\s*<source xml:space="preserve">新的一段。<\/source>\s*<\/segment>/);
  });

  it.skipIf(!XMLLINT)('validates against the XLIFF 2.0 core schema (xmllint; skipped when libxml2-utils is not installed)', async () => {
    const dir = await projectWithWork();
    await bitext(dir, ['export', 'content/doc.md', '--output', 'doc.xlf']);
    expect(xmllint(join(dir, 'doc.xlf'))).toMatchObject({ status: 0 });
    // The schema does catch a misplaced state: bitext puts it on <segment>, where the standard wants it.
    writeFile(dir, 'bad.xlf', readText(dir, 'doc.xlf').replace('<unit id="fm', '<unit state="translated" id="fm').replace(/<unit id="/, '<unit state="translated" id="'));
    const bad = xmllint(join(dir, 'bad.xlf'));
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("attribute 'state' is not allowed");
  });

  it('exports only what needs work with --only', async () => {
    const dir = await projectWithWork();
    const result = await bitext(dir, ['export', 'content/doc.md', '--only', 'stale,missing', '--output', 'work.xlf']);
    expect(result.stdout).toContain('work.xlf: 2 unit(s)');
    expect((readText(dir, 'work.xlf').match(/<unit /g) ?? []).length).toBe(2);
  });
});

describe('placeholders on import', () => {
  it.each(['xliff', 'xliff1', 'po'] as const)('rejects a target that lost a placeholder (%s), and keeps one that moved it', async (format) => {
    const dir = tempProject({ 'content/doc.md': DOC });
    await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
    const file = { xliff: 'x.xlf', xliff1: 'x.xliff12.xlf', po: 'x.po' }[format];
    await bitext(dir, ['export', 'content/doc.md', '--format', format, '--output', file]);
    const exported = readText(dir, file);
    const ids = [...exported.slice(0, exported.indexOf('然后打开')).matchAll(/(?:unit id="|msgctxt ")(s[0-9a-f]{8})"/g)];
    const id = ids.at(-1)?.[1] as string;
    const ph1 = { xliff: '<ph id="1" dataRef="d1"/>', xliff1: '<ph id="1">`npm install bitext`</ph>', po: '⟦1⟧' }[format];
    const ph2 = { xliff: '<ph id="2" dataRef="d2"/>', xliff1: '<ph id="2">&lt;https://example.com/docs&gt;</ph>', po: '⟦2⟧' }[format];
    const quote = (t: string) => (format === 'po' ? JSON.stringify(t) : t);
    const before = readText(dir, 'translations/doc.zh-en.md');

    writeFile(dir, file, editTarget(format, exported, id, quote(`Run ${ph1} and read the docs.`), true));
    const broken = await bitext(dir, ['import', file]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`not imported ${id}: placeholder ⟦2⟧ is missing`);
    expect(readText(dir, 'translations/doc.zh-en.md')).toBe(before);

    writeFile(dir, file, editTarget(format, exported, id, quote(`Read the docs at ${ph2} after running ${ph1}.`), true));
    const fine = await bitext(dir, ['import', file]);
    expect(fine.stderr).toBe('');
    expect(readText(dir, 'translations/doc.en.md')).toContain('Read the docs at <https://example.com/docs> after running `npm install bitext`.');
  });
});

describe('PO export', () => {
  it('marks stale segments fuzzy with the previous source and shows placeholders readably', async () => {
    const dir = await projectWithWork();
    await bitext(dir, ['export', 'content/doc.md', '--format', 'po', '--output', 'doc.po']);
    const po = readText(dir, 'doc.po');
    expect(po).toMatch(/#, fuzzy\n#\| msgid "这一段会被修改。"\nmsgctxt "s[0-9a-f]{8}"\nmsgid "这一段已经被修改了。"/);
    expect(po).toContain('#. ⟦1⟧ = "`npm install bitext`"');
    expect(po).toMatch(/msgid "运行 ⟦1⟧ 然后打开 ⟦2⟧ 查看文档。"/);
    expect(po).toMatch(/msgctxt "s[0-9a-f]{8}"\nmsgid "新的一段。"\nmsgstr ""/);
  });

  it.skipIf(!MSGFMT)('passes msgfmt --check (skipped when Debian gettext is not installed)', async () => {
    const dir = await projectWithWork();
    await bitext(dir, ['export', 'content/doc.md', '--format', 'po', '--output', 'doc.po']);
    expect(readText(dir, 'doc.po')).toContain('#, fuzzy');
    const check = spawnSync('msgfmt', ['--check', '-o', '/dev/null', join(dir, 'doc.po')], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('imports a fuzzy entry the translator confirmed as the translation of the current source', async () => {
    const dir = await projectWithWork();
    await bitext(dir, ['export', 'content/doc.md', '--format', 'po', '--output', 'doc.po']);
    expect((await bitext(dir, ['status', 'content/doc.md'])).stdout).toMatch(/1 stale/);
    writeFile(dir, 'doc.po', readText(dir, 'doc.po').replace(/#, fuzzy\n#\| msgid "这一段会被修改。"\n/, ''));
    const result = await bitext(dir, ['import', 'doc.po']);
    expect(result.stdout).toContain('updated 1 translation(s)');
    expect((await bitext(dir, ['status', 'content/doc.md'])).stdout).toMatch(/0 stale, 1 missing/);
  });
});

describe('XLIFF 1.2 export', () => {
  it('gives each target its state, a note with the earlier source on stale units, and no target for missing ones', async () => {
    const dir = await projectWithWork();
    await bitext(dir, ['export', 'content/doc.md', '--format', 'xliff1', '--output', 'doc.xlf']);
    const xliff = readText(dir, 'doc.xlf');
    expect(xliff).toContain('<file original="content/doc.md" source-language="zh" target-language="en" datatype="x-markdown">');
    expect(xliff).toMatch(/<source>这一段已经被修改了。<\/source>\s*<target state="needs-review-translation">[^<]+<\/target>\s*<note from="bitext" priority="1">stale: the source changed since this translation was made; it was made from: 这一段会被修改。<\/note>/);
    expect(xliff).toMatch(/<source>新的一段。<\/source>\s*<\/trans-unit>/);
    expect(xliff).toMatch(/<source>安装说明<\/source>\s*<target state="translated">/);
  });
});

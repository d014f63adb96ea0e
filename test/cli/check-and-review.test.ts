import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bitext, projectWithPost, readText, REPO, tempProject, writeFile } from '../helpers/temp-project.js';

interface Pair {
  id: string;
  source: string;
  translation: string;
}

const fixture = (name: string, file: string) => JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', name, file), 'utf8'));

/** A project whose bilingual document holds the given translations, typed in as a reviewer would. */
async function projectWithPairs(pairs: Pair[]): Promise<string> {
  const dir = tempProject({ 'content/doc.md': `${pairs.map((p) => p.source).join('\n\n')}\n` });
  expect((await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo', '--no-validate'])).code).toBe(0);
  let bilingual = readText(dir, 'translations/doc.zh-en.md');
  for (const pair of pairs) {
    const quoted = `> ${pair.source}\n\n`;
    const at = bilingual.indexOf(quoted);
    expect(at, pair.id).toBeGreaterThan(0);
    const end = bilingual.indexOf('\n', at + quoted.length);
    bilingual = bilingual.slice(0, at + quoted.length) + pair.translation + bilingual.slice(end);
  }
  writeFile(dir, 'translations/doc.zh-en.md', bilingual);
  return dir;
}

describe('bitext check', () => {
  it('finds every planted defect, with its segment and line, and exits 1', async () => {
    // An empty translation is a missing segment in the bilingual document (status reports it),
    // so the `empty` defect is covered by the QA unit tests only.
    const pairs: Pair[] = fixture('qa-defects', 'pairs.json').filter((p: Pair) => p.translation.trim() !== '');
    const expected: { check: string; segmentId: string }[] = fixture('qa-defects', 'expected.json').filter((e: { check: string }) => e.check !== 'empty');
    const dir = await projectWithPairs(pairs);
    writeFile(dir, 'glossary.json', readFileSync(join(REPO, 'test', 'fixtures', 'qa-defects', 'glossary.json')));
    const result = await bitext(dir, ['check', 'content/doc.md', '--glossary', 'glossary.json', '--json']);
    expect(result.code).toBe(1);
    const { findings } = JSON.parse(result.stdout);
    const idBySource = new Map(pairs.map((p) => [p.source, p.id]));
    const status = JSON.parse((await bitext(dir, ['status', 'content/doc.md', '--json'])).stdout);
    const sourceById = new Map<string, string>();
    const bilingual = readText(dir, 'translations/doc.zh-en.md');
    for (const s of status.segments) {
      const quote = new RegExp(`id=${s.id} [^\\n]*-->\\n\\n> ([^\\n]*)`).exec(bilingual)?.[1] ?? '';
      sourceById.set(s.id, quote);
    }
    const found = findings.map((f: { check: string; segmentId: string }) => ({ check: f.check, segmentId: idBySource.get(sourceById.get(f.segmentId) ?? '') }));
    expect(found.sort(byKey)).toEqual([...expected].sort(byKey));
    for (const f of findings) expect(bilingual.split('\n')[f.line - 1]).toBeDefined();

    const text = await bitext(dir, ['check', 'content/doc.md', '--glossary', 'glossary.json']);
    expect(text.stdout).toMatch(/^translations\/doc\.zh-en\.md:\d+: s[0-9a-f]{8} numbers: /m);
  });

  it('finds nothing on a clean translation; a finding marked as intended stops being reported', async () => {
    const pairs: Pair[] = fixture('qa-clean', 'pairs.json');
    const dir = await projectWithPairs(pairs);
    writeFile(dir, 'glossary.json', readFileSync(join(REPO, 'test', 'fixtures', 'qa-clean', 'glossary.json')));
    const clean = await bitext(dir, ['check', 'content/doc.md', '--glossary', 'glossary.json']);
    expect(clean.stdout).toBe('no findings\n');
    expect(clean.code).toBe(0);

    const bilingual = readText(dir, 'translations/doc.zh-en.md');
    const first = pairs.find((p) => /\d/.test(p.translation)) as Pair;
    writeFile(dir, 'translations/doc.zh-en.md', bilingual.replace(first.translation, first.translation.replace(/\d+/, '999')));
    const found = JSON.parse((await bitext(dir, ['check', 'content/doc.md', '--glossary', 'glossary.json', '--json'])).stdout).findings;
    expect(found).toHaveLength(1);
    expect(found[0].check).toBe('numbers');
    expect((await bitext(dir, ['accept', found[0].segmentId, '--allow', 'numbers'])).code).toBe(2); // no content list: needs --file
    expect((await bitext(dir, ['accept', found[0].segmentId, '--file', 'content/doc.md', '--allow', 'numbers'])).code).toBe(0);
    expect(readText(dir, 'translations/doc.zh-en.md')).toMatch(new RegExp(`id=${found[0].segmentId} [^\\n]*reviewed=yes allow=numbers`));
    const after = await bitext(dir, ['check', 'content/doc.md', '--glossary', 'glossary.json']);
    expect(after.code).toBe(0);
  });
});

describe('bitext review and diff on the post', () => {
  it('writes one self-contained review page for the post, rows in source order', async () => {
    const dir = projectWithPost();
    await bitext(dir, ['translate', 'content/post.md', '--translator', 'pseudo']);
    const result = await bitext(dir, ['review', 'content/post.md', '--html']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/wrote translations\/post\.zh-en\.review\.html \(\d+ KiB, 180 rows\)/);
    const html = readText(dir, 'translations/post.zh-en.review.html');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html.indexOf('预训练与后训练的本质')).toBeLessThan(html.indexOf('AI模型的未来能力展望'));
  });

  it('lists stale pairs with a character diff in the terminal, and as JSON', async () => {
    const dir = projectWithPost();
    await bitext(dir, ['translate', 'content/post.md', '--translator', 'pseudo']);
    writeFile(dir, 'content/post.md', readText(dir, 'content/post.md').replace('未来五年内，模型将会有相当大的进步。', '未来十年内，模型将会有巨大的进步。'));
    const review = await bitext(dir, ['review', 'content/post.md', '--only', 'stale']);
    expect(review.code).toBe(0);
    expect(review.stdout).toContain('未来');
    expect(review.stdout).not.toContain('预训练与后训练的本质');
    const diff = await bitext(dir, ['diff', 'content/post.md']);
    expect(diff.stdout).toContain('未来[-五-]{+十+}年内，模型将会有[-相当-]{+巨+}大的进步。');
    const coloured = await bitext(dir, ['diff', 'content/post.md', '--color', 'always']);
    expect(coloured.stdout).toContain('\u001b[');
    const json = JSON.parse((await bitext(dir, ['diff', 'content/post.md', '--json'])).stdout);
    expect(json.segments).toHaveLength(1);
    expect(json.segments[0]).toMatchObject({ status: 'stale', before: '未来五年内，模型将会有相当大的进步。', after: '未来十年内，模型将会有巨大的进步。' });
  });
});

describe('a translator module of your own', () => {
  it('is loaded from a path and used like any adapter', async () => {
    const dir = tempProject({
      'content/a.md': '# 标题\n\n第一段。\n',
      'upper.mjs': `export function createTranslator() {
        return { name: 'upper', limits: { maxSegmentsPerRequest: 10, maxCharactersPerRequest: 1000 },
          async translate(request) { return { translations: request.segments.map((s) => ({ id: s.id, text: 'T:' + s.text.length })) }; } };
      }`,
      'broken.mjs': 'export const translator = { name: 42 };',
    });
    const ok = await bitext(dir, ['translate', 'content/a.md', '--translator', './upper.mjs']);
    expect(ok.code).toBe(0);
    expect(readText(dir, 'translations/a.en.md')).toBe('# T:2\n\nT:4\n');
    expect(readText(dir, 'translations/a.zh-en.md')).toContain('origin=upper');
    const broken = await bitext(dir, ['translate', 'content/a.md', '--translator', './broken.mjs', '--force']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('broken.mjs');
  });
});

function byKey(a: { check: string; segmentId?: string }, b: { check: string; segmentId?: string }): number {
  return `${a.check}/${a.segmentId}`.localeCompare(`${b.check}/${b.segmentId}`);
}

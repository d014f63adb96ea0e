import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallDocument, spawnBitext } from '../helpers/run-bitext.js';
import { bitext, readText, tempProject, writeFile, type CliResult } from '../helpers/temp-project.js';

const CACHE = join('translations', '.bitext', 'cache', 'status.json');

/** Two sources translated into two languages with the pseudo translator. */
async function translatedSite(): Promise<string> {
  const dir = tempProject({
    'bitext.config.json': JSON.stringify({ from: 'zh', to: ['en', 'ja'], content: ['content/**/*.md'] }),
    'content/a.md': smallDocument(4),
    'content/sub/b.md': `---\ntitle: 第二篇\n---\n\n${smallDocument(3)}`,
  });
  const run = await bitext(dir, ['translate', '--translator', 'pseudo']);
  expect(run.code).toBe(0);
  return dir;
}

/** Status with no cache at all: the parse, segment and align path. */
async function slowStatus(dir: string, args: string[]): Promise<CliResult> {
  rmSync(join(dir, 'translations', '.bitext', 'cache'), { recursive: true, force: true });
  return bitext(dir, ['status', ...args]);
}

/** Replaces every cached report's reasons and summaries by marks no real run prints. */
function poisonCache(dir: string): void {
  const file = JSON.parse(readFileSync(join(dir, CACHE), 'utf8')) as { entries: Record<string, { report: { summary: { total: number }; segments: { reason: string | null }[] } }> };
  for (const entry of Object.values(file.entries)) {
    entry.report.summary.total = 4242;
    for (const segment of entry.report.segments) segment.reason = 'POISONED';
  }
  writeFileSync(join(dir, CACHE), JSON.stringify(file));
}

const FLAG_SETS = [[], ['--json'], ['--check'], ['--all'], ['--json', '--all'], ['--check', '--json']];
// One file, one language: the per-segment listing rather than the per-document lines.
const SINGLE = ['content/a.md', '--to', 'en'];

describe('status fast path', () => {
  it('prints exactly what the slow path prints on an unchanged site, for every flag, one or several documents', async () => {
    const dir = await translatedSite();
    // Some work left, so --check fails and the listing is not empty.
    writeFile(dir, 'content/a.md', `${smallDocument(4)}\n新的一段：这是后来加上的内容，还没有翻译。\n`);
    for (const scope of [[], SINGLE]) {
      for (const flags of FLAG_SETS) {
        const args = [...flags, ...scope];
        const slow = await slowStatus(dir, args);
        expect(existsSync(join(dir, CACHE))).toBe(true);
        const fast = await bitext(dir, ['status', ...args]);
        expect(fast).toEqual(slow);
      }
    }
    const check = await bitext(dir, ['status', '--check']);
    expect(check.code).toBe(1);
  });

  it('answers from the cache only while nothing changed', async () => {
    const dir = await translatedSite();
    await slowStatus(dir, []);
    poisonCache(dir);
    // Unchanged: the cached reports are what it prints (this is how the test knows the fast path ran).
    expect((await bitext(dir, ['status', '--json'])).stdout).toContain('POISONED');
  });

  const B_EN = ['content/sub/b.md', '--to', 'en'];
  const A_JA = ['content/a.md', '--to', 'ja'];
  const EVERY_SCOPE = [[], SINGLE, B_EN, A_JA];
  // Each change, and the runs that cover the document it touches (a run covering only untouched documents may answer from the cache).
  const changes: [string, (dir: string) => void, string[][]][] = [
    ['a source edit', (dir) => writeFile(dir, 'content/sub/b.md', readText(dir, 'content/sub/b.md').replace('第2段', '第二段')), [[], B_EN]],
    ["a person's edit in a bilingual document", (dir) => writeFile(dir, 'translations/a.zh-ja.md', readText(dir, 'translations/a.zh-ja.md').replace('⟫\n', '（改）⟫\n')), [[], A_JA]],
    ['a deleted bilingual document', (dir) => rmSync(join(dir, 'translations', 'sub', 'b.zh-en.md')), [[], B_EN]],
    ['a config change (front-matter fields)', (dir) => writeFile(dir, 'bitext.config.json', JSON.stringify({ from: 'zh', to: ['en', 'ja'], content: ['content/**/*.md'], frontMatterFields: [] })), EVERY_SCOPE],
    ['a config change (math)', (dir) => writeFile(dir, 'bitext.config.json', JSON.stringify({ from: 'zh', to: ['en', 'ja'], content: ['content/**/*.md'], math: true })), EVERY_SCOPE],
    ['a site preset detected in the folder', (dir) => writeFile(dir, 'hugo.toml', 'title = "x"\n'), EVERY_SCOPE],
  ];
  for (const [name, change, scopes] of changes) {
    it(`after ${name}, prints what the slow path prints, not the cache`, async () => {
      const dir = await translatedSite();
      await slowStatus(dir, []);
      poisonCache(dir);
      // The cache as it was before the change, restored before every run (each slow run rewrites it).
      const poisoned = readText(dir, CACHE);
      change(dir);
      for (const flags of FLAG_SETS) {
        for (const scope of scopes) {
          const args = [...flags, ...scope];
          writeFile(dir, CACHE, poisoned);
          const afterChange = await bitext(dir, ['status', ...args]);
          expect(afterChange.stdout).not.toContain('POISONED');
          expect(afterChange.stdout).not.toContain('4242');
          expect(afterChange).toEqual(await slowStatus(dir, args));
        }
      }
    });
  }

  it("a person's edit shows up as edited, then the next unchanged run answers from the cache with the same text", async () => {
    const dir = await translatedSite();
    const before = await bitext(dir, ['status', '--json', ...SINGLE]);
    writeFile(dir, 'translations/a.zh-en.md', readText(dir, 'translations/a.zh-en.md').replace('⟫\n', '（改）⟫\n'));
    const edited = await bitext(dir, ['status', '--json', ...SINGLE]);
    const summary = (r: CliResult) => (JSON.parse(r.stdout) as { summary: { edited: number } }).summary.edited;
    expect(summary(edited)).toBe(summary(before) + 1);
    expect(await bitext(dir, ['status', '--json', ...SINGLE])).toEqual(edited);
  });

  it('other flags on the command line (--out, --from) never reuse reports made for other settings', async () => {
    const dir = await translatedSite();
    await bitext(dir, ['status']);
    poisonCache(dir);
    const other = await bitext(dir, ['status', '--out', 'elsewhere', '--json']);
    expect(other.stdout).not.toContain('POISONED');
    expect(other).toEqual(await bitext(dir, ['status', '--out', 'elsewhere', '--json']));
  });

  it('keeps only the entries of the current settings and build, so the cache stays the size of the site', async () => {
    const dir = await translatedSite();
    const entries = () => Object.keys((JSON.parse(readText(dir, CACHE)) as { entries: object }).entries).length;
    await bitext(dir, ['status']);
    expect(entries()).toBe(4);
    writeFile(dir, 'bitext.config.json', JSON.stringify({ from: 'zh', to: ['en', 'ja'], content: ['content/**/*.md'], math: true }));
    await bitext(dir, ['status']);
    expect(entries()).toBe(4);
    // A run on one document adds to the others' entries rather than replacing them.
    writeFile(dir, 'content/a.md', `${readText(dir, 'content/a.md')}\n新的一段：这是后来加上的内容。\n`);
    await bitext(dir, ['status', 'content/a.md', '--to', 'en']);
    expect(entries()).toBe(4);
  });

  it('`status` with only its switches (read without commander) prints what the commander-parsed command prints', async () => {
    const dir = await translatedSite();
    writeFile(dir, 'translations/a.zh-en.md', readText(dir, 'translations/a.zh-en.md').replace('⟫\n', '（改）⟫\n'));
    // `--config bitext.config.json` names the file found anyway, but sends the line through commander.
    for (const switches of [[], ['--json'], ['--check'], ['--all', '--verbose'], ['--json', '--check', '--all', '--json']]) {
      const plain = await bitext(dir, ['status', ...switches]);
      expect(plain).toEqual(await bitext(dir, ['status', ...switches, '--config', 'bitext.config.json']));
    }
    writeFile(dir, 'bitext.config.json', '{"from": "zh",');
    const broken = await bitext(dir, ['status', '--check']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('bitext.config.json');
    // The config is read before any flag counts, so `--from zh` changes nothing but the parser.
    expect(broken).toEqual(await bitext(dir, ['status', '--check', '--from', 'zh']));
  });

  it('writes nothing when the out folder does not exist, and ignores a damaged cache', async () => {
    const dir = tempProject({ 'content/a.md': smallDocument(2) });
    const first = await bitext(dir, ['status', 'content/a.md']);
    expect(existsSync(join(dir, 'translations'))).toBe(false);
    expect(first.stdout).toContain('not created yet');
    const site = await translatedSite();
    const slow = await slowStatus(site, ['--json']);
    writeFileSync(join(site, CACHE), '{"format": 1, "entries": ');
    expect(await bitext(site, ['status', '--json'])).toEqual(slow);
    expect(readText(site, 'translations/.bitext/cache/.gitignore')).toBe('*\n');
  });

  it('the built binary prints the same through its fast path as through its slow path', async () => {
    const dir = await translatedSite();
    writeFile(dir, 'translations/a.zh-en.md', readText(dir, 'translations/a.zh-en.md').replace('⟫\n', '（改）⟫\n'));
    for (const args of [['status'], ['status', '--json', '--all'], ['status', '--check', ...SINGLE]]) {
      rmSync(join(dir, 'translations', '.bitext', 'cache'), { recursive: true, force: true });
      const slow = await spawnBitext(dir, args);
      expect(existsSync(join(dir, CACHE))).toBe(true);
      const fast = await spawnBitext(dir, args);
      expect({ code: fast.code, stdout: fast.stdout, stderr: fast.stderr }).toEqual({ code: slow.code, stdout: slow.stdout, stderr: slow.stderr });
      // The same text as the in-process run.
      expect(fast.stdout).toBe((await bitext(dir, args)).stdout);
    }
  });
});

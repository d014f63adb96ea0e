import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/parse/decode-source.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { segmentDocument } from '../../src/segment/segment-document.js';
import { bitext, projectWithPost, readText, tempProject, writeFile } from '../helpers/temp-project.js';
import { recordingTranslator } from '../helpers/recording-translator.js';

const HAN = /[\u3400-\u9fff]/;

describe('bitext translate with the pseudo translator', () => {
  it('translates title, summary, every heading and paragraph, and nothing else', async () => {
    const dir = projectWithPost();
    const result = await bitext(dir, ['translate', 'content/post.md', '--translator', 'pseudo']);
    expect(result.stderr).not.toContain('bitext:');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('180 translated');

    const source = readText(dir, 'content/post.md');
    const target = readText(dir, 'translations/post.en.md');
    const sourceSegments = segmentDocument(source, parseMarkdown(source));
    const targetSegments = segmentDocument(target, parseMarkdown(target));
    expect(targetSegments.map((s) => s.kind)).toEqual(sourceSegments.map((s) => s.kind));
    for (const segment of targetSegments) expect(segment.text, `segment at line ${segment.line}`).not.toMatch(HAN);

    // Outside the translated spans every byte is the source's: blank the spans and compare.
    const blank = (text: string, segments: typeof sourceSegments) => {
      let out = text;
      for (const s of [...segments].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, s.span.start) + '§' + out.slice(s.span.end);
      return out;
    };
    expect(blank(target, targetSegments)).toBe(blank(source, sourceSegments));
    // Front matter keys and the non-reader values are untouched.
    expect(target).toContain('source: https://www.youtube.com/watch?v=Wo95ob_s_NI');
    expect(target).toContain('media_books:\n- 《Model Spec》');

    const status = await bitext(dir, ['status', 'content/post.md', '--check']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('180 segments: 180 current');
  });

  it('is incremental: a second run sends nothing and leaves the files byte-identical', async () => {
    const dir = projectWithPost();
    const recorder = recordingTranslator(dir);
    await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]);
    const sentFirst = recorder.sent().length;
    expect(sentFirst).toBeGreaterThan(170); // identical paragraphs are sent once
    const before = [readText(dir, 'translations/post.zh-en.md'), readText(dir, 'translations/post.en.md')];
    const second = await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]);
    expect(second.code).toBe(0);
    expect(recorder.sent().length).toBe(sentFirst);
    expect(second.stdout).toContain('nothing to write');
    expect([readText(dir, 'translations/post.zh-en.md'), readText(dir, 'translations/post.en.md')]).toEqual(before);
  });

  it('--dry-run prints segments, characters, tokens and requests, and writes nothing', async () => {
    const dir = projectWithPost();
    const result = await bitext(dir, ['translate', 'content/post.md', '--translator', 'pseudo', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/would send 180 segment\(s\) to pseudo: \d+ characters, about \d+ input tokens, \d+ request\(s\)/);
    expect(existsSync(join(dir, 'translations'))).toBe(false);
  });

  it('--dry-run estimates a service before its key is set; a real run without the key names the variable', async () => {
    const dir = projectWithPost();
    const dry = await bitext(dir, ['translate', 'content/post.md', '--translator', 'openai', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/would send 180 segment\(s\) to openai: \d+ characters, about \d+ input tokens, \d+ request\(s\)/);
    const real = await bitext(dir, ['translate', 'content/post.md', '--translator', 'openai']);
    expect(real.code).toBe(2);
    expect(real.stderr).toContain('OPENAI_API_KEY is not set');
    expect(existsSync(join(dir, 'translations'))).toBe(false);
  });

  it('--json reports the plan and the outcome', async () => {
    const dir = projectWithPost();
    const result = await bitext(dir, ['translate', 'content/post.md', '--translator', 'pseudo', '--json']);
    const [report] = JSON.parse(result.stdout);
    expect(report.translated).toBe(180);
    expect(report.summary).toEqual({ current: 180, stale: 0, missing: 0, conflict: 0 });
    expect(report.wrote).toEqual(['translations/post.zh-en.md', 'translations/post.en.md']);
  });

  it('uses the content list and translator of the config when no file is given; flags override it', async () => {
    const dir = projectWithPost();
    writeFile(dir, 'bitext.config.json', JSON.stringify({ content: ['content/post.md'], out: 'out', translator: 'pseudo' }));
    const result = await bitext(dir, ['translate']);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'post.en.md'))).toBe(true);
    const flagged = await bitext(dir, ['status', '--out', 'elsewhere', '--json']);
    expect(JSON.parse(flagged.stdout).summary.missing).toBe(180);
  });
});

describe('bad input: exit 2, a precise message, no file touched', () => {
  const expectNothingWritten = (dir: string) => expect(readdirSync(dir).includes('translations')).toBe(false);

  it('an unknown option', async () => {
    const dir = projectWithPost();
    const result = await bitext(dir, ['translate', 'content/post.md', '--frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--frobnicate'");
    expectNothingWritten(dir);
  });

  it('a missing file', async () => {
    const dir = tempProject();
    const result = await bitext(dir, ['translate', 'content/nope.md', '--translator', 'pseudo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('content/nope.md: no such file');
  });

  it('invalid UTF-8, with the line', async () => {
    const dir = tempProject();
    writeFile(dir, 'content/bad.md', Buffer.concat([Buffer.from('# 标题\n\n第一段。\n\n坏'), Buffer.from([0xe5, 0x28]), Buffer.from('字\n')]));
    const result = await bitext(dir, ['translate', 'content/bad.md', '--translator', 'pseudo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/content\/bad\.md:5:\d+: the file is not valid UTF-8/);
    expectNothingWritten(dir);
  });

  it('broken front matter, with the line', async () => {
    const dir = tempProject({ 'content/fm.md': '---\ntitle: 标题\nsummary: [unclosed\ntags: x\n---\n\n正文。\n' });
    const result = await bitext(dir, ['translate', 'content/fm.md', '--translator', 'pseudo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/content\/fm\.md:\d+(:\d+)?: broken front matter/);
    expectNothingWritten(dir);
  });

  it('a bad config field', async () => {
    const dir = projectWithPost();
    writeFile(dir, 'bitext.config.json', '{"form": "zh"}');
    const result = await bitext(dir, ['status']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bitext.config.json: unknown config field "form"');
  });

  it('an unknown translator', async () => {
    const dir = projectWithPost();
    const result = await bitext(dir, ['translate', 'content/post.md', '--translator', 'babelfish']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('babelfish');
    expectNothingWritten(dir);
  });

  it('a translator that returns garbage: segments fail, exit 1, the rest is saved', async () => {
    const dir = tempProject({ 'content/a.md': '# 标题\n\n第一段。\n', 'garbage.mjs': "process.stdin.resume();process.stdin.on('end',()=>process.stdout.write('not json'))" });
    const result = await bitext(dir, ['translate', 'content/a.md', '--translator', 'command', '--command', 'node garbage.mjs', '--max-attempts', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('2 failed');
    const status = await bitext(dir, ['status', 'content/a.md', '--json']);
    expect(JSON.parse(status.stdout).summary.missing).toBe(2);
  });
});

describe('secrets', () => {
  it('never appear in output or files, even when the service echoes them', async () => {
    const dir = tempProject({ 'content/a.md': '第一段。\n', 'leaky.mjs': "console.error('auth failed for key ' + process.env.OPENAI_API_KEY); process.exit(3)" });
    const key = 'sk-test-THIS-IS-A-SECRET-1234567890';
    const result = await bitext(dir, ['translate', 'content/a.md', '--translator', 'command', '--command', 'node leaky.mjs', '--max-attempts', '1', '--verbose'], { OPENAI_API_KEY: key });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toContain(key);
    expect(result.stdout + result.stderr).not.toContain(key.slice(0, 8));
    for (const file of readdirSync(join(dir, 'translations'))) if (!file.startsWith('.')) expect(readText(dir, `translations/${file}`)).not.toContain(key);
  });
});

it('decodes the post as UTF-8 without a BOM', () => {
  const dir = projectWithPost();
  expect(decodeSource(Buffer.from(readText(dir, 'content/post.md')), 'post').bom).toBe(false);
});

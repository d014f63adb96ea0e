import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBilingual } from '../../src/bilingual/parse-bilingual.js';
import { hashSource } from '../../src/segment/hash-text.js';
import { bitext, projectWithPost, readText, tempProject, writeFile } from '../helpers/temp-project.js';
import { recordingTranslator } from '../helpers/recording-translator.js';

interface MemoryLine {
  key: string;
  source: string;
  translation: string;
  origin: string;
}

const JOURNALS = 'translations/.bitext/journal';

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

/** Real memory entries of the post: what a run would have journaled for these segments. */
async function postEntries(count: number): Promise<MemoryLine[]> {
  const other = projectWithPost();
  expect((await bitext(other, ['translate', 'content/post.md', '--translator', 'pseudo'])).code).toBe(0);
  const entries = (JSON.parse(readText(other, 'translations/.bitext/memory.json')) as { entries: MemoryLine[] }).entries;
  // Every other entry, so the journaled work is spread through the document.
  return entries.filter((_, i) => i % 2 === 1).slice(0, count);
}

/** A journal as a run of `pid` leaves it when it is killed in the middle of a write. */
function leaveJournal(dir: string, pid: number, entries: object[]): string {
  const name = `${JOURNALS}/${pid}-test.jsonl`;
  const lines = [{ 'bitext-journal': 1, pid, host: hostname(), started: 'earlier' }, ...entries].map((l) => `${JSON.stringify(l)}\n`).join('');
  writeFile(dir, name, `${lines}{"key":"zh>en:torn`);
  return join(dir, name);
}

function journalNames(dir: string): string[] {
  const folder = join(dir, JOURNALS);
  return existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.jsonl')) : [];
}

describe('the run journal through the CLI', () => {
  it('a dead run\'s journal: status reports its work, tm export includes it, the next run takes it at no cost, folds it and deletes it', async () => {
    const entries = await postEntries(30);
    const dir = projectWithPost();
    leaveJournal(dir, deadPid(), entries);

    const status = await bitext(dir, ['status', 'content/post.md']);
    expect(status.stdout).toContain(`an interrupted run left 30 finished translation(s) in ${JOURNALS}: the next \`bitext translate\` takes them at no cost`);
    // The same from the cache (fast path), and --check still fails: the document lacks them.
    expect((await bitext(dir, ['status', 'content/post.md'])).stdout).toBe(status.stdout);
    expect((await bitext(dir, ['status', 'content/post.md', '--check'])).code).toBe(1);
    const json = JSON.parse((await bitext(dir, ['status', 'content/post.md', '--json'])).stdout) as { documents: { journaled: unknown }[] };
    expect(json.documents[0]?.journaled).toEqual({ interrupted: 30, running: 0 });

    const exported = await bitext(dir, ['tm', 'export', '--format', 'tmx', '--output', 'tm.tmx']);
    expect(exported.stdout).toContain('30 translation unit(s)');

    const recorder = recordingTranslator(dir);
    const run = await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command]);
    expect(run.code, run.stderr).toBe(0);
    const sent = new Set(recorder.sent().map((s) => s.text));
    for (const entry of entries) expect(sent.has(entry.source)).toBe(false);
    const bySource = new Map(parseBilingual(readText(dir, 'translations/post.zh-en.md'), 'x').segments.map((s) => [s.source, s.translation]));
    for (const entry of entries) expect(bySource.get(entry.source)).toBe(entry.translation);
    // Folded into the memory, then gone.
    expect(journalNames(dir)).toEqual([]);
    const memory = new Map((JSON.parse(readText(dir, 'translations/.bitext/memory.json')) as { entries: MemoryLine[] }).entries.map((e) => [e.key, e.translation]));
    for (const entry of entries) expect(memory.get(entry.key)).toBe(entry.translation);
    expect((await bitext(dir, ['status', 'content/post.md', '--check'])).code).toBe(0);
  });

  it('over several documents, status names the journaled work on the line of the document it belongs to', async () => {
    const dir = tempProject({ 'bitext.config.json': JSON.stringify({ content: ['content/*.md'] }), 'content/a.md': '# 标题一\n\n第一段。\n', 'content/b.md': '# 标题二\n\n第二段。\n' });
    expect((await bitext(dir, ['translate', '--translator', 'pseudo'])).code).toBe(0);
    writeFile(dir, 'content/a.md', '# 标题一\n\n第一段改了。\n');
    writeFile(dir, 'content/b.md', '# 标题二\n\n第二段也改了。\n');
    leaveJournal(dir, deadPid(), [{ key: `zh>en:${hashSource('第一段改了。')}`, source: '第一段改了。', translation: 'First, changed.', origin: 'fake' }]);
    const status = await bitext(dir, ['status']);
    const lines = status.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('content/a.md (en)'))).toContain('; an interrupted run left 1 finished translation(s)');
    expect(lines.find((l) => l.startsWith('content/b.md (en)'))).not.toContain('interrupted');
    const run = await bitext(dir, ['translate', '--translator', 'pseudo']);
    expect(run.stdout).toContain('content/a.md → en: 0 translated, 1 from memory');
    expect(readText(dir, 'translations/a.zh-en.md')).toContain('First, changed.');
  });

  it('a live run\'s journal is read but never folded or deleted', async () => {
    const entries = await postEntries(10);
    const dir = projectWithPost();
    const journal = leaveJournal(dir, process.pid, entries);
    const before = readFileSync(journal, 'utf8');
    const status = await bitext(dir, ['status', 'content/post.md']);
    expect(status.stdout).toContain('a run still going has finished 10 more, saved when it ends');
    expect(status.stdout).not.toContain('interrupted');

    const recorder = recordingTranslator(dir);
    expect((await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', recorder.command])).code).toBe(0);
    const sent = new Set(recorder.sent().map((s) => s.text));
    for (const entry of entries) expect(sent.has(entry.source)).toBe(false);
    expect(readFileSync(journal, 'utf8')).toBe(before);
    expect(journalNames(dir)).toEqual([journal.split('/').pop()]);
  });

  it('while batches are answered, the bilingual document and the memory are not rewritten; the journal grows; at the end all is saved and the journal gone', async () => {
    const dir = projectWithPost();
    expect((await bitext(dir, ['translate', 'content/post.md', '--translator', 'pseudo'])).code).toBe(0);
    // Most paragraphs change, so most segments go out again, five per request.
    writeFile(dir, 'content/post.md', readText(dir, 'content/post.md').replaceAll('。', '！'));
    writeFile(dir, 'bitext.config.json', JSON.stringify({ translatorOptions: { maxSegmentsPerRequest: 5 } }));
    const bilingual = join(dir, 'translations/post.zh-en.md');
    const memory = join(dir, 'translations/.bitext/memory.json');
    const look = (path: string): string => (existsSync(path) ? `${statSync(path).ino}:${statSync(path).mtimeMs}:${readFileSync(path, 'utf8').length}` : 'none');
    const bilingualBefore = look(bilingual);
    const memoryBefore = look(memory);
    // A translator that notes, at every request, what the files look like.
    writeFileSync(join(dir, 'observe.mjs'), `import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
const look = (p) => (existsSync(p) ? statSync(p).ino + ':' + statSync(p).mtimeMs + ':' + readFileSync(p, 'utf8').length : 'none');
const folder = ${JSON.stringify(join(dir, JOURNALS))};
const journal = existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.jsonl')).map((n) => readFileSync(folder + '/' + n, 'utf8')).join('') : '';
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', async () => {
  const request = JSON.parse(input);
  await new Promise((r) => setTimeout(r, 20));
  appendFileSync(${JSON.stringify(join(dir, 'observed.jsonl'))}, JSON.stringify({ bilingual: look(${JSON.stringify(bilingual)}), memory: look(${JSON.stringify(memory)}), journalLines: journal.split('\\n').length - 1, segments: request.segments.length }) + '\\n');
  const translations = request.segments.map((s) => ({ id: s.id, text: 'EN ' + s.text.replace(/[\\u3400-\\u9fff]+/g, (m) => 'x'.repeat(Math.ceil(m.length * 1.5))) }));
  process.stdout.write(JSON.stringify({ translations }));
});
`);
    const run = await bitext(dir, ['translate', 'content/post.md', '--translator', 'command', '--command', `node ${JSON.stringify(join(dir, 'observe.mjs'))}`, '--concurrency', '1']);
    expect(run.code, run.stderr).toBe(0);
    const observed = readText(dir, 'observed.jsonl').trim().split('\n').map((l) => JSON.parse(l) as { bilingual: string; memory: string; journalLines: number; segments: number });
    expect(observed.length).toBeGreaterThan(10);
    for (const seen of observed) {
      expect(seen.bilingual).toBe(bilingualBefore);
      expect(seen.memory).toBe(memoryBefore);
    }
    // The journal holds the run's first line and what was answered before, whole lines only.
    const lines = observed.map((o) => o.journalLines);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const answeredBefore = observed.map((_, i) => observed.slice(0, i).reduce((n, o) => n + o.segments, 0));
    for (const [i, count] of lines.entries()) expect(Math.max(0, count - 1)).toBeLessThanOrEqual(answeredBefore[i] as number);
    expect(lines.at(-1)).toBeGreaterThan(1);

    expect(look(bilingual)).not.toBe(bilingualBefore);
    expect(look(memory)).not.toBe(memoryBefore);
    expect(journalNames(dir)).toEqual([]);
    expect(parseBilingual(readText(dir, 'translations/post.zh-en.md'), 'x').segments.filter((s) => s.source.includes('！')).every((s) => s.translation?.startsWith('EN '))).toBe(true);
    expect((await bitext(dir, ['status', 'content/post.md', '--check'])).code).toBe(0);
  });
});

describe('a journal that cannot be written', () => {
  it('stops the run with exit 2 naming the folder, and the documents still get what was finished', async () => {
    const dir = projectWithPost();
    writeFile(dir, JOURNALS, 'a file where the journal folder goes\n');
    const run = await bitext(dir, ['translate', 'content/post.md', '--translator', 'pseudo']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`bitext: ${JOURNALS}:`);
    const saved = parseBilingual(readText(dir, 'translations/post.zh-en.md'), 'x').segments.filter((s) => s.translation !== undefined);
    expect(saved.length).toBeGreaterThan(0);
    expect(readText(dir, JOURNALS)).toBe('a file where the journal folder goes\n');
  });
});

import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeIntoMemoryFile, readMemoryFile, readMemoryWithJournals } from '../../src/store/memory-file.js';
import { createRunJournal, journalFolder, readJournals, type JournalEntry } from '../../src/store/run-journal.js';
import { tempProject } from '../helpers/temp-project.js';

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

const entry = (n: number, extra: Partial<JournalEntry> = {}): JournalEntry => ({ key: `zh>en:h${n}`, source: `源${n}`, translation: `T${n}`, origin: 'fake', ...extra });

/** A journal as a run of `pid` would have left it. */
function leftJournal(folder: string, name: string, pid: number, entries: JournalEntry[], tail = ''): string {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  writeFileSync(path, `${[{ 'bitext-journal': 1, pid, host: hostname(), started: 'earlier' }, ...entries].map((l) => `${JSON.stringify(l)}\n`).join('')}${tail}`);
  return path;
}

describe('the run journal', () => {
  it('appends whole lines after a first line naming the run, and reads them back', async () => {
    const folder = journalFolder(tempProject());
    const journal = createRunJournal(folder);
    expect(existsSync(folder)).toBe(false); // nothing on disk until there is something to keep
    await journal.append([entry(1), entry(2, { suggestion: true })]);
    await journal.append([entry(3)]);
    const lines = readFileSync(journal.path, 'utf8').split('\n');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ 'bitext-journal': 1, pid: process.pid, host: hostname() });
    expect(lines).toHaveLength(5); // three entries and the newline after the last
    const [read] = await readJournals(folder);
    expect(read?.alive).toBe(true);
    expect(read?.entries).toEqual([entry(1), entry(2, { suggestion: true }), entry(3)]);
    await journal.remove();
    expect(readdirSync(folder).filter((n) => n.endsWith('.jsonl'))).toEqual([]);
  });

  it('skips a torn last line (kill -9 in the middle of a write) and a damaged one, without failing', async () => {
    const folder = journalFolder(tempProject());
    const path = leftJournal(folder, '1-torn.jsonl', deadPid(), [entry(1), entry(2)]);
    appendFileSync(path, 'not json\n');
    appendFileSync(path, `${JSON.stringify(entry(3))}\n`);
    appendFileSync(path, JSON.stringify(entry(4)).slice(0, 25));
    const [read] = await readJournals(folder);
    expect(read?.alive).toBe(false);
    expect(read?.entries.map((e) => e.key)).toEqual(['zh>en:h1', 'zh>en:h2', 'zh>en:h3']);
    // Even a line that happens to be whole JSON does not count until its newline is there.
    const whole = leftJournal(folder, '2-whole.jsonl', deadPid(), [], JSON.stringify(entry(5)));
    expect((await readJournals(folder)).find((j) => j.path === whole)?.entries).toEqual([]);
  });

  it('counts as memory; a suggestion only fills a gap, never replacing a translation', async () => {
    const out = tempProject();
    const memoryFile = join(out, '.bitext', 'memory.json');
    await mergeIntoMemoryFile(memoryFile, 'memory.json', new Map([['zh>en:h1', { source: '源1', translation: 'human 1', origin: 'human' }]]));
    leftJournal(journalFolder(out), '1-a.jsonl', deadPid(), [entry(1, { suggestion: true }), entry(2, { suggestion: true }), entry(3)]);
    const { memory, journals } = await readMemoryWithJournals(memoryFile, 'memory.json');
    expect(journals).toHaveLength(1);
    expect(memory.get('zh>en:h1')?.translation).toBe('human 1');
    expect(memory.get('zh>en:h2')?.translation).toBe('T2');
    expect(memory.get('zh>en:h3')?.translation).toBe('T3');
  });

  it('folds dead runs\' journals into the memory file and deletes them; a live run\'s journal and the caller\'s own stay', async () => {
    const out = tempProject();
    const folder = journalFolder(out);
    const memoryFile = join(out, '.bitext', 'memory.json');
    const dead = leftJournal(folder, '1-dead.jsonl', deadPid(), [entry(1), entry(2)], '{"key":"zh>en:h9');
    const live = leftJournal(folder, '2-live.jsonl', process.pid, [entry(3)]);
    const own = leftJournal(folder, '3-own.jsonl', deadPid(), [entry(4)]);
    await mergeIntoMemoryFile(memoryFile, 'memory.json', new Map([['zh>en:h5', { source: '源5', translation: 'T5', origin: 'fake' }]]), { foldDeadJournals: { except: own } });
    expect([...(await readMemoryFile(memoryFile, 'memory.json')).keys()]).toEqual(['zh>en:h1', 'zh>en:h2', 'zh>en:h5']);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(own)).toBe(true);
  });

  it('folds a dead run\'s journal even when the run itself adds nothing, and creates nothing when there is nothing to do', async () => {
    const out = tempProject();
    const memoryFile = join(out, '.bitext', 'memory.json');
    await mergeIntoMemoryFile(memoryFile, 'memory.json', new Map(), { foldDeadJournals: {} });
    expect(existsSync(join(out, '.bitext'))).toBe(false);
    const dead = leftJournal(journalFolder(out), '1-dead.jsonl', deadPid(), [entry(1)]);
    await mergeIntoMemoryFile(memoryFile, 'memory.json', new Map(), { foldDeadJournals: {} });
    expect([...(await readMemoryFile(memoryFile, 'memory.json')).keys()]).toEqual(['zh>en:h1']);
    expect(existsSync(dead)).toBe(false);
  });
});

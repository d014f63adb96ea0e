import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileSystemError } from '../../src/model/errors.js';
import { writePartsAtomicIfChanged } from '../../src/store/atomic-write.js';
import { memoryFileParts } from '../../src/store/memory-file-text.js';
import { tempProject, writeFile } from '../helpers/temp-project.js';

const parts = (...pieces: string[]) => () => pieces;

describe('writing a large file in parts', () => {
  it('writes the parts joined, atomically, and leaves no temporary file', async () => {
    const dir = tempProject();
    const path = join(dir, 'out', 'doc.md');
    const big = '段落'.repeat(700_000); // more than one write chunk
    expect(await writePartsAtomicIfChanged(path, parts('a\n', big, '\nz'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(`a\n${big}\nz`);
    expect(readdirSync(join(dir, 'out'))).toEqual(['doc.md']);
  });

  it('leaves an unchanged file untouched (same mtime), also when only the parts differ', async () => {
    const dir = tempProject();
    const path = join(dir, 'doc.md');
    writeFile(dir, 'doc.md', 'ab中文');
    utimesSync(path, new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect(await writePartsAtomicIfChanged(path, parts('a', 'b中', '文'))).toBe(false);
    expect(statSync(path).mtimeMs).toBe(new Date(2000, 0, 1).getTime());
    // Same size, other bytes: written.
    expect(await writePartsAtomicIfChanged(path, parts('ba中文'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('ba中文');
  });

  it("keeps the file's mode", async () => {
    const dir = tempProject();
    const path = join(dir, 'doc.md');
    writeFile(dir, 'doc.md', 'old');
    chmodSync(path, 0o640);
    await writePartsAtomicIfChanged(path, parts('new'));
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('fails with a FileSystemError naming the file, removing its temporary file', async () => {
    const dir = tempProject();
    mkdirSync(join(dir, 'doc.md'));
    mkdirSync(join(dir, 'doc.md', 'inside'));
    const error = await writePartsAtomicIfChanged(join(dir, 'doc.md'), parts('text')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileSystemError);
    expect((error as FileSystemError).format()).toContain('doc.md');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes the memory file byte for byte as JSON.stringify with one-space indentation', () => {
    for (const entries of [[], [{ key: 'k1', source: '源\n"引号"', translation: 'line\nbreak \\ ⟦1⟧', origin: 'pseudo' }, { key: 'k2', source: 'b', translation: 'c', origin: 'human' }]]) {
      expect([...memoryFileParts(entries)].join('')).toBe(`${JSON.stringify({ 'bitext-memory': 1, entries }, null, 1)}\n`);
    }
  });
});

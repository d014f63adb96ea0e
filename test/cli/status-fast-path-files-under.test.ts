import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { filesUnder } from '../../src/store/files-under.js';
import { tempProject } from '../helpers/temp-project.js';

describe('filesUnder (the walk that replaced a glob on every start)', () => {
  it('finds what glob("**", { dot: false }) finds: nested files, no dot names, links to folders followed', async () => {
    const dir = tempProject({
      'a.zh-en.md': 'x',
      'sub/deeper/b.zh-ja.md': 'x',
      '.bitext/memory.json': '{}',
      'sub/.hidden.zh-de.md': 'x',
      '.dotdir/c.zh-fr.md': 'x',
      'other/d.md': 'x',
    });
    mkdirSync(join(dir, 'empty'));
    symlinkSync(join(dir, 'other'), join(dir, 'linked'));
    const expected = (await glob('**', { cwd: dir, onlyFiles: true, dot: false })).sort();
    expect((await filesUnder(dir)).sort()).toEqual(expected);
    expect(expected).toContain('sub/deeper/b.zh-ja.md');
    expect(expected).toContain('linked/d.md');
  });

  it('ends on a link loop and gives nothing for a missing folder', async () => {
    const dir = tempProject({ 'a/x.md': 'x' });
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'loop'));
    const found = await filesUnder(dir);
    expect(found).toContain('a/x.md');
    expect(found.length).toBeLessThan(10);
    expect(await filesUnder(join(dir, 'missing'))).toEqual([]);
  });
});

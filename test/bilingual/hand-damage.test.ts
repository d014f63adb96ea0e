import { describe, expect, it } from 'vitest';
import { smallDocument } from '../helpers/run-bitext.js';
import { bitext, readText, tempProject, writeFile } from '../helpers/temp-project.js';

const BILINGUAL = 'translations/doc.zh-en.md';

/** A project whose small document was translated with the pseudo translator. */
async function translated(): Promise<{ dir: string; text: string }> {
  const dir = tempProject({ 'content/doc.md': smallDocument(4) });
  const run = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'pseudo']);
  expect(run.code).toBe(0);
  return { dir, text: readText(dir, BILINGUAL) };
}

/** The lines of the block of the segment whose quote holds `第n段`. */
function blockOf(text: string, n: number): { marker: string; quote: string; translation: string } {
  const lines = text.split('\n');
  const quoteIndex = lines.findIndex((l) => l.startsWith(`> 第${n}段`));
  return { marker: lines[quoteIndex - 2] ?? '', quote: lines[quoteIndex] ?? '', translation: lines[quoteIndex + 2] ?? '' };
}

/** Every command that reads the bilingual document must refuse it the same way, writing nothing. */
async function expectRefused(dir: string, pattern: RegExp, hint: RegExp): Promise<string> {
  const before = [readText(dir, BILINGUAL), readText(dir, 'translations/doc.en.md')];
  let shown = '';
  for (const argv of [['status', 'content/doc.md'], ['translate', 'content/doc.md', '--translator', 'pseudo'], ['check', 'content/doc.md']]) {
    const run = await bitext(dir, argv);
    expect(run.code, `${argv[0]}: ${run.stdout}${run.stderr}`).toBe(2);
    expect(run.stderr).toMatch(pattern);
    expect(run.stderr).toMatch(hint);
    shown = run.stderr;
  }
  expect([readText(dir, BILINGUAL), readText(dir, 'translations/doc.en.md')]).toEqual(before);
  return shown;
}

describe('a hand-edited bilingual document that is wrong is refused', () => {
  it('git merge-conflict markers around a translation: refused with the line and how to resolve', async () => {
    const { dir, text } = await translated();
    const { translation } = blockOf(text, 2);
    const conflicted = text.replace(translation, `<<<<<<< HEAD\nParagraph two, our wording.\n=======\nParagraph two, their wording.\n>>>>>>> other-branch`);
    writeFile(dir, BILINGUAL, conflicted);
    const line = conflicted.split('\n').indexOf('<<<<<<< HEAD') + 1;
    const stderr = await expectRefused(dir, new RegExp(`doc\\.zh-en\\.md:${line}: a git merge-conflict marker`), /Resolve the merge conflict/);
    expect(stderr).toContain('git checkout --ours');
  });

  it('conflict markers around whole blocks (a marker line inside a conflict) are refused too', async () => {
    const { dir, text } = await translated();
    const { marker } = blockOf(text, 3);
    writeFile(dir, BILINGUAL, text.replace(marker, `<<<<<<< HEAD\n${marker}\n=======\n${marker}\n>>>>>>> theirs`));
    await expectRefused(dir, /a git merge-conflict marker/, /Resolve the merge conflict/);
  });

  it('two pairs merged by hand (marker deleted, translations joined under both quotes) are refused', async () => {
    const { dir, text } = await translated();
    const two = blockOf(text, 2);
    const three = blockOf(text, 3);
    const merged = text.replace(`${two.quote}\n\n${two.translation}\n\n${three.marker}\n\n${three.quote}\n\n${three.translation}`, `${two.quote}\n${three.quote}\n\n${two.translation} ${three.translation}`);
    expect(merged).not.toBe(text);
    writeFile(dir, BILINGUAL, merged);
    await expectRefused(dir, /the quoted source no longer matches its `source-hash=`/, /Restore the deleted marker line/);
  });

  it('a deleted marker line (the next quote inside a translation) is refused with the right fix', async () => {
    const { dir, text } = await translated();
    const three = blockOf(text, 3);
    // Both with the blank lines kept and with the translations pulled together.
    for (const damaged of [text.replace(`${three.marker}\n\n`, ''), text.replace(`\n\n${three.marker}\n\n${three.quote}\n\n`, `\n${three.quote}\n`)]) {
      expect(damaged).not.toBe(text);
      writeFile(dir, BILINGUAL, damaged);
      const line = damaged.split('\n').indexOf(three.quote) + 1;
      const stderr = await expectRefused(dir, new RegExp(`:${line}: segment s[0-9a-f]+: a second quoted source`), /Restore the deleted marker line above that quote/);
      expect(stderr).not.toContain('Join the lines');
    }
  });
});

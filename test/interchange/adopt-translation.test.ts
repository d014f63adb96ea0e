import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bitext, readText, writeFile } from '../helpers/temp-project.js';
import { POST_BILINGUAL, POST_SOURCE, POST_TARGET, projectWithTranslatedPost } from './interchange-helpers.js';

/** The id of the segment whose committed translation is `text`, read from the bilingual document. */
function idOfTranslation(bilingual: string, text: string): string {
  const at = bilingual.indexOf(`\n\n${text}\n`);
  expect(at, text.slice(0, 40)).toBeGreaterThan(0);
  const marker = bilingual.lastIndexOf('<!-- bitext:segment id=', at);
  return /id=(\S+)/.exec(bilingual.slice(marker))?.[1] as string;
}

/** A bilingual document as adopt writes it: the same pairs, none marked reviewed yet. */
function withoutReviewMarks(bilingual: string): string {
  return bilingual.replace(/ reviewed=yes(?= -->)/g, '');
}

describe('bitext adopt', () => {
  it('adopts the shipped English version of the post: status --check passes and re-rendering gives it back byte for byte', async () => {
    const dir = projectWithTranslatedPost();
    const english = readText(dir, POST_TARGET);
    const committedBilingual = readText(dir, POST_BILINGUAL);
    rmSync(join(dir, POST_BILINGUAL));
    rmSync(join(dir, 'translations/.bitext'), { recursive: true });

    const adopted = await bitext(dir, ['adopt', POST_SOURCE, POST_TARGET]);
    expect(adopted.code).toBe(0);
    expect(adopted.stdout).toContain("adopted 180 of 180 segment(s) as a person's translation; 0 missing");
    expect((await bitext(dir, ['status', '--check', POST_SOURCE])).code).toBe(0);
    // Adopted pairs are people's translations, not yet reviewed: the committed document differs only by its review marks.
    expect(readText(dir, POST_BILINGUAL)).toBe(withoutReviewMarks(committedBilingual));

    // Re-render from the bilingual document alone: nothing to send, and the English version comes back.
    rmSync(join(dir, POST_TARGET));
    const rerun = await bitext(dir, ['translate', POST_SOURCE, '--translator', 'command', '--command', 'exit 3']);
    expect(rerun.code).toBe(0);
    expect(readText(dir, POST_TARGET)).toBe(english);
  });

  it('reports exactly the deleted paragraph and the two merged ones, with their lines, and marks them missing', async () => {
    const dir = projectWithTranslatedPost();
    const bilingual = readText(dir, POST_BILINGUAL);
    const blocks = readText(dir, POST_TARGET).split('\n\n');
    const paragraphs = [...blocks.keys()].filter((i) => /^[A-Z"]/.test(blocks[i] as string));
    const deleted = paragraphs[20] as number;
    const merged = paragraphs.slice(60).find((i, k, rest) => rest[k + 1] === i + 1) as number;
    const expected = [blocks[deleted], blocks[merged], blocks[merged + 1]].map((text) => idOfTranslation(bilingual, text as string));
    // Delete one paragraph; merge two by removing the blank line between them.
    const edited = blocks.flatMap((block, i) => (i === deleted || i === merged + 1 ? [] : i === merged ? [`${block}\n${blocks[merged + 1]}`] : [block])).join('\n\n');
    writeFile(dir, 'edited.en.md', edited);
    rmSync(join(dir, POST_BILINGUAL));

    const result = await bitext(dir, ['adopt', POST_SOURCE, 'edited.en.md', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { adopted: number; missing: number; findings: { file: string; line: number; ids: string[]; message: string }[] };
    expect(report.findings.flatMap((f) => f.ids).sort()).toEqual([...expected].sort());
    expect(report).toMatchObject({ adopted: 177, missing: 3 });
    const mergedLine = edited.slice(0, edited.indexOf(blocks[merged] as string)).split('\n').length;
    expect(report.findings).toContainEqual(expect.objectContaining({ file: 'edited.en.md', line: mergedLine, ids: expected.slice(1) }));
    expect(report.findings).toContainEqual(expect.objectContaining({ file: POST_SOURCE, ids: [expected[0]], message: expect.stringContaining('marked missing') }));

    const status = JSON.parse((await bitext(dir, ['status', POST_SOURCE, '--json'])).stdout) as { segments: { id: string; status: string }[] };
    expect(status.segments.filter((s) => s.status !== 'current').map((s) => [s.id, s.status]).sort()).toEqual(expected.map((id) => [id, 'missing']).sort());
  });

  it('refuses to replace an existing bilingual document without --force, and writes nothing', async () => {
    const dir = projectWithTranslatedPost();
    const before = readText(dir, POST_BILINGUAL);
    const result = await bitext(dir, ['adopt', POST_SOURCE, POST_TARGET]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${POST_BILINGUAL}: a bilingual document already exists for this source`);
    expect(readText(dir, POST_BILINGUAL)).toBe(before);
    expect((await bitext(dir, ['adopt', POST_SOURCE, POST_TARGET, '--force'])).code).toBe(0);
    expect(readText(dir, POST_BILINGUAL)).toBe(withoutReviewMarks(before));
  });
});

describe('bitext adopt --dry-run and bad input', () => {
  it('reports without writing', async () => {
    const dir = projectWithTranslatedPost();
    rmSync(join(dir, POST_BILINGUAL));
    const result = await bitext(dir, ['adopt', POST_SOURCE, POST_TARGET, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("would adopt 180 of 180 segment(s) as a person's translation; 0 missing");
    expect(() => readText(dir, POST_BILINGUAL)).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { bitext, readText, writeFile } from '../helpers/temp-project.js';
import { changedLines, editTarget, POST_BILINGUAL, POST_EXPORT, POST_SOURCE, POST_TARGET, projectWithTranslatedPost } from './interchange-helpers.js';

const NEW_TEXT = 'Thank you for having me on the podcast; I am a big fan of yours.';
const OLD_TEXT = "Thanks for having me on the podcast. I'm a big fan.";

describe.each(['xliff', 'xliff1', 'po'] as const)('export → edit one target → import (%s)', (format) => {
  it('changes the bilingual document and the English version exactly there, as a person\'s translation', async () => {
    const dir = projectWithTranslatedPost();
    const bilingualBefore = readText(dir, POST_BILINGUAL);
    const targetBefore = readText(dir, POST_TARGET);
    expect((await bitext(dir, ['export', POST_SOURCE, '--format', format])).code).toBe(0);
    writeFile(dir, POST_EXPORT[format], editTarget(format, readText(dir, POST_EXPORT[format]), 's975e0045', NEW_TEXT));

    const result = await bitext(dir, ['import', POST_EXPORT[format]]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('updated 1 translation(s)');

    const bilingualAfter = readText(dir, POST_BILINGUAL);
    const bilingualLines = bilingualAfter.split('\n');
    // The marker (new translation hash) and the translation line, nothing else.
    const changed = changedLines(bilingualBefore, bilingualAfter);
    expect(changed).toHaveLength(2);
    expect(bilingualLines[(changed[0] as number) - 1]).toMatch(/^<!-- bitext:segment id=s975e0045 kind=paragraph status=current origin=human /);
    expect(bilingualLines[(changed[1] as number) - 1]).toBe(NEW_TEXT);

    const targetAfter = readText(dir, POST_TARGET);
    const targetChanged = changedLines(targetBefore, targetAfter);
    expect(targetChanged).toHaveLength(1);
    expect(targetBefore.split('\n')[(targetChanged[0] as number) - 1]).toBe(OLD_TEXT);
    expect(targetAfter.split('\n')[(targetChanged[0] as number) - 1]).toBe(NEW_TEXT);

    expect((await bitext(dir, ['status', '--check', POST_SOURCE])).code).toBe(0);
    // Importing the same file again changes nothing.
    expect((await bitext(dir, ['import', POST_EXPORT[format]])).stdout).toContain('updated 0 translation(s)');
  });

  it('with --dry-run lists the change and writes nothing', async () => {
    const dir = projectWithTranslatedPost();
    const bilingualBefore = readText(dir, POST_BILINGUAL);
    await bitext(dir, ['export', POST_SOURCE, '--format', format]);
    writeFile(dir, POST_EXPORT[format], editTarget(format, readText(dir, POST_EXPORT[format]), 's975e0045', NEW_TEXT));
    const result = await bitext(dir, ['import', POST_EXPORT[format], '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`s975e0045: ${JSON.stringify(OLD_TEXT)} → ${JSON.stringify(NEW_TEXT)}`);
    expect(result.stdout).toContain('would update 1 translation(s)');
    expect(readText(dir, POST_BILINGUAL)).toBe(bilingualBefore);
  });

  it('reports a unit whose source changed since the export as a conflict and does not apply it', async () => {
    const dir = projectWithTranslatedPost();
    await bitext(dir, ['export', POST_SOURCE, '--format', format]);
    writeFile(dir, POST_EXPORT[format], editTarget(format, readText(dir, POST_EXPORT[format]), 's975e0045', NEW_TEXT));
    writeFile(dir, POST_SOURCE, readText(dir, POST_SOURCE).replace('感谢邀请我参加播客，我是你们的忠实粉丝。', '感谢邀请我参加这个播客，我是你们的忠实粉丝。'));
    const bilingualBefore = readText(dir, POST_BILINGUAL);
    const result = await bitext(dir, ['import', POST_EXPORT[format]]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('conflict s975e0045: the source changed since the file was exported');
    // XLIFF says where the unit is; PO entries are named by their msgctxt.
    const at = format === 'po' ? `${POST_EXPORT[format]}: ` : new RegExp(`${POST_EXPORT[format].replace(/\./g, '\\.')}:\\d+: conflict`);
    expect(result.stderr).toMatch(at);
    expect(readText(dir, POST_BILINGUAL)).toBe(bilingualBefore);
  });

  it('reports ids the document does not have', async () => {
    const dir = projectWithTranslatedPost();
    await bitext(dir, ['export', POST_SOURCE, '--format', format]);
    const edited = editTarget(format, readText(dir, POST_EXPORT[format]), 's975e0045', NEW_TEXT).replaceAll('s975e0045', 'sdeadbeef');
    writeFile(dir, POST_EXPORT[format], edited);
    const result = await bitext(dir, ['import', POST_EXPORT[format]]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${POST_EXPORT[format]}: unknown segment id(s) for ${POST_SOURCE}, not imported: sdeadbeef`);
  });
});

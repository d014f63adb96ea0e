import { adoptTranslation } from '../../engine/adopt-translation.js';
import { displayPath } from '../../store/project-paths.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { resolveSettings, type CommonFlags } from '../resolve-settings.js';

interface AdoptFlags extends CommonFlags {
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

/**
 * `bitext adopt <source> <translation>`: starts tracking a hand-made translation. Exits 1 when
 * some blocks could not be paired (they are listed, and their segments are `missing`).
 */
export async function adoptCommand(source: string, translation: string, flags: AdoptFlags, io: CliIo): Promise<number> {
  const settings = await resolveSettings(flags, [source], io);
  const result = await adoptTranslation(source, translation, settings, { force: Boolean(flags.force), dryRun: Boolean(flags.dryRun) });
  const total = result.document.state.entries.length;
  const missing = total - result.adopted;
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ bilingual: result.document.bilingualDisplay, segments: total, adopted: result.adopted, missing, findings: result.findings }, null, 2)}\n`);
  } else {
    for (const f of result.findings) io.stdout.write(`${f.file}:${f.line}: ${f.message}\n`);
    const verb = flags.dryRun ? 'would adopt' : 'adopted';
    io.stdout.write(`${result.document.bilingualDisplay}: ${verb} ${result.adopted} of ${total} segment(s) as a person's translation; ${missing} missing${result.wrote.length ? `; wrote ${result.wrote.map((p) => displayPath(p, io.cwd)).join(', ')}` : ''}\n`);
  }
  return result.findings.length > 0 ? EXIT.problems : EXIT.ok;
}

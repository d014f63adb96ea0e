import { resolve } from 'node:path';
import { applyImports, planImport, type ImportPlan, type ImportRejection } from '../../engine/import-translations.js';
import { loadDocument } from '../../engine/load-document.js';
import { detectExchangeFormat, EXCHANGE_FORMATS, type ExchangeFormatName } from '../../formats/exchange-formats.js';
import { InputError, UsageError } from '../../model/errors.js';
import { HUMAN_ORIGIN } from '../../model/types.js';
import { displayPath } from '../../store/project-paths.js';
import { readTextFile } from '../../store/read-text-file.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { resolveSettings, type CommonFlags } from '../resolve-settings.js';

interface ImportFlags extends CommonFlags {
  format?: ExchangeFormatName;
  dryRun?: boolean;
  origin?: string;
}

/**
 * `bitext import`: reads XLIFF or PO files a translator edited and records each changed target
 * as a person's translation. Every file is read and checked before anything is written.
 */
export async function importCommand(files: string[], flags: ImportFlags, io: CliIo): Promise<number> {
  const origin = flags.origin?.trim() || HUMAN_ORIGIN;
  const plans: ImportPlan[] = [];
  const displays: string[] = [];
  for (const file of files) {
    const display = displayPath(resolve(io.cwd, file), io.cwd);
    displays.push(display);
    const text = (await readTextFile(resolve(io.cwd, file), display)).text;
    const format = EXCHANGE_FORMATS[flags.format ?? detectExchangeFormat(text)];
    const imported = format.parse(text, display);
    if (!imported.sourcePath) throw new InputError('the file does not name its source document', { file: display }, `Import only files written by \`bitext export\` (the ${format.name === 'po' ? 'X-Bitext-Source header' : '<file original="…"> attribute'} names it).`);
    for (const [flag, given, inFile] of [['--from', flags.from, imported.from], ['--to', flags.to, imported.to]] as const) {
      if (given && inFile && given.toLowerCase() !== inFile.toLowerCase()) throw new UsageError(`${flag} ${given}, but the file is for ${inFile}`, { file: display }, `Leave out ${flag}: the languages are read from the file.`);
    }
    const languages = { from: flags.from ?? (imported.from || undefined), to: flags.to ?? (imported.to || undefined) };
    const settings = await resolveSettings({ ...flags, ...languages }, [imported.sourcePath], io);
    const document = await loadDocument(imported.sourcePath, settings);
    if (plans.some((p) => p.document.paths.bilingual === document.paths.bilingual)) throw new UsageError(`two of the files are for ${document.sourceDisplay}`, { file: display }, 'Import them one at a time.');
    plans.push(planImport(document, imported, origin));
  }

  const wrote = flags.dryRun ? plans.map(() => []) : await applyImports(plans, io.cwd);
  let troubles = 0;
  for (const [index, plan] of plans.entries()) {
    const { document } = plan;
    const file = displays[index] as string;
    if (flags.dryRun) for (const change of plan.changes) io.stdout.write(`  ${change.id}: ${change.before === undefined ? '(no translation)' : JSON.stringify(change.before)} → ${JSON.stringify(change.after)}\n`);
    const written = wrote[index] ?? [];
    const verb = flags.dryRun ? 'would update' : 'updated';
    io.stdout.write(`${document.bilingualDisplay}: ${verb} ${plan.changes.length} translation(s)${written.length ? `; wrote ${written.map((p) => displayPath(p, io.cwd)).join(', ')}` : ''}\n`);
    const where = (r: ImportRejection) => (r.line ? `${file}:${r.line}` : file);
    for (const c of plan.conflicts) io.stderr.write(`${where(c)}: conflict ${c.id}: ${c.reason}\n`);
    for (const p of plan.problems) io.stderr.write(`${where(p)}: not imported ${p.id}: ${p.reason}; keep every placeholder exactly once\n`);
    if (plan.unknown.length) io.stderr.write(`${file}: unknown segment id(s) for ${document.sourceDisplay}, not imported: ${plan.unknown.join(', ')}\n`);
    troubles += plan.conflicts.length + plan.problems.length + plan.unknown.length;
  }
  return troubles > 0 ? EXIT.problems : EXIT.ok;
}

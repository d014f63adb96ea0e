import { loadSite } from '../../engine/load-site.js';
import { checkDocument } from '../../engine/review-document.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { glossariesFor, resolveSettings, type CommonFlags } from '../resolve-settings.js';

interface CheckFlags extends CommonFlags {
  glossary?: string;
  json?: boolean;
}

/** `bitext check`: quality checks on every translated pair, in every file and language; exit 1 when anything is found. */
export async function checkCommand(files: string[], flags: CheckFlags, io: CliIo): Promise<number> {
  const settings = await resolveSettings(flags, files, io);
  const glossaries = await glossariesFor(flags.glossary, settings, io.cwd);
  const all = [];
  const site = await loadSite(settings.files, settings.targets, settings);
  for (const document of site.documents) {
    if (!document.stored) {
      io.stderr.write(`${document.sourceDisplay}: no bilingual document yet (${document.bilingualDisplay}); run \`bitext translate\` first\n`);
      continue;
    }
    for (const finding of checkDocument(document, glossaries.get(document.header.to) ?? [])) all.push({ ...finding, file: document.bilingualDisplay, language: document.header.to });
  }
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ findings: all, summary: { findings: all.length } }, null, 2)}\n`);
  } else {
    for (const f of all) io.stdout.write(`${f.file}:${f.line ?? '?'}: ${f.segmentId} ${f.check}: ${f.message}\n`);
    io.stdout.write(all.length ? `${all.length} finding(s). Fix the translation in the bilingual document, or mark a finding as intended with \`bitext accept <id> --allow <check>\`.\n` : 'no findings\n');
  }
  for (const failure of site.failures) io.stderr.write(`bitext: ${failure.error.format()}\n`);
  if (site.failures.length > 0) return EXIT.fatal;
  return all.length ? EXIT.problems : EXIT.ok;
}

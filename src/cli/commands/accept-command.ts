import { planAccept, writeAccepted } from '../../engine/accept-segments.js';
import { loadDocument } from '../../engine/load-document.js';
import { UsageError } from '../../model/errors.js';
import { acquireLock } from '../../store/document-lock.js';
import { displayPath } from '../../store/project-paths.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { resolveSettings, type CommonFlags } from '../resolve-settings.js';

interface AcceptFlags extends CommonFlags {
  file?: string;
  all?: boolean;
  suggestion?: boolean;
  allow?: string;
}

const QA_CHECKS = ['inline-structure', 'numbers', 'untranslated', 'empty', 'identical', 'glossary', 'length-ratio', 'brackets', 'whitespace'];

/**
 * `bitext accept`: a reviewer vouches for translations. Marks them reviewed and current against
 * the present source, resolves conflicts (the person's text, or `--suggestion`), and records QA
 * findings marked as intended with `--allow`.
 */
export async function acceptCommand(ids: string[], flags: AcceptFlags, io: CliIo): Promise<number> {
  if (ids.length === 0 && !flags.all) throw new UsageError('name the segment ids to accept, or pass --all', {}, 'Find ids with `bitext status` or `bitext review`.');
  const allow = flags.allow ? flags.allow.split(',').map((c) => c.trim()).filter(Boolean) : [];
  const unknownCheck = allow.find((c) => !QA_CHECKS.includes(c));
  if (unknownCheck) throw new UsageError(`--allow: unknown check "${unknownCheck}"`, {}, `Checks: ${QA_CHECKS.join(', ')}.`);
  const settings = await resolveSettings(flags, flags.file ? [flags.file] : [], io);

  // Read everything first (every file in every language), so an unknown id fails before anything is written.
  const documents = [];
  for (const file of settings.files) for (const to of settings.targets) documents.push(await loadDocument(file, { ...settings, to }));
  const wanted = new Set(ids);
  const found = new Set<string>();
  for (const document of documents) for (const entry of document.state.entries) if (wanted.has(entry.id)) found.add(entry.id);
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length) throw new UsageError(`no segment with id ${unknown.join(', ')} in ${settings.files.join(', ')}`, {}, 'Check the id with `bitext status --all`, or name the file with --file.');

  let accepted = 0;
  const skipped: string[] = [];
  for (const document of documents) {
    const plan = planAccept(document, { ids: wanted, all: Boolean(flags.all), useSuggestion: Boolean(flags.suggestion), allow });
    skipped.push(...plan.skipped);
    accepted += plan.updates.size;
    if (plan.updates.size === 0) continue;
    const release = await acquireLock(document.paths.bilingual, document.bilingualDisplay);
    try {
      const wrote = await writeAccepted(document, plan, io.cwd);
      io.stdout.write(`${document.bilingualDisplay}: accepted ${plan.updates.size} segment(s)${wrote.length ? `; wrote ${wrote.map((p) => displayPath(p, io.cwd)).join(', ')}` : ''}\n`);
    } finally {
      await release();
    }
  }
  if (skipped.length) io.stderr.write(`not accepted (no translation yet): ${skipped.join(', ')}\n`);
  if (accepted === 0) io.stdout.write('nothing to accept\n');
  return skipped.length ? EXIT.problems : EXIT.ok;
}

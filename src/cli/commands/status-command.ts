import { describeStatus, type StatusSummary } from '../../engine/describe-status.js';
import { loadSite } from '../../engine/load-site.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { resolveSettings, type CommonFlags } from '../resolve-settings.js';

interface StatusFlags extends CommonFlags {
  json?: boolean;
  check?: boolean;
  all?: boolean;
}

const emptySummary = (): StatusSummary => ({ total: 0, current: 0, stale: 0, missing: 0, conflict: 0, edited: 0, moved: 0, removed: 0 });

/**
 * `bitext status`: where every segment stands, in every file and target language; reads only,
 * never sends anything. One document: every segment that needs work. Several: one line per
 * document that needs work, then a summary per language.
 */
export async function statusCommand(files: string[], flags: StatusFlags, io: CliIo): Promise<number> {
  const settings = await resolveSettings(flags, files, io);
  const site = await loadSite(settings.files, settings.targets, settings);
  const documents = [];
  const total = emptySummary();
  const byLanguage = new Map(settings.targets.map((to) => [to, { documents: 0, needWork: 0, summary: emptySummary() }]));
  const text: string[] = [];
  const several = site.documents.length + site.failures.length > 1;
  for (const document of site.documents) {
    const language = document.header.to;
    const status = describeStatus(document);
    const perLanguage = byLanguage.get(language);
    for (const key of Object.keys(total) as (keyof StatusSummary)[]) {
      total[key] += status.summary[key];
      if (perLanguage) perLanguage.summary[key] += status.summary[key];
    }
    documents.push({ source: document.sourceDisplay, language, bilingual: document.bilingualDisplay, target: document.targetDisplay, ...status, segments: status.segments.map((s) => ({ ...s, language })) });

    const s = status.summary;
    const needsWork = s.current !== s.total;
    if (perLanguage) {
      perLanguage.documents += 1;
      if (needsWork) perLanguage.needWork += 1;
    }
    if (several) {
      if (needsWork || flags.all) text.push(`${document.sourceDisplay} (${language}): ${s.stale} stale, ${s.missing} missing, ${s.conflict} conflict of ${s.total}${document.stored ? '' : ' (not translated yet)'}`);
      continue;
    }
    text.push(`${document.sourceDisplay} → ${document.bilingualDisplay}${document.stored ? '' : ' (not created yet)'}`);
    const origins = new Map<string, number>();
    for (const line of status.segments) if (line.origin) origins.set(line.origin, (origins.get(line.origin) ?? 0) + 1);
    const originText = [...origins].map(([origin, count]) => `${origin} ${count}`).join(', ');
    text.push(`  ${s.total} segments: ${s.current} current, ${s.stale} stale, ${s.missing} missing, ${s.conflict} conflict; ${s.edited} edited by a person${originText ? `; origin: ${originText}` : ''}`);
    for (const line of status.segments) {
      if (line.status === 'current' && !flags.all) continue;
      const flagsText = [line.edited ? 'edited' : '', line.reviewed ? 'reviewed' : '', line.moved ? 'moved' : ''].filter(Boolean).join(',');
      text.push(`  ${line.status.padEnd(8)} ${line.id.padEnd(12)} ${line.kind.padEnd(12)} ${document.sourceDisplay}:${line.line}${flagsText ? ` [${flagsText}]` : ''}${line.reason ? `  ${line.reason}` : ''}`);
    }
    const moved = status.segments.filter((l) => l.moved);
    if (moved.length) text.push(`  moved since the last run (translation kept): ${moved.map((l) => l.id).join(', ')}`);
    if (status.removed.length) text.push(`  removed from the source since the last run: ${status.removed.map((r) => r.id).join(', ')}`);
  }
  if (several) {
    for (const [language, { documents: count, needWork, summary: s }] of byLanguage) {
      text.push(`${language}: ${count} document(s), ${needWork} need work; ${s.total} segments: ${s.current} current, ${s.stale} stale, ${s.missing} missing, ${s.conflict} conflict; ${s.edited} edited by a person`);
    }
  }
  const everythingCurrent = total.current === total.total;
  if (flags.json) {
    const languages = Object.fromEntries([...byLanguage].map(([language, l]) => [language, l.summary]));
    const failures = site.failures.map((f) => ({ file: f.file, error: f.error.format() }));
    io.stdout.write(`${JSON.stringify({ documents, segments: documents.flatMap((d) => d.segments.map((s) => ({ ...s, source: d.source }))), summary: total, languages, failures }, null, 2)}\n`);
  } else {
    io.stdout.write(`${text.join('\n')}\n`);
    if (flags.check && !everythingCurrent) {
      io.stdout.write(`check failed: ${total.stale} stale, ${total.missing} missing, ${total.conflict} conflict. Run \`bitext translate\` (or edit the bilingual document and \`bitext accept\`).\n`);
    }
  }
  for (const failure of site.failures) io.stderr.write(`bitext: ${failure.error.format()}\n`);
  if (site.failures.length > 0) return EXIT.fatal;
  return flags.check && !everythingCurrent ? EXIT.problems : EXIT.ok;
}

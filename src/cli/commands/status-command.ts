import { resolve } from 'node:path';
import type { StatusSummary } from '../../engine/describe-status.js';
import { pathSettings } from '../../engine/path-settings.js';
import type { ResolvedSettings } from '../resolve-settings.js';
import type { SourceHash } from '../../model/types.js';
import { memoryKey } from '../../plan/translation-memory.js';
import { documentPaths, displayPath } from '../../store/project-paths.js';
import { journalFolder, readJournals } from '../../store/run-journal.js';
import { hashFileBytes, readStatusCache, statusCacheKey, statusCachePath, statusFingerprint, writeStatusCache, type DocumentStatusReport, type StatusCacheEntry } from '../../store/status-cache.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { resolveSettings, type CommonFlags } from '../resolve-settings.js';

interface StatusFlags extends CommonFlags {
  json?: boolean;
  check?: boolean;
  all?: boolean;
}

/** Every document's report, and the files that could not be read (already formatted). */
interface SiteStatus {
  documents: DocumentStatusReport[];
  failures: { file: string; error: string }[];
}

/** Per document (by index): how many of its unfinished segments a run's journal already holds, by whether that run was interrupted or still goes. */
type Journaled = { interrupted: number; running: number }[];

const emptySummary = (): StatusSummary => ({ total: 0, current: 0, stale: 0, missing: 0, conflict: 0, edited: 0, moved: 0, removed: 0 });

/**
 * `bitext status`: where every segment stands, in every file and target language; reads only,
 * never sends anything. One document: every segment that needs work. Several: one line per
 * document that needs work, then a summary per language. When every source and bilingual
 * document is byte for byte what the last run saw, under the same settings and build, the
 * report comes from `<out>/.bitext/cache/` without parsing anything.
 */
export async function statusCommand(files: string[], flags: StatusFlags, io: CliIo): Promise<number> {
  const settings = await resolveSettings(flags, files, io);
  const fingerprint = await statusFingerprint(settings);
  const cachePath = statusCachePath(settings);
  const cache = await readStatusCache(cachePath);
  const site = (await fromCache(settings, fingerprint, cache)) ?? (await computeStatus(settings, fingerprint, cachePath));
  return printStatus(site, await journaledWork(site, settings), settings, flags, io);
}

/**
 * Finished translations that runs' journals hold for segments the documents still lack: after a
 * kill -9 they are not in the documents yet, but the next run takes them at no cost. One readdir
 * when there is no journal, which is the usual case.
 */
async function journaledWork(site: SiteStatus, settings: ResolvedSettings): Promise<Journaled> {
  const journals = await readJournals(journalFolder(resolve(settings.cwd, settings.outDir)));
  const interrupted = new Set<string>();
  const running = new Set<string>();
  for (const journal of journals) for (const entry of journal.entries) (journal.alive ? running : interrupted).add(entry.key);
  return site.documents.map((document) => {
    const counts = { interrupted: 0, running: 0 };
    if (journals.length === 0) return counts;
    for (const hash of document.unfinished ?? []) {
      const key = memoryKey(settings.from, document.language, hash as SourceHash);
      if (interrupted.has(key)) counts.interrupted += 1;
      else if (running.has(key)) counts.running += 1;
    }
    return counts;
  });
}

/** The sentence that says what the journals hold for a document, or '' when they hold nothing for it. */
function journaledText(counts: { interrupted: number; running: number }, journalDisplay: string): string {
  const parts: string[] = [];
  if (counts.interrupted > 0) parts.push(`an interrupted run left ${counts.interrupted} finished translation(s) in ${journalDisplay}: the next \`bitext translate\` takes them at no cost`);
  if (counts.running > 0) parts.push(`a run still going has finished ${counts.running} more, saved when it ends`);
  return parts.join('; ');
}

/** The reports from the cache when every document's source and bilingual document are unchanged; otherwise undefined. */
async function fromCache(settings: ResolvedSettings, fingerprint: string, cache: Map<string, StatusCacheEntry>): Promise<SiteStatus | undefined> {
  if (cache.size === 0) return undefined;
  const documents: DocumentStatusReport[] = [];
  for (const file of settings.files) {
    const sourcePath = resolve(settings.cwd, file);
    const entries = settings.targets.map((to) => cache.get(statusCacheKey(fingerprint, sourcePath, to)));
    if (entries.some((e) => e === undefined)) return undefined;
    const sourceHash = await hashFileBytes(sourcePath);
    for (const entry of entries as StatusCacheEntry[]) {
      if (entry.fingerprint !== fingerprint || entry.sourcePath !== sourcePath || entry.sourceHash !== sourceHash) return undefined;
      if ((await hashFileBytes(entry.bilingualPath)) !== entry.bilingualHash) return undefined;
      documents.push(entry.report);
    }
  }
  return { documents, failures: [] };
}

/** Parses, segments and aligns every document, then remembers each report with the exact bytes it came from. */
async function computeStatus(settings: ResolvedSettings, fingerprint: string, cachePath: string): Promise<SiteStatus> {
  const [{ loadSite }, { describeStatus }] = await Promise.all([import('../../engine/load-site.js'), import('../../engine/describe-status.js')]);
  // Hashed before and after the parse: a file that changed while this run read it is not cached.
  const before = await hashInputs(settings);
  const site = await loadSite(settings.files, settings.targets, settings);
  const after = await hashInputs(settings);
  const documents: DocumentStatusReport[] = [];
  const added = new Map<string, StatusCacheEntry>();
  for (const document of site.documents) {
    const report: DocumentStatusReport = {
      sourceDisplay: document.sourceDisplay,
      language: document.header.to,
      bilingualDisplay: document.bilingualDisplay,
      targetDisplay: document.targetDisplay,
      stored: document.stored !== undefined,
      ...describeStatus(document),
      unfinished: document.state.entries.filter((e) => e.status !== 'current').map((e) => e.segment.hash),
    };
    documents.push(report);
    // A bilingual document naming another source depends on whether that source exists: never cached.
    if (document.stored && document.stored.sourcePath !== document.sourceDisplay) continue;
    const sourcePath = resolve(settings.cwd, document.sourceDisplay);
    const bilingualPath = document.paths.bilingual;
    const sourceHash = after.get(sourcePath);
    const bilingualHash = after.get(bilingualPath);
    if (typeof sourceHash !== 'string' || bilingualHash === undefined) continue;
    if (before.get(sourcePath) !== sourceHash || before.get(bilingualPath) !== bilingualHash) continue;
    if ((bilingualHash !== null) !== report.stored) continue;
    added.set(statusCacheKey(fingerprint, sourcePath, report.language), { fingerprint, sourcePath, bilingualPath, sourceHash, bilingualHash, report });
  }
  await writeStatusCache(cachePath, resolve(settings.cwd, settings.outDir), fingerprint, added);
  return { documents, failures: site.failures.map((f) => ({ file: f.file, error: f.error.format() })) };
}

/** The hash of every source and bilingual document of the run, by absolute path (see `hashFileBytes`). */
async function hashInputs(settings: ResolvedSettings): Promise<Map<string, string | null | undefined>> {
  const hashes = new Map<string, string | null | undefined>();
  for (const file of settings.files) {
    const sourcePath = resolve(settings.cwd, file);
    hashes.set(sourcePath, await hashFileBytes(sourcePath));
    for (const to of settings.targets) {
      const { bilingual } = documentPaths(sourcePath, pathSettings(settings, sourcePath), to);
      if (!hashes.has(bilingual)) hashes.set(bilingual, await hashFileBytes(bilingual));
    }
  }
  return hashes;
}

/** Prints the reports as text or JSON and returns the exit code; the same whether they were computed or cached. */
function printStatus(site: SiteStatus, journaled: Journaled, settings: ResolvedSettings, flags: StatusFlags, io: CliIo): number {
  const journalDisplay = displayPath(journalFolder(resolve(settings.cwd, settings.outDir)), settings.cwd);
  const documents = [];
  const total = emptySummary();
  const byLanguage = new Map(settings.targets.map((to) => [to, { documents: 0, needWork: 0, summary: emptySummary() }]));
  const text: string[] = [];
  const several = site.documents.length + site.failures.length > 1;
  for (const [index, document] of site.documents.entries()) {
    const counts = journaled[index] ?? { interrupted: 0, running: 0 };
    const journalNote = journaledText(counts, journalDisplay);
    const language = document.language;
    const status = document;
    const perLanguage = byLanguage.get(language);
    for (const key of Object.keys(total) as (keyof StatusSummary)[]) {
      total[key] += status.summary[key];
      if (perLanguage) perLanguage.summary[key] += status.summary[key];
    }
    documents.push({ source: document.sourceDisplay, language, bilingual: document.bilingualDisplay, target: document.targetDisplay, segments: status.segments.map((s) => ({ ...s, language })), removed: status.removed, summary: status.summary, journaled: counts });

    const s = status.summary;
    const needsWork = s.current !== s.total;
    if (perLanguage) {
      perLanguage.documents += 1;
      if (needsWork) perLanguage.needWork += 1;
    }
    if (several) {
      if (needsWork || flags.all) text.push(`${document.sourceDisplay} (${language}): ${s.stale} stale, ${s.missing} missing, ${s.conflict} conflict of ${s.total}${document.stored ? '' : ' (not translated yet)'}${journalNote ? `; ${journalNote}` : ''}`);
      continue;
    }
    text.push(`${document.sourceDisplay} → ${document.bilingualDisplay}${document.stored ? '' : ' (not created yet)'}`);
    const origins = new Map<string, number>();
    for (const line of status.segments) if (line.origin) origins.set(line.origin, (origins.get(line.origin) ?? 0) + 1);
    const originText = [...origins].map(([origin, count]) => `${origin} ${count}`).join(', ');
    text.push(`  ${s.total} segments: ${s.current} current, ${s.stale} stale, ${s.missing} missing, ${s.conflict} conflict; ${s.edited} edited by a person${originText ? `; origin: ${originText}` : ''}`);
    if (journalNote) text.push(`  ${journalNote}`);
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
    const failures = site.failures;
    io.stdout.write(`${JSON.stringify({ documents, segments: documents.flatMap((d) => d.segments.map((s) => ({ ...s, source: d.source }))), summary: total, languages, failures }, null, 2)}\n`);
  } else {
    io.stdout.write(`${text.join('\n')}\n`);
    if (flags.check && !everythingCurrent) {
      io.stdout.write(`check failed: ${total.stale} stale, ${total.missing} missing, ${total.conflict} conflict. Run \`bitext translate\` (or edit the bilingual document and \`bitext accept\`).\n`);
    }
  }
  for (const failure of site.failures) io.stderr.write(`bitext: ${failure.error}\n`);
  if (site.failures.length > 0) return EXIT.fatal;
  return flags.check && !everythingCurrent ? EXIT.problems : EXIT.ok;
}

import { describeStatus, type StatusSummary } from '../../engine/describe-status.js';
import { loadDocument } from '../../engine/load-document.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { resolveSettings, type CommonFlags } from '../resolve-settings.js';

interface StatusFlags extends CommonFlags {
  json?: boolean;
  check?: boolean;
  all?: boolean;
}

/** `bitext status`: where every segment stands; reads only, never sends anything. */
export async function statusCommand(files: string[], flags: StatusFlags, io: CliIo): Promise<number> {
  const settings = await resolveSettings(flags, files, io);
  const documents = [];
  const total: StatusSummary = { total: 0, current: 0, stale: 0, missing: 0, conflict: 0, edited: 0, moved: 0, removed: 0 };
  const text: string[] = [];
  for (const file of settings.files) {
    const document = await loadDocument(file, settings);
    const status = describeStatus(document);
    for (const key of Object.keys(total) as (keyof StatusSummary)[]) total[key] += status.summary[key];
    documents.push({ source: document.sourceDisplay, bilingual: document.bilingualDisplay, ...status });

    const s = status.summary;
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
  const everythingCurrent = total.current === total.total;
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ documents, segments: documents.flatMap((d) => d.segments.map((s) => ({ ...s, source: d.source }))), summary: total }, null, 2)}\n`);
  } else {
    io.stdout.write(`${text.join('\n')}\n`);
    if (flags.check && !everythingCurrent) {
      io.stdout.write(`check failed: ${total.stale} stale, ${total.missing} missing, ${total.conflict} conflict. Run \`bitext translate\` (or edit the bilingual document and \`bitext accept\`).\n`);
    }
  }
  return flags.check && !everythingCurrent ? EXIT.problems : EXIT.ok;
}

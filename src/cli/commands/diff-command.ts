import { loadSite } from '../../engine/load-site.js';
import { charDiff } from '../../review/char-diff.js';
import { renderDiffText } from '../../review/render-diff-text.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { useColor } from '../color-choice.js';
import { resolveSettings, type CommonFlags } from '../resolve-settings.js';

interface DiffFlags extends CommonFlags {
  json?: boolean;
  color?: string;
}

/**
 * `bitext diff`: for each stale or conflicting segment, how its source changed (character by
 * character: Chinese has no spaces, so word diffs say nothing) beside the current translation.
 */
export async function diffCommand(files: string[], flags: DiffFlags, io: CliIo): Promise<number> {
  const settings = await resolveSettings(flags, files, io);
  const color = useColor(flags.color, io.stdout, io.env);
  const json = [];
  const text: string[] = [];
  const site = await loadSite(settings.files, settings.targets, settings);
  for (const document of site.documents) {
    const language = document.header.to;
    const tag = settings.targets.length > 1 ? ` (${language})` : '';
    for (const entry of document.state.entries) {
      if ((entry.status !== 'stale' && entry.status !== 'conflict') || entry.previousSource === undefined) continue;
      const parts = charDiff(entry.previousSource, entry.segment.text);
      json.push({
        source: document.sourceDisplay, language, id: entry.id, kind: entry.segment.kind, status: entry.status, line: entry.segment.line,
        bilingualLine: entry.record?.line ?? null, before: entry.previousSource, after: entry.segment.text, diff: parts,
        translation: entry.record?.translation ?? null, suggestion: entry.record?.suggestion?.text ?? null,
      });
      text.push(`${entry.status} ${entry.id} ${entry.segment.kind} ${document.sourceDisplay}:${entry.segment.line}${tag}${entry.record?.line ? ` (edit at ${document.bilingualDisplay}:${entry.record.line})` : ''}`);
      text.push(`  source:      ${renderDiffText(parts, { color }).replace(/\n/g, '\n               ')}`);
      text.push(`  translation: ${(entry.record?.translation ?? '').replace(/\n/g, '\n               ')}`);
      text.push('');
    }
  }
  if (flags.json) io.stdout.write(`${JSON.stringify({ segments: json }, null, 2)}\n`);
  else io.stdout.write(text.length ? `${text.join('\n')}` : 'no stale segments: every translation matches its source\n');
  for (const failure of site.failures) io.stderr.write(`bitext: ${failure.error.format()}\n`);
  return site.failures.length > 0 ? EXIT.fatal : EXIT.ok;
}

import { basename, extname, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { exchangeFileOf } from '../../engine/export-document.js';
import { loadDocument } from '../../engine/load-document.js';
import { EXCHANGE_FORMATS, type ExchangeFormatName } from '../../formats/exchange-formats.js';
import { UsageError } from '../../model/errors.js';
import type { SegmentStatus } from '../../model/types.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import { displayPath } from '../../store/project-paths.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { resolveSettings, type CommonFlags } from '../resolve-settings.js';

interface ExportFlags extends CommonFlags {
  format: ExchangeFormatName;
  output?: string;
  only?: string;
}

const STATUSES: readonly SegmentStatus[] = ['current', 'stale', 'missing', 'conflict'];
const FILE_ENDING = /\.(xlf|xliff|po|pot)$/i;

/**
 * `bitext export`: writes each document's segments as XLIFF 2.0, XLIFF 1.2 or PO for a
 * translator's tool. Reads everything first; writes one file per document, atomically.
 */
export async function exportCommand(files: string[], flags: ExportFlags, io: CliIo): Promise<number> {
  const format = EXCHANGE_FORMATS[flags.format];
  const only = parseOnly(flags.only);
  const settings = await resolveSettings(flags, files, io);
  const documents = await Promise.all(settings.files.map((file) => loadDocument(file, settings)));
  const outputs = await outputPaths(documents.map((d) => d.paths.bilingual), flags.output, resolve(io.cwd, settings.outDir), format.extension, io.cwd);

  for (const [index, document] of documents.entries()) {
    const file = { ...exchangeFileOf(document, only), writtenAt: poDate(new Date()) };
    const path = outputs[index] as string;
    await writeFileAtomic(path, format.render(file));
    io.stdout.write(`${displayPath(path, io.cwd)}: ${file.units.length} unit(s) from ${document.sourceDisplay}${only ? ` (${[...only].join(', ')})` : ''}\n`);
  }
  return EXIT.ok;
}

function parseOnly(value: string | undefined): Set<SegmentStatus> | undefined {
  if (value === undefined) return undefined;
  const wanted = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.find((s) => !STATUSES.includes(s as SegmentStatus));
  if (unknown || wanted.length === 0) throw new UsageError(`--only: unknown status "${unknown ?? value}"`, {}, 'Use stale, missing, conflict or current, comma-separated.');
  return new Set(wanted as SegmentStatus[]);
}

/** One output path per document: `--output` as a file (one document) or a folder, else the out folder. */
async function outputPaths(bilingualPaths: string[], output: string | undefined, outDir: string, extension: string, cwd: string): Promise<string[]> {
  const inFolder = (dir: string) => bilingualPaths.map((p) => resolve(dir, `${basename(p, extname(p))}${extension}`));
  if (output === undefined) return inFolder(outDir);
  const path = resolve(cwd, output);
  const isFolder = await stat(path).then((s) => s.isDirectory(), () => false);
  if (isFolder || !FILE_ENDING.test(output)) return inFolder(path);
  if (bilingualPaths.length > 1) throw new UsageError(`--output ${output} names one file, but ${bilingualPaths.length} documents are exported`, {}, 'Name a folder instead.');
  return [path];
}

/** A date as PO headers write it: `2026-11-25 14:05+0000`. */
function poDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')}+0000`;
}

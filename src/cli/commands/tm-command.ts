import { resolve } from 'node:path';
import { parseTmx, renderTmx, type TmxEntry } from '../../formats/tmx.js';
import { UsageError } from '../../model/errors.js';
import { HUMAN_ORIGIN, type SourceHash } from '../../model/types.js';
import { memoryKey, type TranslationMemory } from '../../plan/translation-memory.js';
import { hashSource } from '../../segment/hash-text.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import { mergeIntoMemoryFile, readMemoryWithJournals } from '../../store/memory-file.js';
import { displayPath, memoryPath } from '../../store/project-paths.js';
import { readTextFile } from '../../store/read-text-file.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { resolveSettings, type CommonFlags } from '../resolve-settings.js';

interface TmFlags extends CommonFlags {
  format: 'tmx';
  output?: string;
  origin?: string;
}

/** Languages and the memory file of the `--out` folder. */
async function memorySettings(flags: TmFlags, io: CliIo): Promise<{ from: string; to: string; outDir: string; memory: string; memoryDisplay: string }> {
  const settings = await resolveSettings(flags, [], io, { documents: false });
  const outDir = resolve(io.cwd, settings.outDir);
  const memory = memoryPath(outDir);
  return { from: settings.from, to: settings.to, outDir, memory, memoryDisplay: displayPath(memory, io.cwd) };
}

/** `bitext tm export --format tmx`: the translation memory of one language pair as TMX 1.4b, runs' journals included. */
export async function tmExportCommand(flags: TmFlags, io: CliIo): Promise<number> {
  const { from, to, outDir, memory, memoryDisplay } = await memorySettings(flags, io);
  const prefix = memoryKey(from, to, '' as SourceHash);
  const entries: TmxEntry[] = [];
  // Translations a run finished but has not folded into the memory yet (a run going, or killed) count too.
  const { memory: remembered } = await readMemoryWithJournals(memory, memoryDisplay);
  for (const [key, entry] of remembered) {
    if (key.startsWith(prefix)) entries.push({ source: entry.source, translation: entry.translation, origin: entry.origin });
  }
  const output = resolve(io.cwd, flags.output ?? resolve(outDir, `memory.${from}-${to}.tmx`));
  await writeFileAtomic(output, renderTmx({ from, to, entries }));
  io.stdout.write(`${displayPath(output, io.cwd)}: ${entries.length} translation unit(s) ${from}→${to} from ${memoryDisplay}\n`);
  return EXIT.ok;
}

/** `bitext tm import <file> --format tmx`: adds a TMX file's pairs to the translation memory. */
export async function tmImportCommand(file: string, flags: TmFlags, io: CliIo): Promise<number> {
  const { from, to, memory, memoryDisplay } = await memorySettings(flags, io);
  const path = resolve(io.cwd, file);
  const display = displayPath(path, io.cwd);
  const tmx = parseTmx((await readTextFile(path, display)).text, display, from, to);
  if (flags.origin !== undefined && flags.origin.trim() === '') throw new UsageError('--origin must not be empty');
  const learned: TranslationMemory = new Map();
  for (const entry of tmx.entries) {
    learned.set(memoryKey(from, to, hashSource(entry.source)), { source: entry.source, translation: entry.translation, origin: entry.origin ?? flags.origin ?? HUMAN_ORIGIN });
  }
  await mergeIntoMemoryFile(memory, memoryDisplay, learned);
  io.stdout.write(`${memoryDisplay}: added ${learned.size} translation(s) ${from}→${to} from ${display}${tmx.tool ? ` (written by ${tmx.tool})` : ''}\n`);
  return EXIT.ok;
}

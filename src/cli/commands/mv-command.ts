import { access, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { stringify } from 'yaml';
import { parseBilingual } from '../../bilingual/parse-bilingual.js';
import { pathSettings } from '../../engine/load-document.js';
import { UsageError } from '../../model/errors.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import { acquireLock } from '../../store/document-lock.js';
import { CONFIG_FILE_NAMES } from '../../store/load-config.js';
import { displayPath, documentPaths, type DocumentPaths } from '../../store/project-paths.js';
import { readTextFile } from '../../store/read-text-file.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { resolveSettings, type CommonFlags } from '../resolve-settings.js';

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/**
 * `bitext mv old new`: renames a source file and carries its bilingual documents and translated
 * versions (every target language) along, and updates the config's `content` list. If the
 * source was already moved (say with `git mv`), only the translations move.
 */
export async function mvCommand(from: string, to: string, flags: CommonFlags, io: CliIo): Promise<number> {
  const settings = await resolveSettings(flags, [from], io);
  const oldSource = resolve(io.cwd, from);
  const newSource = resolve(io.cwd, to);
  const moves: { to: string; old: DocumentPaths; new: DocumentPaths }[] = [];
  for (const language of settings.targets) {
    const old = documentPaths(oldSource, pathSettings(settings, oldSource), language);
    const next = documentPaths(newSource, pathSettings(settings, newSource), language);
    if (!(await exists(old.bilingual))) continue;
    if (await exists(next.bilingual)) throw new UsageError(`${displayPath(next.bilingual, io.cwd)} already exists`, {}, 'Remove it first, or pick another name.');
    if (await exists(next.target)) throw new UsageError(`${displayPath(next.target, io.cwd)} already exists`, {}, 'Remove it first, or pick another name.');
    moves.push({ to: language, old, new: next });
  }
  if (moves.length === 0) {
    const first = documentPaths(oldSource, pathSettings(settings, oldSource), settings.to);
    throw new UsageError(`there is no bilingual document for ${from}`, { file: displayPath(first.bilingual, io.cwd) }, 'Nothing to move: translate the file first.');
  }
  const sourceMoved = !(await exists(oldSource)) && (await exists(newSource));
  if (!sourceMoved && !(await exists(oldSource))) throw new UsageError(`neither ${from} nor ${to} exists`);
  if (!sourceMoved && (await exists(newSource))) throw new UsageError(`${to} already exists`);

  const releases: (() => Promise<void>)[] = [];
  const newSourceDisplay = displayPath(newSource, io.cwd);
  try {
    // Check every document before touching anything; then only their `source:` lines change.
    const texts: string[] = [];
    for (const move of moves) {
      const display = displayPath(move.old.bilingual, io.cwd);
      releases.push(await acquireLock(move.old.bilingual, display));
      const text = (await readTextFile(move.old.bilingual, display)).text;
      parseBilingual(text, display);
      // The same YAML writer as the bilingual document, so the line only changes where the path does.
      texts.push(text.replace(/^source: .*$/m, stringify({ source: newSourceDisplay }).trimEnd()));
    }
    if (!sourceMoved) {
      await mkdir(dirname(newSource), { recursive: true });
      await rename(oldSource, newSource);
    }
    for (const [index, move] of moves.entries()) {
      await writeFileAtomic(move.new.bilingual, texts[index] ?? '');
      await rm(move.old.bilingual);
      if (await exists(move.old.target)) {
        await mkdir(dirname(move.new.target), { recursive: true });
        await rename(move.old.target, move.new.target);
      }
    }
  } finally {
    for (const release of releases) await release();
  }
  const configNote = await updateConfigContent(io.cwd, flags.config, displayPath(oldSource, io.cwd), newSourceDisplay);
  const where = moves.map((m) => `${displayPath(m.new.bilingual, io.cwd)} and ${displayPath(m.new.target, io.cwd)}`).join('; ');
  io.stdout.write(`moved ${from} → ${to}; translations now in ${where}${configNote ? `\n${configNote}` : ''}\n`);
  return EXIT.ok;
}

/**
 * Renames the source in the config's `content` list, so `status` keeps finding it. Only the
 * quoted path changes in the file; an entry matched by a glob needs no change.
 */
async function updateConfigContent(cwd: string, explicit: string | undefined, oldPath: string, newPath: string): Promise<string | undefined> {
  const candidates = explicit ? [resolve(cwd, explicit)] : CONFIG_FILE_NAMES.map((name) => join(cwd, name));
  for (const path of candidates) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    const config = JSON.parse(text) as { content?: string[] };
    const content = config.content ?? [];
    const index = content.findIndex((entry) => !isDynamicPattern(entry) && resolve(cwd, entry) === resolve(cwd, oldPath));
    if (index < 0) return undefined;
    const quoted = JSON.stringify(content[index]);
    const updated = text.split(quoted).length === 2 ? text.replace(quoted, JSON.stringify(newPath)) : `${JSON.stringify({ ...config, content: content.map((c, i) => (i === index ? newPath : c)) }, null, 2)}\n`;
    await writeFileAtomic(path, updated);
    return `updated "content" in ${displayPath(path, cwd)}`;
  }
  return undefined;
}

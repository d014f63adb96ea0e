import { access, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseBilingual } from '../../bilingual/parse-bilingual.js';
import { UsageError } from '../../model/errors.js';
import { writeFileAtomic } from '../../store/atomic-write.js';
import { acquireLock } from '../../store/document-lock.js';
import { displayPath, documentPaths } from '../../store/project-paths.js';
import { readTextFile } from '../../store/read-text-file.js';
import { EXIT, type CliIo } from '../cli-io.js';
import { resolveSettings, type CommonFlags } from '../resolve-settings.js';

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/**
 * `bitext mv old new`: renames a source file and carries its bilingual document and translated
 * version along. If the source was already moved (say with `git mv`), only the translations move.
 */
export async function mvCommand(from: string, to: string, flags: CommonFlags, io: CliIo): Promise<number> {
  const settings = await resolveSettings(flags, [from], io);
  const oldSource = resolve(io.cwd, from);
  const newSource = resolve(io.cwd, to);
  const outDir = resolve(io.cwd, settings.outDir);
  const oldPaths = documentPaths(oldSource, outDir, settings.from, settings.to);
  const newPaths = documentPaths(newSource, outDir, settings.from, settings.to);
  const oldDisplay = displayPath(oldPaths.bilingual, io.cwd);

  if (!(await exists(oldPaths.bilingual))) throw new UsageError(`there is no bilingual document for ${from}`, { file: oldDisplay }, 'Nothing to move: translate the file first.');
  if (await exists(newPaths.bilingual)) throw new UsageError(`${displayPath(newPaths.bilingual, io.cwd)} already exists`, {}, 'Remove it first, or pick another name.');
  const sourceMoved = !(await exists(oldSource)) && (await exists(newSource));
  if (!sourceMoved && !(await exists(oldSource))) throw new UsageError(`neither ${from} nor ${to} exists`);
  if (!sourceMoved && (await exists(newSource))) throw new UsageError(`${to} already exists`);

  const release = await acquireLock(oldPaths.bilingual, oldDisplay);
  try {
    // Check the document before touching anything; then only its `source:` line changes.
    const text = (await readTextFile(oldPaths.bilingual, oldDisplay)).text;
    parseBilingual(text, oldDisplay);
    const newSourceDisplay = displayPath(newSource, io.cwd);
    const updated = text.replace(/^source: .*$/m, `source: ${JSON.stringify(newSourceDisplay)}`);
    if (!sourceMoved) {
      await mkdir(dirname(newSource), { recursive: true });
      await rename(oldSource, newSource);
    }
    await writeFileAtomic(newPaths.bilingual, updated);
    await rm(oldPaths.bilingual);
    if (await exists(oldPaths.target)) await rename(oldPaths.target, newPaths.target);
  } finally {
    await release();
  }
  io.stdout.write(`moved ${from} → ${to}; translations now in ${displayPath(newPaths.bilingual, io.cwd)} and ${displayPath(newPaths.target, io.cwd)}\n`);
  return EXIT.ok;
}

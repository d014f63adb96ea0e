import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file below `dir` as a posix path relative to it, leaving out names that start with a dot
 * (and what is inside such folders), following links to folders but not round a loop; nothing
 * when `dir` cannot be read. What `glob('**', { dot: false })` finds, without loading a glob library.
 */
export async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  // The real folders above the one walked: a link back to one of them is a loop.
  const walk = async (folder: string, prefix: string, above: ReadonlySet<string>): Promise<void> => {
    const real = await realpath(folder).catch(() => folder);
    if (above.has(real)) return;
    const chain = new Set(above).add(real);
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(join(folder, entry.name)).catch(() => undefined);
        isFolder = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isFolder) await walk(join(folder, entry.name), `${prefix}${entry.name}/`, chain);
      else if (isFile) found.push(`${prefix}${entry.name}`);
    }
  };
  await walk(dir, '', new Set());
  return found;
}

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { UsageError } from '../model/errors.js';
import type { GlossaryEntry } from '../translate/translator.js';

/**
 * Reads a glossary file (YAML or JSON): either a list of `{source, target, variants?, note?}`
 * or a plain mapping `source: target`.
 */
export async function readGlossary(path: string, displayPath: string): Promise<GlossaryEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the glossary (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: displayPath }, 'Check the --glossary path.');
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new UsageError(`the glossary is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`, { file: displayPath });
  }
  const list = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.terms) ? value.terms : isRecord(value) ? Object.entries(value).map(([source, target]) => ({ source, target })) : undefined;
  if (!list) throw new UsageError('the glossary must be a list of {source, target} entries or a mapping of source: target', { file: displayPath });
  return list.map((item: unknown, index: number) => {
    if (!isRecord(item) || typeof item.source !== 'string' || typeof item.target !== 'string' || item.source === '' || item.target === '') {
      throw new UsageError(`glossary entry ${index + 1} needs a non-empty "source" and "target"`, { file: displayPath });
    }
    const entry: GlossaryEntry = { source: item.source, target: item.target };
    if (Array.isArray(item.variants)) entry.variants = item.variants.map(String);
    if (typeof item.note === 'string') entry.note = item.note;
    return entry;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The glossary a command uses: `--glossary`, else the config's, else none. Paths are relative to `cwd`. */
export async function glossaryFor(flagPath: string | undefined, configPath: string | undefined, cwd: string): Promise<GlossaryEntry[]> {
  const path = flagPath ?? configPath;
  return path ? readGlossary(resolve(cwd, path), path) : [];
}

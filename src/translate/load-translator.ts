import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../model/errors.js';
import { createPseudoTranslator } from './adapters/pseudo.js';
import type { Translator, TranslatorOptions } from './translator.js';

/** The built-in translator names `loadTranslator` accepts, besides a module path. */
export const TRANSLATOR_NAMES = ['auto', 'pseudo', 'openai', 'deepl', 'anthropic', 'command'] as const;

// `auto` takes the first service whose key is set, in this order.
const AUTO_ORDER = [
  { variable: 'OPENAI_API_KEY', name: 'openai' },
  { variable: 'DEEPL_AUTH_KEY', name: 'deepl' },
  { variable: 'ANTHROPIC_API_KEY', name: 'anthropic' },
] as const;

/**
 * The translator a `--translator` value names: a built-in (`pseudo`, `openai`, `deepl`,
 * `anthropic`, `command`, `auto`) or a path to a module exporting `createTranslator`. Service
 * adapters are imported only when chosen, so their SDKs never load for other commands.
 */
export async function loadTranslator(spec: string, options: TranslatorOptions): Promise<Translator> {
  const name = spec.trim();
  if (name.startsWith('.') || isAbsolute(name)) return loadModule(name, options);
  switch (name) {
    case 'pseudo':
      return createPseudoTranslator();
    case 'openai':
      return (await import('./adapters/openai.js')).createOpenAITranslator(options);
    case 'deepl':
      return (await import('./adapters/deepl.js')).createDeepLTranslator(options);
    case 'anthropic':
      return (await import('./adapters/anthropic.js')).createAnthropicTranslator(options);
    case 'command':
      return (await import('./adapters/command.js')).createCommandTranslator(options);
    case 'auto': {
      const found = AUTO_ORDER.find((entry) => options.env[entry.variable]?.trim());
      return found ? loadTranslator(found.name, options) : createPseudoTranslator();
    }
    default:
      throw new UsageError(
        `unknown translator "${spec}"`,
        {},
        `Use one of ${TRANSLATOR_NAMES.join(', ')}, or a path to a module starting with ./ or / that exports createTranslator.`,
      );
  }
}

async function loadModule(spec: string, options: TranslatorOptions): Promise<Translator> {
  const file = resolve(options.cwd, spec);
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`cannot load the translator module: ${reason}`, { file }, 'Check the path (relative to the working directory) and that the module runs under Node.');
  }
  const { createTranslator, translator: exported } = module;
  let candidate: unknown;
  if (typeof createTranslator === 'function') {
    try {
      candidate = await (createTranslator as (o: TranslatorOptions) => unknown)(options);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new UsageError(`createTranslator() failed: ${reason}`, { file });
    }
  } else if (exported !== undefined) {
    candidate = exported;
  } else {
    throw new UsageError(
      'the translator module exports neither createTranslator nor translator',
      { file },
      'Export `function createTranslator(options)` returning { name, limits, translate(request) }.',
    );
  }
  const problem = translatorProblem(candidate);
  if (problem) {
    throw new UsageError(`the translator module does not give a valid translator: ${problem}`, { file }, 'A translator is { name: string, limits: { maxSegmentsPerRequest, maxCharactersPerRequest }, translate(request) }.');
  }
  return candidate as Translator;
}

/** What is wrong with a value that should be a Translator, or undefined if nothing is. */
function translatorProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return `expected an object, got ${value === null ? 'null' : typeof value}`;
  const t = value as Record<string, unknown>;
  if (typeof t['name'] !== 'string' || t['name'] === '') return '`name` must be a non-empty string';
  if (t['model'] !== undefined && typeof t['model'] !== 'string') return '`model` must be a string when set';
  if (typeof t['translate'] !== 'function') return '`translate` must be a function';
  const limits = t['limits'];
  if (typeof limits !== 'object' || limits === null) return '`limits` must be an object';
  for (const key of ['maxSegmentsPerRequest', 'maxCharactersPerRequest']) {
    const n = (limits as Record<string, unknown>)[key];
    if (typeof n !== 'number' || !Number.isFinite(n) || n < 1) return `\`limits.${key}\` must be a number of at least 1`;
  }
  return undefined;
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { loadTranslator } from '../../src/translate/load-translator.js';
import { UsageError } from '../../src/model/errors.js';
import type { TranslatorOptions } from '../../src/translate/translator.js';

const options = (env: Record<string, string> = {}, cwd = '/'): TranslatorOptions => ({ env, settings: {}, cwd });

describe('loadTranslator', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bitext-load-'));
    const translate = 'async translate(request) { return { translations: request.segments.map((s) => ({ id: s.id, text: s.text })) }; }';
    await writeFile(join(dir, 'factory.mjs'), `export async function createTranslator(options) { return { name: 'mine', model: options.model, limits: { maxSegmentsPerRequest: 5, maxCharactersPerRequest: 500 }, ${translate} }; }`);
    await writeFile(join(dir, 'object.mjs'), `export const translator = { name: 'obj', limits: { maxSegmentsPerRequest: 1, maxCharactersPerRequest: 10 }, ${translate} };`);
    await writeFile(join(dir, 'nothing.mjs'), 'export const unrelated = 1;');
    await writeFile(join(dir, 'bad-limits.mjs'), `export function createTranslator() { return { name: 'x', limits: { maxSegmentsPerRequest: 0, maxCharactersPerRequest: 10 }, ${translate} }; }`);
    await writeFile(join(dir, 'throws.mjs'), 'export function createTranslator() { throw new Error("no model configured"); }');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the built-in adapters by name', async () => {
    expect((await loadTranslator('pseudo', options())).name).toBe('pseudo');
    expect((await loadTranslator('openai', options({ OPENAI_API_KEY: 'sk-test-1234567890' }))).name).toBe('openai');
    expect((await loadTranslator('deepl', options({ DEEPL_AUTH_KEY: 'k:fx' }))).name).toBe('deepl');
    expect((await loadTranslator('anthropic', options({ ANTHROPIC_API_KEY: 'sk-ant-1234567890' }))).name).toBe('anthropic');
    expect((await loadTranslator('command', { env: {}, settings: { command: 'cat' }, cwd: '/' })).name).toBe('command');
  });

  it('picks the first service with a key for auto, else pseudo', async () => {
    expect((await loadTranslator('auto', options())).name).toBe('pseudo');
    expect((await loadTranslator('auto', options({ ANTHROPIC_API_KEY: 'sk-ant-1234567890', DEEPL_AUTH_KEY: 'k:fx' }))).name).toBe('deepl');
    expect((await loadTranslator('auto', options({ ANTHROPIC_API_KEY: 'sk-ant-1234567890', OPENAI_API_KEY: 'sk-1234567890' }))).name).toBe('openai');
    expect((await loadTranslator('auto', options({ ANTHROPIC_API_KEY: 'sk-ant-1234567890' }))).name).toBe('anthropic');
  });

  it('names the variable to set when a key is missing', async () => {
    await expect(loadTranslator('openai', options())).rejects.toThrow(UsageError);
    await expect(loadTranslator('openai', options({ OPENAI_API_KEY: '  ' }))).rejects.toThrow(/OPENAI_API_KEY is not set/);
    await expect(loadTranslator('deepl', options())).rejects.toThrow(/DEEPL_AUTH_KEY/);
    await expect(loadTranslator('anthropic', options())).rejects.toThrow(/ANTHROPIC_API_KEY/);
  });

  it('lists the choices for an unknown name', async () => {
    const error = await loadTranslator('gpt', options()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).format()).toMatch(/unknown translator "gpt"[\s\S]*pseudo, openai, deepl, anthropic, command/);
  });

  it('loads a user module through createTranslator or a translator export', async () => {
    const mine = await loadTranslator('./factory.mjs', { env: {}, settings: {}, cwd: dir, model: 'm1' });
    expect(mine.name).toBe('mine');
    expect(mine.model).toBe('m1');
    expect((await loadTranslator(join(dir, 'object.mjs'), options())).name).toBe('obj');
  });

  it.each([
    ['./nothing.mjs', /exports neither createTranslator nor translator/],
    ['./bad-limits.mjs', /limits\.maxSegmentsPerRequest/],
    ['./throws.mjs', /createTranslator\(\) failed: no model configured/],
    ['./missing.mjs', /cannot load the translator module/],
  ])('rejects %s with a message naming the file', async (spec, message) => {
    const error = await loadTranslator(spec, options({}, dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(message);
    expect((error as UsageError).format()).toContain(join(dir, spec.slice(2)));
  });
});

import { UsageError } from '../model/errors.js';

/** A string from adapter settings (`translatorOptions` in the config); a wrong type is a usage error. */
export function stringSetting(settings: Record<string, unknown>, name: string): string | undefined {
  const value = settings[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new UsageError(`translatorOptions.${name} must be a string, not ${JSON.stringify(value)}`);
  return value;
}

/** A positive whole number from adapter settings, or `fallback` when it is not set. */
export function positiveIntegerSetting(settings: Record<string, unknown>, name: string, fallback: number): number {
  const value = settings[name];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new UsageError(`translatorOptions.${name} must be a positive whole number, not ${JSON.stringify(value)}`);
  }
  return value;
}

/** A number from adapter settings (e.g. a temperature), or undefined when it is not set. */
export function numberSetting(settings: Record<string, unknown>, name: string): number | undefined {
  const value = settings[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new UsageError(`translatorOptions.${name} must be a number, not ${JSON.stringify(value)}`);
  return value;
}

/** One of `choices` from adapter settings, or `fallback`. */
export function choiceSetting<T extends string>(settings: Record<string, unknown>, name: string, choices: readonly T[], fallback: T): T {
  const value = settings[name];
  if (value === undefined || value === null) return fallback;
  const found = choices.find((c) => c === value);
  if (found === undefined) throw new UsageError(`translatorOptions.${name} must be one of ${choices.map((c) => `"${c}"`).join(', ')}, not ${JSON.stringify(value)}`);
  return found;
}

/** The API key from the environment, or a usage error that names the variable (never a value). */
export function requireKey(env: Record<string, string | undefined>, variable: string, service: string): string {
  const key = env[variable]?.trim();
  if (!key) {
    throw new UsageError(`the ${service} translator needs an API key: ${variable} is not set`, {}, `Set ${variable} in the environment (for example in your shell profile or CI secrets) and run again.`);
  }
  return key;
}

import type { OutputStream } from './cli-io.js';

/** Whether to colour output: `always`, `never`, or `auto` (a terminal, and NO_COLOR unset). */
export function useColor(choice: string | undefined, stream: OutputStream, env: Record<string, string | undefined>): boolean {
  if (choice === 'always') return true;
  if (choice === 'never') return false;
  return Boolean(stream.isTTY) && env.NO_COLOR === undefined;
}

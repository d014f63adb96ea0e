import { redactSecrets } from '../translate/redact-secrets.js';
import { hideUrlPasswords, terminalSafe } from './terminal-safe.js';

/** Names of environment variables that hold secrets. */
const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD)/i;

/**
 * The secret values in an environment, to be scrubbed from anything printed: variables named
 * like secrets, and the password of any URL in the environment (`OPENAI_BASE_URL=https://u:p@h`).
 */
export function secretValues(env: Record<string, string | undefined>): string[] {
  const secrets = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && value)
    .map(([, value]) => value as string);
  for (const value of Object.values(env)) {
    const password = value && /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? urlPassword(value) : undefined;
    if (password) secrets.push(password, encodeURIComponent(password));
  }
  return secrets;
}

function urlPassword(value: string): string | undefined {
  try {
    const password = new URL(value).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An output writer that never lets a secret through (keys, URL passwords) nor a terminal
 * control sequence from a document: every command prints through one.
 */
export function redactingWriter(write: (text: string) => unknown, env: Record<string, string | undefined>): (text: string) => void {
  const secrets = secretValues(env);
  return (text) => {
    write(terminalSafe(hideUrlPasswords(redactSecrets(text, secrets))));
  };
}

/** The pager, fed the same scrubbed text as the writers. */
export function redactingPager(page: (text: string) => Promise<void>, env: Record<string, string | undefined>): (text: string) => Promise<void> {
  let scrubbed = '';
  const scrub = redactingWriter((t) => (scrubbed = t), env);
  return (text) => {
    scrub(text);
    return page(scrubbed);
  };
}

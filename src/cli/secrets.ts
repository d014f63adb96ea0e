import { redactSecrets } from '../translate/redact-secrets.js';

/** Names of environment variables that hold secrets. */
const SECRET_NAME = /(KEY|TOKEN|SECRET|PASSWORD)/i;

/** The secret values in an environment, to be scrubbed from anything printed. */
export function secretValues(env: Record<string, string | undefined>): string[] {
  return Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && value)
    .map(([, value]) => value as string);
}

/** An output writer that never lets a secret through. */
export function redactingWriter(write: (text: string) => unknown, env: Record<string, string | undefined>): (text: string) => void {
  const secrets = secretValues(env);
  return (text) => {
    write(redactSecrets(text, secrets));
  };
}

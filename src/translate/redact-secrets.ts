/** Secrets shorter than this are not redacted: replacing a 2-letter "key" would garble text. */
const MIN_SECRET_LENGTH = 6;

/**
 * Replaces every occurrence of each secret in `message` with `***`. Services sometimes echo
 * (part of) the key in an error, and error messages end up in logs and terminals.
 */
export function redactSecrets(message: string, secrets: readonly (string | undefined)[]): string {
  let out = message;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    out = out.split(secret).join('***');
    // OpenAI echoes a rejected key as `sk-abc*****wxyz`: hide the visible start as well.
    if (secret.length >= 16) out = out.split(secret.slice(0, 8)).join('***');
  }
  return out;
}

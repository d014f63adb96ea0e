import { existsSync } from 'node:fs';

/** The browser the review-page tests drive: `$CHROMIUM_PATH`, else Debian's chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Whether the browser tests can run here. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);

/**
 * A describe title that says why its tests are skipped when Chromium is missing (vitest shows the
 * title beside the skipped tests), and a note on stderr so the reason is seen in any reporter.
 */
export function chromiumTitle(title: string): string {
  if (HAS_CHROMIUM) return title;
  const reason = `SKIPPED because ${CHROMIUM} does not exist (install it with \`apt-get install -y chromium\`, or set CHROMIUM_PATH)`;
  process.stderr.write(`note: "${title}" ${reason}\n`);
  return `${title}: ${reason}`;
}

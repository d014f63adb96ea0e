import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a translator program for `--translator command` that records every segment it is sent
 * (one JSON line per segment in `sent.jsonl`) and answers with a marked copy of the text, or the
 * text unchanged in `identity` mode. Options via environment: SLOW_MS delays each batch.
 */
export function recordingTranslator(dir: string, mode: 'mark' | 'identity' = 'mark'): { command: string; sent: () => { id: string; text: string; previous?: { source: string; translation: string } }[] } {
  const script = join(dir, 'record-translator.mjs');
  const log = join(dir, 'sent.jsonl');
  writeFileSync(
    script,
    `import { appendFileSync } from 'node:fs';
let input = '';
process.stdin.on('data', (c) => (input += c));
process.stdin.on('end', async () => {
  const request = JSON.parse(input);
  const slow = Number(process.env.SLOW_MS || 0);
  if (slow) await new Promise((r) => setTimeout(r, slow));
  const translations = request.segments.map((s) => ({ id: s.id, text: ${mode === 'identity' ? 's.text' : "'EN ' + s.text.replace(/[\\u3400-\\u9fff]+/g, (m) => 'x'.repeat(Math.ceil(m.length * 1.5)))"} }));
  for (const s of request.segments) appendFileSync(${JSON.stringify(log)}, JSON.stringify(s) + '\\n');
  process.stdout.write(JSON.stringify({ translations }));
});
`,
  );
  return {
    command: `node ${JSON.stringify(script)}`,
    sent: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []),
  };
}

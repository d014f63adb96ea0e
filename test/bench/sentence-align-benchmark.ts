import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseBilingual } from '../../src/bilingual/parse-bilingual.js';
import { alignSentences } from '../../src/review/sentences/align-sentences.js';
import { readGlossary } from '../../src/store/read-glossary.js';

const RUNS = 7;
const REPO = new URL('../..', import.meta.url).pathname;

/** Sentence alignment of every pair of the post (what each review page and API listing computes): median of RUNS after a warm-up. */
export async function benchSentenceAlign(): Promise<{ name: string; ms: number; detail: string }[]> {
  const doc = parseBilingual(readFileSync(`${REPO}translations/john-schulman-interview.zh-en.md`, 'utf8'), 'post');
  const glossary = await readGlossary(`${REPO}translations/glossary.zh-en.yaml`, 'glossary');
  const pairs = doc.segments.filter((record) => record.translation !== undefined);
  const run = (): number => {
    let beads = 0;
    for (const record of pairs) beads += alignSentences(record.source, record.translation ?? '', { sourceLanguage: 'zh', targetLanguage: 'en', glossary }).beads.length;
    return beads;
  };
  const beads = run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return [{ name: 'sentence alignment, post', ms: times[Math.floor(RUNS / 2)] ?? 0, detail: `${pairs.length} pairs, ${beads} sentence links` }];
}

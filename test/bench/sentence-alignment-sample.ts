// Prints the sentence alignment of a sample of the post's pairs for a person to judge:
//   node --import tsx test/bench/sentence-alignment-sample.ts [count]
// Pairs with more than one sentence on either side, taken at even steps through the document so
// the sample is fixed and covers it from start to end.
import { readFileSync } from 'node:fs';
import { parseBilingual } from '../../src/bilingual/parse-bilingual.js';
import { alignSentences } from '../../src/review/sentences/align-sentences.js';
import { readGlossary } from '../../src/store/read-glossary.js';

const REPO = new URL('../..', import.meta.url).pathname;
const BILINGUAL = 'translations/john-schulman-interview.zh-en.md';
const count = Number(process.argv[2] ?? 40);

const doc = parseBilingual(readFileSync(`${REPO}${BILINGUAL}`, 'utf8'), BILINGUAL);
const glossary = await readGlossary(`${REPO}translations/glossary.zh-en.yaml`, 'translations/glossary.zh-en.yaml');
const options = { sourceLanguage: doc.from, targetLanguage: doc.to, glossary };
const candidates = doc.segments.flatMap((record) => {
  if (record.translation === undefined) return [];
  const alignment = alignSentences(record.source, record.translation, options);
  return alignment.source.length > 1 || alignment.translation.length > 1 ? [{ record, alignment }] : [];
});
const step = candidates.length / Math.min(count, candidates.length);
const sample = Array.from({ length: Math.min(count, candidates.length) }, (_, k) => candidates[Math.floor(k * step)]);
let beads = 0;
for (const item of sample) {
  if (!item) continue;
  const { record, alignment } = item;
  console.log(`\n=== ${record.id} (${alignment.source.length} zh, ${alignment.translation.length} en sentences)`);
  alignment.beads.forEach((bead, index) => {
    beads++;
    const zh = bead.source.map((i) => record.source.slice(alignment.source[i]?.start, alignment.source[i]?.end)).join(' | ');
    const en = bead.translation.map((i) => (record.translation ?? '').slice(alignment.translation[i]?.start, alignment.translation[i]?.end)).join(' | ');
    console.log(`[${index + 1}] ${bead.source.length}:${bead.translation.length}\n  zh: ${zh}\n  en: ${en}`);
  });
}
console.log(`\n${candidates.length} pairs with more than one sentence; ${sample.length} sampled; ${beads} sentence pairs (beads) shown.`);

// The hard cases: every pair whose two sides have different numbers of sentences.
const uneven = candidates.filter(({ alignment }) => alignment.source.length !== alignment.translation.length);
console.log(`\n##### ${uneven.length} pairs with different sentence counts on the two sides`);
for (const { record, alignment } of uneven) {
  console.log(`\n=== ${record.id} (${alignment.source.length} zh, ${alignment.translation.length} en sentences)`);
  alignment.beads.forEach((bead, index) => {
    const zh = bead.source.map((i) => record.source.slice(alignment.source[i]?.start, alignment.source[i]?.end)).join(' | ');
    const en = bead.translation.map((i) => (record.translation ?? '').slice(alignment.translation[i]?.start, alignment.translation[i]?.end)).join(' | ');
    console.log(`[${index + 1}] ${bead.source.length}:${bead.translation.length}\n  zh: ${zh}\n  en: ${en}`);
  });
}

import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { decodeSource } from '../../src/parse/decode-source.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { renderTarget } from '../../src/render/render-target.js';
import { maskProtected, unmaskTranslation } from '../../src/segment/mask-protected.js';
import { segmentDocument } from '../../src/segment/segment-document.js';
import { pseudoTranslateText } from '../../src/translate/adapters/pseudo.js';
const POST = new URL('../../content/john-schulman-interview.md', import.meta.url);

/** Median wall time of `runs` calls after one warm-up call. */
function median(runs: number, work: () => void): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? 0;
}

/**
 * The pseudo translator on one long paragraph, and segment + render of the post repeated 10 and
 * 100 times: each pair's ratio shows the growth (10 means linear).
 */
export async function benchRender(): Promise<{ name: string; ms: number; detail: string }[]> {
  const rows: { name: string; ms: number; detail: string }[] = [];
  const unit = '这是一个很长的段落，包含**粗体**和`代码`。';
  const pseudoMs: number[] = [];
  for (const size of [200_000, 2_000_000]) {
    const text = unit.repeat(Math.ceil(size / unit.length));
    const ms = median(3, () => pseudoTranslateText(text));
    pseudoMs.push(ms);
    rows.push({ name: `pseudo ${size.toLocaleString('en')} chars`, ms, detail: pseudoMs.length === 2 ? `x10 input: ${((pseudoMs[1] ?? 0) / (pseudoMs[0] ?? 1)).toFixed(1)}x time` : 'was 17 s before (issue 10)' });
  }

  const post = readFileSync(POST, 'utf8');
  // Copies after the first without their front matter, so the long document has one.
  const body = post.replace(/^---\n[\s\S]*?\n---\n/, '');
  const renderMs: number[] = [];
  for (const copies of [10, 100]) {
    const source = decodeSource(Buffer.from([post, ...Array.from({ length: copies - 1 }, () => body)].join('\n')), 'post.md');
    const segments = segmentDocument(source.text, parseMarkdown(source.text));
    const translations = segments.map((s) => {
      const masked = maskProtected(s.text, s.protectedSpans);
      const unmasked = unmaskTranslation(pseudoTranslateText(masked.wire), masked.tokens);
      return 'text' in unmasked ? unmasked.text : undefined;
    });
    const ms = median(3, () => renderTarget(source, segments, translations));
    renderMs.push(ms);
    rows.push({ name: `renderTarget post x${copies}`, ms, detail: `${segments.length} segments${renderMs.length === 2 ? `, x10 input: ${((renderMs[1] ?? 0) / (renderMs[0] ?? 1)).toFixed(1)}x time` : ''}` });
    // Worst case: every translation starts with `1. `, so every segment is checked by the parser.
    const numbered = translations.map((t) => (t === undefined ? t : `1. ${t}`));
    const checkedMs = median(1, () => renderTarget(source, segments, numbered));
    rows.push({ name: `renderTarget post x${copies}, all checked`, ms: checkedMs, detail: 'every segment re-parsed in its block' });
  }
  return rows;
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { containsTerm, termOffsets } from '../../src/qa/glossary-term.js';
import { seededRandom } from '../bench/synthetic-document.js';

const REPO = new URL('../..', import.meta.url).pathname;

/** The matches a term has by its definition: case-insensitive, any whitespace inside, Latin terms at a word start. */
function reference(text: string, term: string): number[] {
  const body = term.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const start = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]/u.test(term.trim()) ? '(?<![\\p{L}\\p{N}])' : '';
  return [...text.matchAll(new RegExp(`${start}${body}`, 'giu'))].map((match) => match.index);
}

describe('termOffsets and containsTerm', () => {
  const terms = ['post-training', 'RL', 'align', 'sample efficiency', 'Model Spec', '对齐', '后训练', 'GPT-4', 'o1', 'Ωmega', '3D'];

  it('find a term only where a word starts, in any case, with any whitespace inside', () => {
    expect(termOffsets('RL and rl, RLHF, xRL, 中RL, é RL', 'rl and rl, rlhf, xrl, 中rl, é rl', 'RL')).toEqual([0, 7, 11, 29]);
    expect(termOffsets('the sample\n  efficiency', 'the sample\n  efficiency', 'sample efficiency')).toEqual([4]);
    expect(termOffsets('没有对齐的模型与对齐', '没有对齐的模型与对齐', '对齐')).toEqual([2, 8]);
    expect(containsTerm('misaligned', 'align')).toBe(false);
    expect(containsTerm('mis-aligned', 'align')).toBe(true);
    expect(containsTerm('𝐀align', 'align')).toBe(false);
  });

  it('find every occurrence whatever an earlier search of the same term left behind', () => {
    // The QA check asks whether a term occurs, then the review page where: the answer must not
    // depend on the question before (a shared pattern's lastIndex once made it start mid-text).
    const text = 'alignment first, alignment again';
    expect(containsTerm(text, 'alignment')).toBe(true);
    expect(termOffsets(text, text.toLowerCase(), 'alignment')).toEqual([0, 17]);
    expect(containsTerm('xalignment', 'alignment')).toBe(false);
    expect(termOffsets(text, text.toLowerCase(), 'alignment')).toEqual([0, 17]);
  });

  it('agree with the definition on the texts of the committed post and on random mixes', () => {
    const texts = ['content/john-schulman-interview.md', 'translations/john-schulman-interview.en.md'].flatMap((file) => readFileSync(`${REPO}/${file}`, 'utf8').split(/\n\n+/));
    const random = seededRandom(7);
    const atoms = ['RL', 'rl', 'align', 'ALIGN', 'x', '中', '对齐', 'é', '𝐀', '1', ' ', '\n', '-', 'GPT-4', 'o1', 'Ωmega', '3D', 'post-training', 'sample ', 'efficiency', 'Model', ' Spec'];
    for (let n = 0; n < 2_000; n++) {
      let text = '';
      for (let i = 0, length = 1 + Math.floor(random() * 10); i < length; i++) text += atoms[Math.floor(random() * atoms.length)];
      texts.push(text);
    }
    for (const text of texts) {
      for (const term of terms) {
        const expected = reference(text, term);
        expect(termOffsets(text, text.toLowerCase(), term), `${term} in ${JSON.stringify(text)}`).toEqual(expected);
        expect(containsTerm(text, term)).toBe(expected.length > 0);
      }
    }
  });
});

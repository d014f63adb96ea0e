import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import commonmarkSpec from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import { parsedPlainText, plainText } from '../../src/render/heading-slugs.js';
import { inlineStructure, parsedInlineStructure } from '../../src/segment/inline-structure.js';
import { REPO } from '../helpers/temp-project.js';

/** Texts to compare on: every line and paragraph of the post and of the spec examples, plus random strings. */
function corpus(): string[] {
  const post = readFileSync(join(REPO, 'content', 'john-schulman-interview.md'), 'utf8');
  const texts = new Set<string>();
  for (const source of [post, ...commonmarkSpec.tests.map((t) => t.markdown)]) {
    for (const part of source.split(/\n\n+/)) texts.add(part);
    for (const line of source.split('\n')) texts.add(line);
  }
  // A fixed generator, so a failure can be replayed.
  let seed = 7;
  const random = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };
  const alphabet = [...'ab 中文\t\n#*_~`[]()!<>&\\:/@.w1-=|$'];
  for (let i = 0; i < 1500; i++) texts.add(Array.from({ length: 1 + random(12) }, () => alphabet[random(alphabet.length)]).join(''));
  for (const extra of ['www.example.com 站点', 'https://example.com', 'a@b.co', '  标题  ', '\t标题\t', '标题 \u3000', '3. 结果', '- 无', '> 引', '    缩进']) texts.add(extra);
  return [...texts];
}

describe('fast paths around the Markdown parser', () => {
  const texts = corpus();

  it('inlineStructure skips the parse only where the parse finds no structure', () => {
    let skipped = 0;
    for (const text of texts) {
      expect(inlineStructure(text), JSON.stringify(text)).toEqual(parsedInlineStructure(text));
      if (!/[*_~[`<@]|:\/\/|www\./i.test(text)) skipped++;
    }
    expect(skipped).toBeGreaterThan(500);
  });

  it("a heading's plain text (for its slug) is the parser's, with or without a parse", () => {
    for (const text of texts) expect(plainText(text), JSON.stringify(text)).toBe(parsedPlainText(text));
  });
});

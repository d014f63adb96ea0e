import { expect, it } from 'vitest';
import { rot13Letters, tagStructure, translateMarkdown } from '../helpers/translate-markdown.js';

/** One spec example: its number, section and Markdown. */
export interface SpecExample {
  number: number;
  section: string;
  markdown: string;
}

/**
 * Registers the two tests of every example: (a) the identity translation gives the input back
 * byte for byte; (b) changing every letter keeps the HTML tag structure `toHtml` renders. A known
 * exception is expected to fail, so fixing it shows up as a test to move out of the list.
 */
export function specExampleTests(examples: readonly SpecExample[], known: Record<number, string>, toHtml: (markdown: string) => string): void {
  for (const example of examples) {
    const name = `example ${example.number} (${example.section})`;
    const reason = known[example.number];
    const test = reason === undefined ? it : it.fails;
    const note = reason ? ` (known: ${reason})` : '';
    test(`${name}: identity round trip is byte for byte${note}`, () => {
      expect(translateMarkdown(example.markdown, (wire) => wire)).toBe(example.markdown);
    });
    test(`${name}: changed letters keep the HTML tag structure${note}`, () => {
      const out = translateMarkdown(example.markdown, rot13Letters);
      expect(tagStructure(toHtml(out))).toEqual(tagStructure(toHtml(example.markdown)));
    });
  }
}

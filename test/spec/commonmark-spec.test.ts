import { HtmlRenderer, Parser } from 'commonmark';
import commonmarkSpec from 'commonmark-spec';
import { describe, expect, it } from 'vitest';
import { KNOWN_EXCEPTIONS } from './known-exceptions.js';
import { rot13Letters, translateMarkdown } from '../helpers/translate-markdown.js';
import { specExampleTests } from './spec-example-tests.js';

const parser = new Parser();
const renderer = new HtmlRenderer();
const toHtml = (markdown: string): string => renderer.render(parser.parse(markdown));

// The spec shows tabs as `→`.
const examples = commonmarkSpec.tests.map((t) => ({ ...t, markdown: t.markdown.replace(/→/g, '\t') }));

describe('CommonMark spec 0.31.2: every example', () => {
  it('has all 652 examples, and the changed-letters translator really changes most of them', () => {
    expect(examples).toHaveLength(652);
    const changed = examples.filter((e) => !KNOWN_EXCEPTIONS.commonmark[e.number] && translateMarkdown(e.markdown, rot13Letters) !== e.markdown);
    expect(changed.length).toBeGreaterThan(400);
  });
  specExampleTests(examples, KNOWN_EXCEPTIONS.commonmark, toHtml);
});

import { describe, expect, it } from 'vitest';
import { whitespace } from '../../../src/qa/checks/whitespace.js';

const check = (source: string, translation: string): string[] =>
  whitespace({ id: 's1', source, translation }).map((finding) => finding.message);

describe('whitespace', () => {
  it('accepts the same leading and trailing whitespace', () => {
    expect(check('你好', 'Hello')).toEqual([]);
    expect(check('  你好\n', '  Hello\n')).toEqual([]);
  });

  it('reports different leading or trailing whitespace', () => {
    expect(check('你好', 'Hello ')).toEqual(['trailing whitespace differs: the source has none, the translation " "']);
    expect(check('  你好', 'Hello')).toEqual(['leading whitespace differs: the source has "  ", the translation none']);
    expect(check(' 你好\n', '\tHello')).toEqual([
      'leading whitespace differs: the source has " ", the translation "\\t"',
      'trailing whitespace differs: the source has "\\n", the translation none',
    ]);
  });

  it('does not look at whitespace inside the text', () => {
    expect(check('你好', 'Hello   world')).toEqual([]);
  });
});

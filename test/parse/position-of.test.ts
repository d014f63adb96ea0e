import { describe, expect, it } from 'vitest';
import { lineIndex, positionOf } from '../../src/parse/decode-source.js';

/** Line and column by counting from the start, the obvious way. */
function naive(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

describe('positionOf', () => {
  const texts = ['', 'one line', 'a\nb\r\nc\n\nd', '\n\n\n', '第一行\n第二行\r\n第三行\n'];
  it('agrees with counting from the start at every offset, switching between texts', () => {
    for (let round = 0; round < 2; round++) {
      for (const text of texts) {
        for (let offset = 0; offset <= text.length; offset++) expect(positionOf(text, offset), `${JSON.stringify(text)} @${offset}`).toEqual(naive(text, offset));
      }
    }
  });

  it('a line index answers for a large text', () => {
    const text = 'x\n'.repeat(100_000);
    const at = lineIndex(text);
    expect(at(0)).toEqual({ line: 1, column: 1 });
    expect(at(text.length - 1)).toEqual({ line: 100_000, column: 2 });
    expect(at(text.length)).toEqual({ line: 100_001, column: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import type { DiffPart } from '../../src/review/char-diff.js';
import { renderDiffText } from '../../src/review/render-diff-text.js';

const PARTS: DiffPart[] = [
  { op: 'equal', text: '安装需要 Node ' },
  { op: 'delete', text: '18' },
  { op: 'insert', text: '20' },
  { op: 'equal', text: ' 或更新的版本。' },
];

describe('renderDiffText', () => {
  it('marks changes with [-deleted-]{+inserted+} without colour', () => {
    expect(renderDiffText(PARTS, { color: false })).toBe('安装需要 Node [-18-]{+20+} 或更新的版本。');
  });

  it('colours deletions red and struck through and insertions green with colour', () => {
    expect(renderDiffText(PARTS, { color: true })).toBe(
      '安装需要 Node \u001b[31;9m18\u001b[0m\u001b[32;4m20\u001b[0m 或更新的版本。',
    );
  });

  it('renders unchanged text as it is and nothing for no parts', () => {
    expect(renderDiffText([{ op: 'equal', text: '没有变化' }], { color: true })).toBe('没有变化');
    expect(renderDiffText([], { color: false })).toBe('');
  });

  it('keeps newlines but makes control characters from the text visible', () => {
    const parts: DiffPart[] = [
      { op: 'equal', text: 'a\nb' },
      { op: 'insert', text: '\u001b[2J\u0007' },
      { op: 'delete', text: '\u009b1m' },
    ];
    for (const color of [false, true]) {
      const text = renderDiffText(parts, { color });
      expect(text).toContain('a\nb');
      expect(text).toContain('\u241b[2J\u2407');
      expect(text).not.toContain('\u001b[2J');
      expect(text).not.toContain('\u0007');
      expect(text).not.toContain('\u009b');
    }
  });
});

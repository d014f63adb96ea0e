import { describe, expect, it } from 'vitest';
import { charDiff, type DiffPart } from '../../src/review/char-diff.js';

const side = (parts: DiffPart[], drop: DiffPart['op']): string =>
  parts.filter((part) => part.op !== drop).map((part) => part.text).join('');

describe('charDiff', () => {
  it('returns one equal part for identical text and nothing for two empty strings', () => {
    expect(charDiff('原文', '原文')).toEqual([{ op: 'equal', text: '原文' }]);
    expect(charDiff('', '')).toEqual([]);
  });

  it('reports pure insertions and deletions', () => {
    expect(charDiff('', '新增')).toEqual([{ op: 'insert', text: '新增' }]);
    expect(charDiff('删除', '')).toEqual([{ op: 'delete', text: '删除' }]);
  });

  it('diffs Chinese character by character, deletion before insertion', () => {
    expect(charDiff('安装需要 Node 18 或更高版本。', '安装需要 Node 20 或更新的版本。')).toEqual([
      { op: 'equal', text: '安装需要 Node ' },
      { op: 'delete', text: '18' },
      { op: 'insert', text: '20' },
      { op: 'equal', text: ' 或更' },
      { op: 'delete', text: '高' },
      { op: 'insert', text: '新的' },
      { op: 'equal', text: '版本。' },
    ]);
  });

  it('folds a coincidental shared character into a rewrite around it', () => {
    // Unfolded this is [-这个工具把-]{+该程序将+}文[-档翻译成-]{+件转换为+}英...
    expect(charDiff('这个工具把文档翻译成英文', '该程序将文件转换为英语')).toEqual([
      { op: 'delete', text: '这个工具把文档翻译成' },
      { op: 'insert', text: '该程序将文件转换为' },
      { op: 'equal', text: '英' },
      { op: 'delete', text: '文' },
      { op: 'insert', text: '语' },
    ]);
  });

  it('keeps a shared word or a shared character between small changes visible', () => {
    const parts = charDiff('在有过期段落时返回 1。', '在有过期或缺失的段落时以状态码 1 退出。');
    expect(parts).toContainEqual({ op: 'equal', text: '段落时' });
    expect(charDiff('第一个版本', '第二个正式版本')).toEqual([
      { op: 'equal', text: '第' },
      { op: 'delete', text: '一' },
      { op: 'insert', text: '二' },
      { op: 'equal', text: '个' },
      { op: 'insert', text: '正式' },
      { op: 'equal', text: '版本' },
    ]);
  });

  it('never splits a character outside the Basic Multilingual Plane', () => {
    expect(charDiff('𠮷野家😀', '𠮷野屋😀')).toEqual([
      { op: 'equal', text: '𠮷野' },
      { op: 'delete', text: '家' },
      { op: 'insert', text: '屋' },
      { op: 'equal', text: '😀' },
    ]);
  });

  it('always rebuilds both sides, with no empty or repeated runs', () => {
    const pairs: [string, string][] = [
      ['我们在二〇二三年发布了第一个版本。', '我们于2024年发布了第二个正式版本。'],
      ['译文会写到 `out/` 目录。', '译文写入 `translations/` 目录。'],
      ['第一行\n第二行', '第一行\n第三行\n第四行'],
      ['abcabcabc', 'cbacbacba'],
      ['的了的了的了', '了的了的了的'],
    ];
    for (const [before, after] of pairs) {
      const parts = charDiff(before, after);
      expect(side(parts, 'insert')).toBe(before);
      expect(side(parts, 'delete')).toBe(after);
      parts.forEach((part, i) => {
        expect(part.text).not.toBe('');
        expect(part.op).not.toBe(parts[i - 1]?.op);
        if (part.op === 'delete') expect(parts[i - 1]?.op).not.toBe('insert');
      });
    }
  });

  it('falls back to a plain replacement when the texts are too different to diff cheaply', () => {
    // Same 50 characters in unrelated orders: a full diff would find thousands of tiny matches.
    const text = (seed: number): string =>
      Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * i * seed + i) % 50))).join('');
    const before = text(7);
    const after = text(13);
    expect(charDiff(before, after)).toEqual([
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ]);
  });
});

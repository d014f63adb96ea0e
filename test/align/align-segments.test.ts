import { describe, expect, it } from 'vitest';
import { alignSegments } from '../../src/align/align-segments.js';
import { textSimilarity } from '../../src/align/text-similarity.js';
import { HEADINGS, PARAGRAPHS, rec, recordsOf, removedIds, seg, summarise } from './align-fixtures.js';

const P = PARAGRAPHS;
const para = (text: string) => seg('paragraph', text);
const heading = (text: string) => seg('heading', text);
const item = (text: string) => seg('list-item', text);

describe('alignSegments: empty inputs', () => {
  it('aligns nothing with nothing', () => {
    expect(alignSegments([], [])).toEqual({ matches: [], removed: [] });
  });

  it('reports every segment as new when nothing is stored', () => {
    expect(alignSegments([para(P[0]), heading(HEADINGS[0])], [])).toEqual({ matches: [undefined, undefined], removed: [] });
  });

  it('reports every record as removed when the source is empty', () => {
    const records = recordsOf([para(P[0]), para(P[1])]);
    expect(alignSegments([], records)).toEqual({ matches: [], removed: [0, 1] });
  });
});

describe('alignSegments: identical text', () => {
  it('keeps every record of an untouched document as unchanged, similarity 1', () => {
    const segments = [heading(HEADINGS[0]), para(P[0]), para(P[1]), item(P[2])];
    const alignment = alignSegments(segments, recordsOf(segments));
    expect(alignment.matches).toEqual(segments.map((_, i) => ({ recordIndex: i, how: 'unchanged', similarity: 1 })));
    expect(alignment.removed).toEqual([]);
  });

  it('matches a stale record by the text it was translated from, and by its current text', () => {
    const edited = `${P[3]}我们正在优化一个不同的目标。`;
    const records = [rec('stale', 'paragraph', edited, { translatedFrom: P[3] }), rec('other', 'paragraph', P[4])];
    expect(summarise(alignSegments([para(P[3]), para(P[4])], records), records)).toEqual(['stale unchanged', 'other unchanged']);
    expect(summarise(alignSegments([para(edited), para(P[4])], records), records)).toEqual(['stale unchanged', 'other unchanged']);
  });

  it('gives a stale record to its current text when both texts are present', () => {
    const edited = `${P[3]}我们正在优化一个不同的目标。`;
    const records = [rec('stale', 'paragraph', edited, { translatedFrom: P[3] })];
    const alignment = alignSegments([para(P[3]), para(edited)], records);
    expect(summarise(alignment, records)).toEqual(['new', 'stale unchanged']);
  });
});

describe('alignSegments: a realistic revision', () => {
  // Old: h0 p0 p1 p2 p3 h1 p4 p5 p6 p7 p8 p9. New: p0, p4 and p7 edited; two paragraphs
  // inserted; p2 deleted; p5 moved to the end.
  const old = [
    heading(HEADINGS[0]), para(P[0]), para(P[1]), para(P[2]), para(P[3]),
    heading(HEADINGS[1]), para(P[4]), para(P[5]), para(P[6]), para(P[7]), para(P[8]), para(P[9]),
  ];
  const records = recordsOf(old);
  const p0 = P[0].replace('领导着后训练团队', '目前负责后训练团队的工作');
  const p4 = `${P[4]}如果我们把所有事情都向前推进五年，你认为进展会是怎样的？`;
  const p7 = P[7].replace('目前大部分训练数据更像是每次只执行一个步骤。', '');
  const segments = [
    heading(HEADINGS[0]), para(p0), para(P[12]), para(P[1]), para(P[3]),
    heading(HEADINGS[1]), para(p4), para(P[6]), para(p7), para(P[13]), para(P[8]), para(P[9]), para(P[5]),
  ];
  const alignment = alignSegments(segments, records);

  it('edits three paragraphs, inserts two, deletes one and moves one', () => {
    expect(summarise(alignment, records)).toEqual([
      'r0 unchanged', 'r1 edited', 'new', 'r2 unchanged', 'r4 unchanged',
      'r5 unchanged', 'r6 edited', 'r8 unchanged', 'r9 edited', 'new', 'r10 unchanged', 'r11 unchanged', 'r7 moved',
    ]);
    expect(removedIds(alignment, records)).toEqual(['r3']);
  });

  it('reports the character similarity of edited segments', () => {
    const match = alignment.matches[1]!;
    expect(match.similarity).toBeCloseTo(textSimilarity(P[0], p0), 10);
    expect(match.similarity).toBeGreaterThanOrEqual(0.5);
    expect(match.similarity).toBeLessThan(1);
  });
});

describe('alignSegments: front matter', () => {
  const fm = (field: string, text: string) => seg('front-matter', text, field);
  const title = 'OpenAI 联合创始人 John Schulman 谈 AI 推理、RLHF 与 2027 年 AGI 计划';
  const summary = '本次访谈中，OpenAI 联合创始人 John Schulman 深入探讨了AI模型的预训练与后训练。';
  const old = [fm('title', title), fm('summary', summary), fm('draft', 'true'), para(P[0])];
  const records = recordsOf(old);

  it('matches by field only: a rewritten title continues the title', () => {
    const segments = [fm('title', 'John Schulman 访谈'), fm('summary', summary), fm('draft', 'true'), para(P[0])];
    const alignment = alignSegments(segments, records);
    expect(summarise(alignment, records)).toEqual(['r0 edited', 'r1 unchanged', 'r2 unchanged', 'r3 unchanged']);
    expect(alignment.matches[0]!.similarity).toBeLessThan(0.5);
  });

  it('ignores field order, adds new fields and removes dropped ones', () => {
    const segments = [fm('summary', summary), fm('date', '2024-05-15'), fm('title', title), para(P[0])];
    const alignment = alignSegments(segments, records);
    expect(summarise(alignment, records)).toEqual(['r1 unchanged', 'new', 'r0 unchanged', 'r3 unchanged']);
    expect(removedIds(alignment, records)).toEqual(['r2']);
  });

  it('never pairs front matter with body text, even identical text', () => {
    const segments = [fm('title', title), para(summary), para(P[0])];
    const alignment = alignSegments(segments, records);
    expect(summarise(alignment, records)).toEqual(['r0 unchanged', 'new', 'r3 unchanged']);
    expect(removedIds(alignment, records)).toEqual(['r1', 'r2']);
  });
});

describe('alignSegments: edited segments', () => {
  it('keeps the id of a renamed heading', () => {
    const old = [heading(HEADINGS[0]), para(P[2]), heading(HEADINGS[2]), para(P[6])];
    const records = recordsOf(old);
    const segments = [heading('预训练和后训练的本质区别'), para(P[2]), heading(HEADINGS[2]), para(P[6])];
    expect(summarise(alignSegments(segments, records), records)).toEqual(['r0 edited', 'r1 unchanged', 'r2 unchanged', 'r3 unchanged']);
  });

  it('treats a heading rewritten beyond recognition as new', () => {
    const old = [heading(HEADINGS[1]), para(P[4])];
    const records = recordsOf(old);
    const alignment = alignSegments([heading('未来五年的进步'), para(P[4])], records);
    expect(summarise(alignment, records)).toEqual(['new', 'r1 unchanged']);
    expect(removedIds(alignment, records)).toEqual(['r0']);
  });

  it('does not pair a paragraph with an unrelated one written in its place', () => {
    const records = recordsOf([para(P[0]), para(P[10]), para(P[2])]);
    const alignment = alignSegments([para(P[0]), para(P[11]), para(P[2])], records);
    expect(summarise(alignment, records)).toEqual(['r0 unchanged', 'new', 'r2 unchanged']);
    expect(removedIds(alignment, records)).toEqual(['r1']);
  });

  it('honours a stricter minSimilarity', () => {
    const records = recordsOf([para(P[4])]);
    const edited = P[4].replace('撇开这些过程目前的工作方式不谈，', '');
    expect(summarise(alignSegments([para(edited)], records), records)).toEqual(['r0 edited']);
    expect(summarise(alignSegments([para(edited)], records, { minSimilarity: 0.9 }), records)).toEqual(['new']);
  });

  it('follows a paragraph that was both moved and edited', () => {
    const old = [para(P[0]), para(P[1]), para(P[2]), para(P[3]), para(P[4]), para(P[5])];
    const records = recordsOf(old);
    const moved = `${P[5]}你可以想象模型接受高级别的编程指令。`;
    const segments = [para(moved), para(P[0]), para(P[1]), para(P[2]), para(P[3]), para(P[4])];
    expect(summarise(alignSegments(segments, records), records)).toEqual([
      'r5 edited', 'r0 unchanged', 'r1 unchanged', 'r2 unchanged', 'r3 unchanged', 'r4 unchanged',
    ]);
  });

  it('looks between the neighbouring anchors first, even if a record elsewhere is more alike', () => {
    const base = '我想具体了解泛化能力如何帮助模型回到正轨。你能详细说明一下吗？';
    const old = [para(`${base}这是第一版。`), para(P[0]), para(P[1]), para(P[2]), para(`${base}这是第二版的补充说明。`)];
    const records = recordsOf(old);
    const segments = [para(`${base}这是第二版的补充。`), para(P[0]), para(P[1]), para(P[2])];
    const alignment = alignSegments(segments, records);
    expect(summarise(alignment, records)).toEqual(['r0 edited', 'r1 unchanged', 'r2 unchanged', 'r3 unchanged']);
    expect(removedIds(alignment, records)).toEqual(['r4']);
  });
});

describe('alignSegments: splits, merges and lists', () => {
  const [first, second, third] = P[7].split('。').filter(Boolean).map((s) => `${s}。`) as [string, string, string];

  it('gives a split paragraph’s id to the part most like the old text; the other part is new', () => {
    const records = recordsOf([para(P[6]), para(P[7]), para(P[8])]);
    const segments = [para(P[6]), para(third), para(first + second), para(P[8])];
    const alignment = alignSegments(segments, records);
    expect(summarise(alignment, records)).toEqual(['r0 unchanged', 'new', 'r1 edited', 'r2 unchanged']);
    expect(alignment.removed).toEqual([]);
  });

  it('continues the most similar old paragraph with a merged one; the other is removed', () => {
    // P[13] is the longer of the two, so the merged text is more like it.
    const records = recordsOf([para(P[11]), para(P[12]), para(P[13]), para(P[14])]);
    const segments = [para(P[11]), para(P[12] + P[13]), para(P[14])];
    const alignment = alignSegments(segments, records);
    expect(summarise(alignment, records)).toEqual(['r0 unchanged', 'r2 edited', 'r3 unchanged']);
    expect(removedIds(alignment, records)).toEqual(['r1']);
  });

  it('lets the list item most like an old paragraph continue it, across the kind change', () => {
    const records = recordsOf([para(P[12]), para(P[13]), para(P[14])]);
    const main = '每个人都需要就部署或进一步训练的合理限制达成一致，这才能奏效。否则，你就会陷入竞争动态，每个人都试图保持领先，这可能会危及安全。';
    const segments = [para(P[12]), item('确实很快。'), item(main), item('你可能需要某种协调。'), para(P[14])];
    const alignment = alignSegments(segments, records);
    expect(summarise(alignment, records)).toEqual(['r0 unchanged', 'new', 'r1 edited', 'new', 'r2 unchanged']);
  });

  it('treats every item as new when no item is similar enough to the old paragraph', () => {
    const records = recordsOf([para(P[12]), para(P[14]), para(P[15])]);
    const items = P[14].split('。').filter(Boolean).map((s) => item(`${s}。`));
    const alignment = alignSegments([para(P[12]), ...items, para(P[15])], records);
    expect(summarise(alignment, records)).toEqual(['r0 unchanged', ...items.map(() => 'new'), 'r2 unchanged']);
    expect(removedIds(alignment, records)).toEqual(['r1']);
  });

  it('prefers a candidate of the same kind when a kind change is as similar', () => {
    const records = recordsOf([para(P[0]), para(P[8]), para(P[2])]);
    const edited = P[8].replace('这是一点。', '');
    const alignment = alignSegments([para(P[0]), item(edited), para(edited), para(P[2])], records);
    expect(summarise(alignment, records)).toEqual(['r0 unchanged', 'new', 'r1 edited', 'r2 unchanged']);
  });
});

describe('alignSegments: repeated identical paragraphs', () => {
  const thanks = '谢谢。';
  const old = [para(P[0]), para(thanks), para(P[1]), para(thanks), para(P[2]), para(thanks), para(P[3])];
  const records = recordsOf(old);

  it('pairs the k-th occurrence with the k-th stored one', () => {
    expect(summarise(alignSegments(old, records), records)).toEqual(old.map((_, i) => `r${i} unchanged`));
  });

  it('keeps the stored pairings when another copy is inserted before them', () => {
    const segments = [para(thanks), ...old];
    const alignment = alignSegments(segments, records);
    expect(summarise(alignment, records)).toEqual(['new', ...old.map((_, i) => `r${i} unchanged`)]);
  });

  it('removes the stored copy whose neighbourhood disappeared', () => {
    const segments = [para(P[0]), para(thanks), para(P[1]), para(P[2]), para(thanks), para(P[3])];
    const alignment = alignSegments(segments, records);
    expect(summarise(alignment, records)).toEqual(['r0 unchanged', 'r1 unchanged', 'r2 unchanged', 'r4 unchanged', 'r5 unchanged', 'r6 unchanged']);
    expect(removedIds(alignment, records)).toEqual(['r3']);
  });

  it('pairs in order inside one gap and leaves the extra copy new', () => {
    const pair = recordsOf([para(thanks), para(thanks)]);
    const alignment = alignSegments([para(thanks), para(thanks), para(thanks)], pair);
    expect(summarise(alignment, pair)).toEqual(['r0 unchanged', 'r1 unchanged', 'new']);
  });

  it('continues the second copy with an edited version of it', () => {
    const stored = recordsOf([para(P[9]), para(P[9]), para(P[10])]);
    const edited = P[9].replace('你能详细说明一下吗？', '');
    const alignment = alignSegments([para(P[9]), para(edited), para(P[10])], stored);
    expect(summarise(alignment, stored)).toEqual(['r0 unchanged', 'r1 edited', 'r2 unchanged']);
  });

  it('prefers a stored copy of the same kind within the same gap', () => {
    const stored = recordsOf([para(P[0]), heading('总结'), para('总结'), para(P[1])]);
    const alignment = alignSegments([para(P[0]), para('总结'), heading('总结'), para(P[1])], stored);
    expect(alignment.matches.map((m) => m && stored[m.recordIndex]!.id)).toEqual(['r0', 'r2', 'r1', 'r3']);
  });

  it('prefers a copy in the same gap between unique anchors over one of the same kind', () => {
    const stored = recordsOf([heading('总结'), para(P[0]), para('总结')]);
    const alignment = alignSegments([para('总结'), para(P[0]), heading('总结')], stored);
    expect(summarise(alignment, stored)).toEqual(['r0 unchanged', 'r1 unchanged', 'r2 unchanged']);
  });
});

describe('alignSegments: reordering', () => {
  const old = P.slice(0, 10).map((text) => para(text));
  const records = recordsOf(old);

  it('keeps every record through a full reorder; those outside the longest in-order run are moved', () => {
    const order = [7, 2, 9, 0, 4, 1, 8, 3, 6, 5];
    const alignment = alignSegments(order.map((i) => old[i]!), records);
    expect(alignment.matches.map((m) => m?.recordIndex)).toEqual(order);
    expect(alignment.removed).toEqual([]);
    // The longest increasing run of [7, 2, 9, 0, 4, 1, 8, 3, 6, 5] has length 4 (e.g. 2 4 8 ...).
    const unchanged = alignment.matches.filter((m) => m?.how === 'unchanged').map((m) => m!.recordIndex);
    expect(unchanged).toHaveLength(4);
    expect([...unchanged].sort((a, b) => a - b)).toEqual(unchanged);
    expect(alignment.matches.filter((m) => m?.how === 'moved')).toHaveLength(6);
  });

  it('marks all but one segment of a reversed document as moved', () => {
    const alignment = alignSegments([...old].reverse(), records);
    expect(alignment.matches.map((m) => m?.recordIndex)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(alignment.matches.filter((m) => m?.how === 'moved')).toHaveLength(9);
  });
});

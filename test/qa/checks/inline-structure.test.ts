import { describe, expect, it } from 'vitest';
import { inlineStructure } from '../../../src/qa/checks/inline-structure.js';

const check = (source: string, translation: string): string[] =>
  inlineStructure({ id: 's1', source, translation }).map((finding) => finding.message);

describe('inline-structure', () => {
  it('accepts a translation that keeps links, code, images, emphasis and strong', () => {
    expect(
      check(
        '运行 `bitext qa`，详见[文档](https://a.example/qa)。**注意**：*不要*删除 ![图](p.png)',
        'Run `bitext qa`; see the [docs](https://a.example/qa). **Note**: do *not* delete ![figure](p.png)',
      ),
    ).toEqual([]);
  });

  it('reports a changed link target, saying what was found instead', () => {
    expect(check('见[文档](https://a.example/x)', 'See the [docs](https://a.example/y)')).toEqual([
      'link target https://a.example/x in the source is missing from the translation; found https://a.example/y',
    ]);
  });

  it('compares link targets as a multiset', () => {
    expect(check('[甲](u) 和 [乙](u)', '[A](u) and B')).toEqual([
      'link target u in the source is missing from the translation',
    ]);
  });

  it('reports inline code that was changed or added', () => {
    expect(check('运行 `npm test`', 'Run `npm run test`')).toEqual([
      'inline code `npm test` in the source is missing from the translation; found `npm run test`',
    ]);
    expect(check('运行测试', 'Run `npm test`')).toEqual(['inline code `npm test` in the translation is not in the source']);
  });

  it('reports a different number of strong and emphasis spans', () => {
    expect(check('**强化学习**和*泛化*', 'reinforcement learning and *generalization*')).toEqual([
      'the source has 1 strong (bold) spans, the translation 0',
    ]);
    expect(check('*泛化*', 'generalization')).toEqual(['the source has 1 emphasis spans, the translation 0']);
  });

  it('reports a missing image', () => {
    expect(check('![流程](pipeline.png) 如图', 'As shown')).toEqual([
      'image pipeline.png in the source is missing from the translation',
    ]);
  });

  it('counts bold that CommonMark leaves unparsed next to CJK punctuation', () => {
    expect(check('保持**“人类在环”**的挑战', 'the challenge of keeping **“humans in the loop”**')).toEqual([]);
  });

  it('accepts italics for a title the source writes in 《》', () => {
    expect(check('参阅《用户手册》', 'See the *User Manual*')).toEqual([]);
    expect(check('参阅用户手册', 'See the *User Manual*')).toEqual(['the source has 0 emphasis spans, the translation 1']);
  });

  it('is not fooled by a leading indent, which would make a code block', () => {
    expect(check('见[文档](u)', '    See the [docs](u)')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { bigramDice } from '../../src/align/bigram-dice.js';
import { BigramIndex } from '../../src/align/bigram-index.js';
import { bigramSet } from '../../src/align/bigram-set.js';
import { gapIndices } from '../../src/align/gap-indices.js';
import { orderAnchors } from '../../src/align/order-anchors.js';
import { pairInOrder } from '../../src/align/pair-in-order.js';

describe('bigramSet and bigramDice', () => {
  it('collects distinct sorted bigrams', () => {
    expect(bigramSet('谢')).toHaveLength(0);
    const set = bigramSet('谢谢谢谢');
    expect(set).toHaveLength(1);
    const mixed = bigramSet('预训练后训练'); // 预训 训练 练后 后训 (训练 twice)
    expect(mixed).toHaveLength(4);
    expect([...mixed]).toEqual([...mixed].sort((a, b) => a - b));
  });

  it('scores overlap between 0 and 1', () => {
    expect(bigramDice(bigramSet(''), bigramSet(''))).toBe(1);
    expect(bigramDice(bigramSet('预训练'), bigramSet('预训练'))).toBe(1);
    expect(bigramDice(bigramSet('预训练'), bigramSet('后对齐'))).toBe(0);
    expect(bigramDice(bigramSet('预训练模型'), bigramSet('预训练数据'))).toBeCloseTo(0.5, 10);
  });
});

describe('BigramIndex', () => {
  it('finds the entries sharing the most bigrams first', () => {
    const index = new BigramIndex(3);
    index.add(0, bigramSet('强化学习'));
    index.add(1, bigramSet('预训练与后训练'));
    index.add(2, bigramSet('后训练团队'));
    expect(index.search(bigramSet('预训练与后训练的本质'))).toEqual([1, 2]);
    expect(index.search(bigramSet('无关的文本'))).toEqual([]);
    // Counters are reset between searches.
    expect(index.search(bigramSet('预训练与后训练的本质'))).toEqual([1, 2]);
  });
});

describe('gapIndices', () => {
  it('numbers each position by the anchors before it', () => {
    expect([...gapIndices(6, [1, 4])]).toEqual([0, 0, 1, 1, 1, 2]);
    expect([...gapIndices(3, [])]).toEqual([0, 0, 0]);
  });
});

describe('orderAnchors', () => {
  it('keeps the longest run in order on both sides and reports the rest as moved', () => {
    const { inOrder, outOfOrder } = orderAnchors([
      { segment: 0, record: 0 },
      { segment: 1, record: 3 },
      { segment: 2, record: 1 },
      { segment: 3, record: 2 },
    ]);
    expect(inOrder.map((p) => p.record)).toEqual([0, 1, 2]);
    expect(outOfOrder).toEqual([{ segment: 1, record: 3 }]);
  });
});

describe('pairInOrder', () => {
  it('pairs the k-th left item of a key with the k-th right item of that key', () => {
    const leftKeys = ['a', 'b', 'a', 'a'];
    const rightKeys = [['a'], ['a', 'b'], ['a']];
    const pairs = pairInOrder([0, 1, 2, 3], (i) => leftKeys[i]!, [0, 1, 2], (j) => rightKeys[j]!);
    // Left 1 takes right 1 under key b; left 2 then skips it and takes right 2.
    expect(pairs).toEqual([[0, 0], [1, 1], [2, 2]]);
  });
});

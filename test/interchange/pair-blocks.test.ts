import { describe, expect, it } from 'vitest';
import { anchorsOf, pairBlocks, type BlockText } from '../../src/engine/pair-blocks.js';

const p = (text: string, kind: BlockText['kind'] = 'paragraph'): BlockText => ({ kind, text, line: 1 });

const SOURCE = [
  p('引言', 'heading'),
  p('在 2017 年，我们发布了 PPO 算法。'),
  p('这是一个很长的段落，讲述了很多关于强化学习的内容，以及它如何被用于训练语言模型。'),
  p('第三段很短。'),
  p('最后，RLHF 在 2022 年变得重要。'),
];
const TARGET = [
  p('Introduction', 'heading'),
  p('In 2017 we released the PPO algorithm.'),
  p('This is a long paragraph that says a great deal about reinforcement learning and how it is used to train language models.'),
  p('The third paragraph is short.'),
  p('Finally, RLHF became important in 2022.'),
];

describe('pairBlocks', () => {
  it('pairs blocks of the same structure one to one', () => {
    expect(pairBlocks(SOURCE, TARGET)).toEqual(SOURCE.map((_, i) => ({ type: 'pair', source: i, target: i })));
  });

  it('finds a translated paragraph split in two, and a block that matches nothing', () => {
    const target = [TARGET[0], TARGET[1], p('This is a long paragraph that says a great deal about reinforcement learning,'), p('and how it is used to train language models.'), TARGET[3], p('Translator’s note: see the appendix.', 'heading'), TARGET[4]] as BlockText[];
    expect(pairBlocks(SOURCE, target).filter((x) => x.type !== 'pair')).toEqual([
      { type: 'split', source: 2, targets: [2, 3] },
      { type: 'extra', target: 5 },
    ]);
  });

  it('uses numbers and Latin words as anchors: a missing paragraph is the one whose anchors are gone', () => {
    // Without anchors the first and last paragraph are alike in length; the years decide.
    const target = [TARGET[0], TARGET[2], TARGET[3], TARGET[4]] as BlockText[];
    expect(pairBlocks(SOURCE, target).filter((x) => x.type !== 'pair')).toEqual([{ type: 'missing', source: 1 }]);
  });

  it('never pairs blocks of different kinds, and pairs front-matter fields by name', () => {
    const source = [{ kind: 'front-matter', field: 'title', text: '标题', line: 2 }, p('一个标题', 'heading')] as BlockText[];
    const target = [p('A heading'), { kind: 'front-matter', field: 'title', text: 'Title', line: 2 }] as BlockText[];
    const pairings = pairBlocks(source, target);
    expect(pairings).toHaveLength(3);
    expect(pairings).toEqual(expect.arrayContaining([
      { type: 'pair', source: 0, target: 1 },
      { type: 'missing', source: 1 },
      { type: 'extra', target: 0 },
    ]));
  });

  it('takes numbers and Latin-script words as anchors', () => {
    expect([...anchorsOf('在 2017 年，OpenAI 发布了 GPT-4 和 3.5 版本，x 不算。')]).toEqual(['2017', 'openai', 'gpt-4', '3.5']);
  });
});

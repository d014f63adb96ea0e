import { describe, expect, it } from 'vitest';
import { glossary } from '../../../src/qa/checks/glossary.js';
import { containsTerm } from '../../../src/qa/glossary-term.js';
import type { QaContext } from '../../../src/qa/qa-types.js';
import type { GlossaryEntry } from '../../../src/translate/translator.js';

const entries: GlossaryEntry[] = [
  { source: '强化学习', target: 'reinforcement learning', variants: ['RL'] },
  { source: '泛化', target: 'generalization', variants: ['generalize'] },
];
const context: QaContext = { glossary: entries, sourceLanguage: 'zh', targetLanguage: 'en', medianLengthRatio: undefined };
const check = (source: string, translation: string): string[] =>
  glossary({ id: 's1', source, translation }, context).map((finding) => finding.message);

describe('glossary', () => {
  it('accepts the target or a variant, in any case', () => {
    expect(check('进行**强化学习**', 'doing **Reinforcement Learning**')).toEqual([]);
    expect(check('进行强化学习', 'doing RL')).toEqual([]);
    expect(check('模型的泛化能力', 'how models generalize')).toEqual([]);
    expect(check('模型的泛化能力', 'how well models generalized')).toEqual([]);
  });

  it('reports a term whose target is missing from the translation', () => {
    expect(check('进行强化学习', 'doing reward-based training')).toEqual([
      'glossary term "强化学习" is in the source but the translation has no "reinforcement learning" or "RL"',
    ]);
  });

  it('matches Latin-script targets at word starts only', () => {
    expect(check('进行强化学习', 'a whole world of training')).toHaveLength(1);
    expect(check('进行强化学习', 'use RL-based training')).toEqual([]);
  });

  it('ignores terms the source does not contain', () => {
    expect(check('监督学习', 'supervised learning')).toEqual([]);
  });

  it('allows any whitespace inside a multi-word target', () => {
    expect(containsTerm('reinforcement\nlearning', 'reinforcement learning')).toBe(true);
    expect(containsTerm('a world', 'RL')).toBe(false);
    expect(containsTerm('强化学习方法', '强化学习')).toBe(true);
  });
});

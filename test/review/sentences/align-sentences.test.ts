import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignSentences, type SentenceAlignOptions } from '../../../src/review/sentences/align-sentences.js';
import { sentenceAnchors } from '../../../src/review/sentences/sentence-anchors.js';
import { splitSentences } from '../../../src/review/sentences/split-sentences.js';
import { seededRandom } from '../../bench/synthetic-document.js';

const ZH_EN = { sourceLanguage: 'zh', targetLanguage: 'en' };

/** The alignment as `source indices:translation indices` per bead, e.g. `0:0 1:1,2`. */
function shape(source: string, translation: string, options: SentenceAlignOptions = ZH_EN): string {
  return alignSentences(source, translation, options)
    .beads.map((bead) => `${bead.source.join(',')}:${bead.translation.join(',')}`)
    .join(' ');
}

function texts(text: string, language: string): string[] {
  return splitSentences(text, language).map((span) => text.slice(span.start, span.end));
}

describe('splitSentences', () => {
  it('ends Chinese sentences at 。！？； and keeps closing quotes with them', () => {
    expect(texts('他说：“好的。”然后走了！真的吗？是的；没错。', 'zh')).toEqual(['他说：“好的。”', '然后走了！', '真的吗？', '是的；', '没错。']);
  });

  it('keeps a closing bold marker with its sentence and never splits inside inline code', () => {
    expect(texts('但**改进可能会大有裨益。**之后再说。', 'zh')).toEqual(['但**改进可能会大有裨益。**', '之后再说。']);
    expect(texts('运行 `a。b` 即可。然后看结果。', 'zh')).toEqual(['运行 `a。b` 即可。', '然后看结果。']);
    // Here the `**` after 。 opens the next bold span.
    expect(texts('并非 **OpenAI** 独有。**AGI** 只是来得早。', 'zh')).toEqual(['并非 **OpenAI** 独有。', '**AGI** 只是来得早。']);
  });

  it('splits English with Intl.Segmenter and at line breaks', () => {
    expect(texts('It works. Does it? Yes!\nNext line', 'en')).toEqual(['It works.', 'Does it?', 'Yes!', 'Next line']);
  });
});

describe('alignSentences', () => {
  it('pairs sentences one to one when the translation follows the source', () => {
    expect(shape('谢谢。我的第一个问题是关于预训练的。后训练又做了什么？', 'Thank you. My first question is about pre-training. And what does post-training do?')).toBe('0:0 1:1 2:2');
  });

  it('finds a 1:2 bead where one long Chinese sentence became two English ones', () => {
    const source = '谢谢。让我们超越损失函数和训练机制的实际操作，从概念层面退一步来看，预训练究竟创造了什么？后训练又做了什么？';
    const translation =
      "Thank you. Let's step back from the practical details of the loss function and the training setup and look at this conceptually. What exactly does pre-training create? And what does post-training do?";
    expect(shape(source, translation)).toBe('0:0 1:1,2 2:3');
  });

  it('finds a 2:1 bead where two short Chinese sentences became one English sentence', () => {
    const source = '模型会卡住。它会迷失方向。我们收集了大约30个例子来修复这个问题，效果很好。';
    const translation = 'The model gets stuck and loses its way. We collected about 30 examples to fix this, and it worked well.';
    expect(shape(source, translation)).toBe('0,1:0 2:1');
  });

  it('leaves a sentence the translation dropped unpaired (1:0) rather than forcing it onto a neighbour', () => {
    const source = '这是第一句话，讲的是 GPT-4 的训练过程和它用到的大量数据。中间这句很长，译者把它整句漏掉了，所以英文里完全找不到与它对应的任何内容。最后一句讲的是 RLHF 如何让模型更有用，以及它的局限性。';
    const translation =
      'The first sentence is about how GPT-4 was trained and the large amount of data it used. The last sentence is about how RLHF makes the model more useful, and its limits.';
    expect(shape(source, translation)).toBe('0:0 1: 2:1');
  });

  it('uses anchors (numbers, Latin words) where length alone would pair the wrong sentences', () => {
    // By length the short third English sentence would join the second; the number 2027 and `RL` say otherwise.
    const source = '我们在 2027 年之前会看到很大的进展，尤其是在编程方面。RL 是关键。这需要时间。';
    const translation = 'We will see a lot of progress before 2027, especially in programming. RL is the key, and that takes time.';
    expect(shape(source, translation)).toBe('0:0 1,2:1');
  });

  it('uses glossary terms as anchors: `Alignment too.` goes with the sentence about 对齐', () => {
    const glossary = [{ source: '泛化', target: 'generalization' }, { source: '对齐', target: 'alignment' }];
    const source = '泛化让模型处理新任务。对齐让模型听我们的话。';
    const translation = 'Generalization lets models do new tasks. Alignment too. It makes models listen to what we say and do it.';
    // Length alone puts the short middle sentence with the first Chinese sentence.
    expect(shape(source, translation)).toBe('0:0,1 1:2');
    expect(shape(source, translation, { ...ZH_EN, glossary })).toBe('0:0 1:1,2');
  });

  it('handles an empty side', () => {
    expect(shape('只有原文。还有一句。', '')).toBe('0: 1:');
    expect(shape('', 'Only a translation.')).toBe(':0');
    expect(shape('', '')).toBe('');
  });

  it('pairs one sentence with one, unless one of them has no letter or digit to weigh against a long other', () => {
    expect(shape('好。', 'Good.')).toBe('0:0');
    expect(shape('——', 'Good.')).toBe('0:0');
    expect(shape('好。', '…')).toBe('0:0');
    // A translation of nothing but `…` is far too short for this sentence: two lone sentences cost less.
    expect(shape('这是一句很长很长的话，里面有许多许多的汉字，远远超过二十六个单位的长度，对吧。', '…')).toBe(':0 0:');
  });

  it('counts a glossary term once where a variant matches at the same place, and only the keys asked for when told', () => {
    const glossary = [{ source: '对齐', target: 'alignment', variants: ['align', 'aligned'] }];
    const text = 'Alignment matters. We align models, and aligned models listen.';
    const spans = splitSentences(text, 'en');
    const counts = () => sentenceAnchors(text, spans, 'target', 'en', glossary).map((anchors) => anchors.get('g:对齐') ?? 0);
    expect(counts()).toEqual([1, 2]);
    expect(counts()).toEqual([1, 2]);
    const only = new Set(['g:对齐', 'w:models']);
    const restricted = sentenceAnchors(text, spans, 'target', 'en', glossary).map((anchors) => new Map([...anchors].filter(([key]) => only.has(key))));
    expect(sentenceAnchors(text, spans, 'target', 'en', glossary, only)).toEqual(restricted);
    expect(restricted[1]?.get('w:models')).toBe(2);
    expect(sentenceAnchors('We saw 3 `x` **y** and RL.', splitSentences('We saw 3 `x` **y** and RL.', 'en'), 'target', 'en', glossary, new Set())).toEqual([new Map()]);
    expect(sentenceAnchors('对齐很重要。我们讨论对齐。', splitSentences('对齐很重要。我们讨论对齐。', 'zh'), 'source', 'zh', glossary).map((anchors) => anchors.get('g:对齐'))).toEqual([1, 1]);
  });
});

describe('alignSentences against the plain dynamic program', () => {
  const SHAPES = [[1, 1, 0.8], [1, 2, 0.09], [2, 1, 0.06], [1, 3, 0.02], [3, 1, 0.01], [1, 0, 0.005], [0, 1, 0.005]] as const;

  /** The program as first written: every bead priced in full, anchors of both sides, always two passes. */
  function reference(source: string, translation: string, options: SentenceAlignOptions): string {
    const spans = [splitSentences(source, options.sourceLanguage), splitSentences(translation, options.targetLanguage)] as const;
    const units = (text: string, list: typeof spans[0]) => list.map((span) => (text.slice(span.start, span.end).match(/[\p{L}\p{N}]/gu) ?? []).length);
    const [su, tu] = [units(source, spans[0]), units(translation, spans[1])];
    const [sa, ta] = [
      sentenceAnchors(source, spans[0], 'source', options.sourceLanguage, options.glossary ?? []),
      sentenceAnchors(translation, spans[1], 'target', options.targetLanguage, options.glossary ?? []),
    ];
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const merged = (list: typeof sa, from: number, count: number) => {
      const all = new Map<string, number>();
      for (const counts of list.slice(from, from + count)) for (const [key, value] of counts) all.set(key, (all.get(key) ?? 0) + value);
      return all;
    };
    const cdf = (x: number) => {
      const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
      const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-((x * x) / 2));
      return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    };
    const n = su.length;
    const m = tu.length;
    const path = (ratio: number) => {
      const cost = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
      const back = Array.from({ length: n + 1 }, () => new Array<readonly [number, number] | undefined>(m + 1));
      cost[0]![0] = 0;
      for (let i = 0; i <= n; i++) {
        for (let j = 0; j <= m; j++) {
          const here = cost[i]![j]!;
          if (here === Infinity) continue;
          for (const [s, t, p] of SHAPES) {
            if (i + s > n || j + t > m) continue;
            let bead = -Math.log(p);
            if (s > 0 && t > 0) {
              const l1 = sum(su.slice(i, i + s));
              const l2 = sum(tu.slice(j, j + t)) / ratio;
              const delta = (l2 - l1) / Math.sqrt(3 * Math.max(1, (l1 + l2) / 2));
              const target = merged(ta, j, t);
              let matches = 0;
              for (const [key, count] of merged(sa, i, s)) matches += Math.min(count, target.get(key) ?? 0);
              bead = bead - Math.log(Math.max(1e-12, 2 * (1 - cdf(Math.abs(delta))))) - 2.5 * matches;
            }
            if (here + bead < cost[i + s]![j + t]!) {
              cost[i + s]![j + t] = here + bead;
              back[i + s]![j + t] = [s, t];
            }
          }
        }
      }
      const beads: Array<[number[], number[]]> = [];
      for (let i = n, j = m; back[i]?.[j]; ) {
        const [s, t] = back[i]![j]!;
        beads.unshift([Array.from({ length: s }, (_, k) => i - s + k), Array.from({ length: t }, (_, k) => j - t + k)]);
        i -= s;
        j -= t;
      }
      return beads;
    };
    const first = path(sum(tu) / Math.max(1, sum(su)) || 1);
    const ones = first.filter(([s, t]) => s.length === 1 && t.length === 1);
    const [os, ot] = [sum(ones.map(([s]) => su[s[0]!]!)), sum(ones.map(([, t]) => tu[t[0]!]!))];
    const beads = os > 0 && ot > 0 ? path(ot / os) : first;
    return beads.map(([s, t]) => `${s.join(',')}:${t.join(',')}`).join(' ');
  }

  it('finds the same beads on shuffled sentences of the post, with and without a glossary', () => {
    const glossary = [{ source: '预训练', target: 'pre-training' }, { source: '对齐', target: 'alignment', variants: ['align', 'aligned'] }, { source: '强化学习', target: 'reinforcement learning', variants: ['RL'] }];
    const post = readFileSync(new URL('../../../content/john-schulman-interview.md', import.meta.url), 'utf8');
    const english = readFileSync(new URL('../../../translations/john-schulman-interview.en.md', import.meta.url), 'utf8');
    const zh = post.split(/(?<=[。！？])/).map((s) => s.trim()).filter((s) => /[\u4e00-\u9fff]/.test(s) && !s.includes('\n'));
    const en = english.split(/(?<=[.!?]) /).map((s) => s.trim()).filter((s) => /[a-z]/.test(s) && !s.includes('\n'));
    const random = seededRandom(11);
    const pick = (list: string[], count: number) => Array.from({ length: count }, () => list[Math.floor(random() * list.length)]!);
    for (let k = 0; k < 150; k++) {
      const source = pick(zh, 1 + Math.floor(random() * 6)).join('');
      const translation = pick(en, Math.floor(random() * 7)).join(' ');
      const options = { ...ZH_EN, ...(k % 3 === 0 ? {} : { glossary }) };
      expect(shape(source, translation, options), `${source}\n${translation}`).toBe(reference(source, translation, options));
    }
  });
});

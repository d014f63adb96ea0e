import { createHash } from 'node:crypto';
import type { SegmentId, SegmentKind, SourceHash } from '../../src/model/types.js';
import type { AlignRecord, AlignSegment, Alignment } from '../../src/align/align-segments.js';

/** Hash of the normalised text (NFC, whitespace runs collapsed, trimmed), as segmentation makes it. */
export function hashText(text: string): SourceHash {
  const normalised = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised).digest('hex') as SourceHash;
}

/** A new segment. */
export function seg(kind: SegmentKind, text: string, field?: string): AlignSegment {
  return field === undefined ? { kind, text, hash: hashText(text) } : { kind, field, text, hash: hashText(text) };
}

/** A stored record; `translatedFrom` makes it stale (its sourceHash is that older text's hash). */
export function rec(id: string, kind: SegmentKind, source: string, options: { field?: string; translatedFrom?: string } = {}): AlignRecord {
  const sourceTextHash = hashText(source);
  return {
    id: id as SegmentId,
    kind,
    ...(options.field === undefined ? {} : { field: options.field }),
    source,
    sourceHash: options.translatedFrom === undefined ? sourceTextHash : hashText(options.translatedFrom),
    sourceTextHash,
  };
}

/** Records for segments as they were stored, ids `r0`, `r1`, ... */
export function recordsOf(segments: readonly AlignSegment[]): AlignRecord[] {
  return segments.map((s, i) => rec(`r${i}`, s.kind, s.text, s.field === undefined ? {} : { field: s.field }));
}

/** One readable line per new segment: `id how`, or `new`. */
export function summarise(alignment: Alignment, records: readonly AlignRecord[]): string[] {
  return alignment.matches.map((m) => (m ? `${records[m.recordIndex]!.id} ${m.how}` : 'new'));
}

/** Ids of the removed records. */
export function removedIds(alignment: Alignment, records: readonly AlignRecord[]): string[] {
  return alignment.removed.map((r) => records[r]!.id);
}

/** Paragraphs from an interview (content/john-schulman-interview.md), shortened. */
export const PARAGRAPHS = [
  '今天，我非常荣幸能与 **John Schulman** 对话，他是 **OpenAI** 的联合创始人之一，领导着后训练团队，并主导了 **ChatGPT** 的创建。',
  '谢谢。我的第一个问题是，我们区分了预训练和后训练。让我们超越损失函数和训练机制的实际操作，从概念层面退一步来看，预训练究竟创造了什么？后训练又在此基础上做了什么？',
  '在预训练中，模型基本上是模仿互联网或网络上的所有内容，包括网站和代码等。因此，你得到一个可以生成看起来像互联网上随机网页内容的模型。模型还被训练以最大化似然性，它必须为所有事物赋予一个概率。',
  '基础模型可以有效地扮演所有这些不同的角色或生成所有不同类型的内容。当我们进行后训练时，我们通常会针对更窄的行为范围，希望模型表现得像一个聊天助手。',
  '也许我应该退一步问这个问题。现在我们拥有的这些模型已经相当擅长充当聊天机器人。撇开这些过程目前的工作方式不谈，到今年年底发布的模型将能够做些什么？',
  '即使在一两年内，我们也会发现模型可以完成比现在复杂得多的任务。例如，你可以想象模型能够执行一个完整的编程项目，而不仅仅是给你一个关于如何编写函数的建议。',
  '从根本上说，实现这一突破的关键在于模型能够足够长时间地保持连贯性，以编写多个代码文件？从现在到那时，发生了什么变化？',
  '我想说，这将来自于训练模型完成这类更困难任务的某种组合。目前大部分训练数据更像是每次只执行一个步骤。我预计我们将投入更多精力训练模型来执行这些更长的项目。',
  '由于整个领域都相当新，我认为在这种训练中有很多“低垂的果实”。这是一点。我还预计，随着模型变得更好，它们将更擅长从错误中恢复或处理边缘情况。',
  '我想具体了解泛化能力如何帮助模型回到正轨。你能详细说明一下吗？我不确定这两个概念是如何关联的。',
  '目前，这些模型可以连贯地工作五分钟。我们希望它们能够完成人类需要一小时、一周，甚至一个月才能完成的任务。要达到这些里程碑，是否每个都需要十倍的计算量？',
  '通过语言，你可以描述所有这些不同的时间尺度，然后你可以进行规划。当下，你可以努力实现你的目标，无论是一个月后还是十年后。',
  '博弈论有点难以思考。首先，我不认为这会在明年发生，但进行这次对话仍然很有用。它可能是两三年后，而不是明年。',
  '确实很快。你可能需要某种协调。每个人都需要就部署或进一步训练的合理限制达成一致，这才能奏效。否则，你就会陷入竞争动态，每个人都试图保持领先，这可能会危及安全。',
  '我们可以暂停进一步的训练。我们可以暂停部署。我们可以避免某些可能更危险的训练类型。我们将制定一些合理的规则，规定每个人应该如何限制这些事情。',
  '如果我们能够部署那些比之前版本更智能的系统，并且它们是逐步递增地更安全的，那将是更好的。我希望事情的发展方式不是每个人都必须协调、锁定一切，然后安全地发布东西。',
] as const;

/** Headings from the same interview. */
export const HEADINGS = ['预训练与后训练的本质', 'AI模型的未来能力展望', '实现长期连贯性的关键', '泛化能力与错误恢复'] as const;

import type { ExchangeFile, ExchangeUnit } from '../formats/exchange-types.js';
import { maskLikeSource, toInlineText } from '../formats/inline-text.js';
import type { SegmentStatus } from '../model/types.js';
import type { SegmentState } from '../plan/document-state.js';
import { maskProtected, type MaskToken } from '../segment/mask-protected.js';
import type { LoadedDocument } from './load-document.js';

/** A segment's source and translation masked alike: what a unit shows and what import compares with. */
export interface MaskedEntry {
  tokens: MaskToken[];
  source: string;
  /** The current translation masked with the source's tokens (stale ones included). */
  translation?: string;
}

/** Masks one segment's source and current translation with the same `⟦n⟧` tokens. */
export function maskEntry(entry: SegmentState): MaskedEntry {
  const masked = maskProtected(entry.segment.text, entry.segment.protectedSpans);
  const translation = entry.status !== 'missing' ? entry.record?.translation : undefined;
  return { tokens: masked.tokens, source: masked.wire, ...(translation !== undefined ? { translation: maskLikeSource(translation, masked.tokens) } : {}) };
}

/** The units to export for one document, optionally only those with the given statuses. */
export function exchangeFileOf(document: LoadedDocument, only?: ReadonlySet<SegmentStatus>): ExchangeFile {
  const units: ExchangeUnit[] = [];
  for (const entry of document.state.entries) {
    if (only && !only.has(entry.status)) continue;
    const masked = maskEntry(entry);
    const originals = new Map(masked.tokens.map((t, i) => [i + 1, t.original]));
    const unit: ExchangeUnit = {
      id: entry.id,
      kind: entry.segment.kind,
      status: entry.status,
      reviewed: Boolean(entry.record?.reviewed),
      source: toInlineText(masked.source, originals),
      line: entry.segment.line,
    };
    if (masked.translation !== undefined) unit.target = toInlineText(masked.translation, originals);
    if (entry.previousSource !== undefined && entry.status !== 'current') unit.previousSource = maskLikeSource(entry.previousSource, masked.tokens);
    const suggestion = entry.record?.suggestion;
    if (entry.status === 'conflict' && suggestion && suggestion.sourceHash === entry.segment.hash) unit.suggestion = maskLikeSource(suggestion.text, masked.tokens);
    units.push(unit);
  }
  return { sourcePath: document.sourceDisplay, from: document.header.from, to: document.header.to, units };
}

import type { ExchangeFile, ImportedFile } from './exchange-types.js';
import { parsePo, renderPo } from './po.js';
import { parseXliff12, renderXliff12 } from './xliff12.js';
import { parseXliff2, renderXliff2 } from './xliff2.js';

/** The exchange formats `bitext export` writes and `bitext import` reads. */
export type ExchangeFormatName = 'xliff' | 'xliff1' | 'po';

/** A format: its file name ending and its pair of pure functions. */
export interface ExchangeFormat {
  name: ExchangeFormatName;
  /** Appended to `<name>.<from>-<to>` for the default output file. */
  extension: string;
  render: (file: ExchangeFile) => string;
  parse: (text: string, fileDisplay: string) => ImportedFile;
}

/** Every exchange format by name. */
export const EXCHANGE_FORMATS: Readonly<Record<ExchangeFormatName, ExchangeFormat>> = {
  xliff: { name: 'xliff', extension: '.xlf', render: renderXliff2, parse: parseXliff2 },
  xliff1: { name: 'xliff1', extension: '.xliff12.xlf', render: renderXliff12, parse: parseXliff12 },
  po: { name: 'po', extension: '.po', render: renderPo, parse: parsePo },
};

/** Works out the format of a file from its content: XLIFF by its version, anything else is PO. */
export function detectExchangeFormat(text: string): ExchangeFormatName {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('<')) return 'po';
  const root = /<xliff\b[^>]*>/.exec(head)?.[0] ?? '';
  return /version\s*=\s*["']1\.[0-9]["']/.test(root) || root.includes('document:1.2') ? 'xliff1' : 'xliff';
}

import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseBilingual } from '../bilingual/parse-bilingual.js';
import { InputError } from '../model/errors.js';
import type { BilingualDocument, LanguageCode, SourceSegment } from '../model/types.js';
import type { DecodedSource } from '../parse/decode-source.js';
import { parseMarkdown } from '../parse/parse-markdown.js';
import { dialectsFor, loadSyntax, usesTexMath } from '../dialect/load-syntax.js';
import type { MarkdownSyntax } from '../dialect/markdown-syntax.js';
import { buildDocumentState, type DocumentState } from '../plan/document-state.js';
import { hashFile } from '../segment/hash-text.js';
import { segmentDocument } from '../segment/segment-document.js';
import { detectSiteDialect } from '../store/detect-site-dialect.js';
import { displayPath, documentPaths, type DocumentPaths } from '../store/project-paths.js';
import { pathSettings } from './path-settings.js';
import { readTextFile, readTextFileIfExists } from '../store/read-text-file.js';

export { pathSettings } from './path-settings.js';

/** Where and in which languages a command works. */
export interface DocumentSettings {
  cwd: string;
  from: LanguageCode;
  to: LanguageCode;
  outDir: string;
  frontMatterFields: readonly string[];
  /** The content root the tree under `outDir` mirrors (relative to cwd); default: the source's own folder. */
  root?: string;
  /** Where translated versions go (see `documentPaths`); default `mirror`. */
  layout?: string;
  /** Markdown dialects or site presets from the config (GFM and heading ids are always on); detected from the site's files when absent. */
  dialect?: readonly string[];
  /** `$…$` math: on, off, or "auto" (on where the document has `$$` blocks). Default "auto". */
  math?: boolean | 'auto';
  /** HTML attributes whose values are translated (default `alt`, `title`). */
  htmlAttributes?: readonly string[];
}

/** A source file read and segmented once, whatever the number of target languages. */
export interface ParsedSource {
  sourcePath: string;
  sourceDisplay: string;
  source: DecodedSource;
  segments: SourceSegment[];
  /** The dialects the source is read in. */
  syntax: MarkdownSyntax;
}

/** Reads and segments a source file in its dialects; an unreadable or unparsable file is an InputError. */
export async function readSource(sourceArg: string, settings: DocumentSettings): Promise<ParsedSource> {
  const sourcePath = resolve(settings.cwd, sourceArg);
  const sourceDisplay = displayPath(sourcePath, settings.cwd);
  const source = await readTextFile(sourcePath, sourceDisplay);
  const detected = settings.dialect === undefined ? await detectSiteDialect(settings.cwd) : undefined;
  const syntax = await syntaxFor(sourcePath, source.text, detected ? { ...settings, dialect: [detected] } : settings);
  const tree = parseMarkdown(source.text, { syntax, file: sourceDisplay });
  const segments = segmentDocument(source.text, tree, {
    file: sourceDisplay,
    frontMatterFields: settings.frontMatterFields,
    syntax,
    ...(settings.htmlAttributes ? { htmlAttributes: settings.htmlAttributes } : {}),
  });
  return { sourcePath, sourceDisplay, source, segments, syntax };
}

/** A source file read, segmented and lined up with its bilingual document. */
export interface LoadedDocument {
  /** Source path as given and shown (relative to cwd). */
  sourceDisplay: string;
  paths: DocumentPaths;
  bilingualDisplay: string;
  targetDisplay: string;
  source: DecodedSource;
  segments: SourceSegment[];
  /** The dialects the source is read in. */
  syntax: MarkdownSyntax;
  /** The bilingual document on disk, if there is one. */
  stored?: BilingualDocument;
  state: DocumentState;
  header: Omit<BilingualDocument, 'segments'>;
}

/**
 * Reads everything a command needs about one source file in one language pair; writes nothing.
 * Pass `parsed` to reuse a source already read for another language.
 */
export async function loadDocument(sourceArg: string, settings: DocumentSettings, parsed?: ParsedSource): Promise<LoadedDocument> {
  const { sourcePath, sourceDisplay, source, segments, syntax } = parsed ?? (await readSource(sourceArg, settings));
  const paths = documentPaths(sourcePath, pathSettings(settings, sourcePath), settings.to);
  const bilingualDisplay = displayPath(paths.bilingual, settings.cwd);

  const bilingualFile = await readTextFileIfExists(paths.bilingual, bilingualDisplay);
  const stored = bilingualFile ? parseBilingual(bilingualFile.text, bilingualDisplay) : undefined;
  if (stored && (stored.from !== settings.from || stored.to !== settings.to)) {
    throw new InputError(
      `this bilingual document is ${stored.from}→${stored.to}, but the command works ${settings.from}→${settings.to}`,
      { file: bilingualDisplay, line: 1 },
      `Pass --from ${stored.from} --to ${stored.to}, or use another --out folder.`,
    );
  }
  // Two sources must never share a bilingual document: the other one's translations would be lost.
  if (stored && stored.sourcePath !== sourceDisplay && (await exists(resolve(settings.cwd, stored.sourcePath)))) {
    throw new InputError(
      `this bilingual document belongs to ${stored.sourcePath}, which still exists, not to ${sourceDisplay}`,
      { file: bilingualDisplay, line: 1 },
      `Nothing was written. To move the translations to ${sourceDisplay}, run \`bitext mv ${stored.sourcePath} ${sourceDisplay}\`; otherwise set "root" or "layout" so that the two files get different outputs.`,
    );
  }
  return {
    sourceDisplay,
    paths,
    bilingualDisplay,
    targetDisplay: displayPath(paths.target, settings.cwd),
    source,
    segments,
    syntax,
    ...(stored ? { stored } : {}),
    state: buildDocumentState(segments, stored),
    header: { sourcePath: sourceDisplay, sourceFileHash: hashFile(source.text), from: settings.from, to: settings.to },
  };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/** The dialects of one source file: configured, detected from its extension, math where used. */
export async function syntaxFor(path: string, text: string, settings: Pick<DocumentSettings, 'dialect' | 'math'>): Promise<MarkdownSyntax> {
  const math = settings.math === true || ((settings.math ?? 'auto') === 'auto' && usesTexMath(text));
  return loadSyntax(dialectsFor(path, settings.dialect ?? []), math);
}

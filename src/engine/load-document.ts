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
import { displayPath, documentPaths, type DocumentPaths } from '../store/project-paths.js';
import { detectSiteDialect } from '../store/detect-site-dialect.js';
import { readTextFile, readTextFileIfExists } from '../store/read-text-file.js';

/** Where and in which languages a command works. */
export interface DocumentSettings {
  cwd: string;
  from: LanguageCode;
  to: LanguageCode;
  outDir: string;
  frontMatterFields: readonly string[];
  /** Markdown dialects or site presets from the config (GFM and heading ids are always on); detected from the site's files when absent. */
  dialect?: readonly string[];
  /** `$…$` math: on, off, or "auto" (on where the document has `$$` blocks). Default "auto". */
  math?: boolean | 'auto';
  /** HTML attributes whose values are translated (default `alt`, `title`). */
  htmlAttributes?: readonly string[];
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

/** Reads everything a command needs about one source file; writes nothing. */
export async function loadDocument(sourceArg: string, settings: DocumentSettings): Promise<LoadedDocument> {
  const sourcePath = resolve(settings.cwd, sourceArg);
  const sourceDisplay = displayPath(sourcePath, settings.cwd);
  const paths = documentPaths(sourcePath, resolve(settings.cwd, settings.outDir), settings.from, settings.to);
  const bilingualDisplay = displayPath(paths.bilingual, settings.cwd);

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
  const bilingualFile = await readTextFileIfExists(paths.bilingual, bilingualDisplay);
  const stored = bilingualFile ? parseBilingual(bilingualFile.text, bilingualDisplay) : undefined;
  if (stored && (stored.from !== settings.from || stored.to !== settings.to)) {
    throw new InputError(
      `this bilingual document is ${stored.from}→${stored.to}, but the command works ${settings.from}→${settings.to}`,
      { file: bilingualDisplay, line: 1 },
      `Pass --from ${stored.from} --to ${stored.to}, or use another --out folder.`,
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

/** The dialects of one source file: configured, detected from its extension, math where used. */
export async function syntaxFor(path: string, text: string, settings: Pick<DocumentSettings, 'dialect' | 'math'>): Promise<MarkdownSyntax> {
  const math = settings.math === true || ((settings.math ?? 'auto') === 'auto' && usesTexMath(text));
  return loadSyntax(dialectsFor(path, settings.dialect ?? []), math);
}

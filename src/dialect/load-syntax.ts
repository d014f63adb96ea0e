import type { Pluggable } from 'unified';
import type { DialectName, DialectPlugin } from './dialect-plugin.js';
import { containersDialect } from './containers-dialect.js';
import { directivesDialect } from './directives-dialect.js';
import { gfmDialect } from './gfm-dialect.js';
import { headingIdsDialect } from './heading-ids-dialect.js';
import { hugoDialect } from './hugo-dialect.js';
import { liquidDialect } from './liquid-dialect.js';
import type { MarkdownSyntax } from './markdown-syntax.js';
import { mdxDialect } from './mdx-dialect.js';

/** Every dialect plug-in by name. */
export const DIALECTS: Record<DialectName, DialectPlugin> = {
  gfm: gfmDialect,
  'heading-ids': headingIdsDialect,
  mdx: mdxDialect,
  directives: directivesDialect,
  containers: containersDialect,
  hugo: hugoDialect,
  liquid: liquidDialect,
};

/** Site generators as the dialects their pages are written in. */
export const DIALECT_PRESETS: Record<string, DialectName[]> = {
  docusaurus: ['directives', 'heading-ids'],
  // VitePress pages are Vue templates too: `{{ expression }}` is kept like Liquid output.
  vitepress: ['containers', 'heading-ids', 'liquid'],
  dumi: ['containers'],
  hugo: ['hugo', 'heading-ids'],
  hexo: ['liquid'],
  jekyll: ['liquid'],
};

/** Whether a name is a dialect or a preset bitext knows. */
export function isDialectName(name: string): boolean {
  return name in DIALECTS || name in DIALECT_PRESETS;
}

/**
 * The dialects of one file: GFM and heading ids always, the configured ones (names or presets),
 * and MDX for a `.mdx` file.
 */
export function dialectsFor(path: string, configured: readonly string[]): DialectName[] {
  const names = new Set<DialectName>(['gfm', 'heading-ids']);
  for (const name of configured) {
    if (name in DIALECTS) names.add(name as DialectName);
    for (const preset of DIALECT_PRESETS[name] ?? []) names.add(preset);
  }
  if (/\.mdx$/i.test(path)) names.add('mdx');
  return [...names];
}

/** Whether a document really uses TeX: a `$$` display block on a line of its own. */
export function usesTexMath(text: string): boolean {
  return /^[ \t>]*\$\$/m.test(text);
}

/** Loads the parser extensions of the named dialects (and remark-math when `math`). */
export async function loadSyntax(names: readonly DialectName[], math: boolean): Promise<MarkdownSyntax> {
  const dialects = [...new Set(names)].map((name) => DIALECTS[name]);
  const extensions: Pluggable[] = [];
  for (const dialect of dialects) if (dialect.loadExtensions) extensions.push(...(await dialect.loadExtensions()));
  // remark-math pulls in KaTeX: loaded only for documents that use math.
  if (math) extensions.push((await import('remark-math')).default);
  return { dialects, math, extensions };
}

import type { DialectPlugin, KeptRange } from './dialect-plugin.js';

// Liquid tags `{% … %}` and output `{{ … }}` (Jekyll, Hexo), whitespace-control dashes included.
const TAG = /\{%-?[\s\S]*?-?%\}|\{\{(?![<%])[\s\S]*?\}\}/g;
// Paired tags whose body is code or raw text, never prose.
const RAW_BODY = /\{%-?\s*(raw|highlight|codeblock|code|include_code|blockcode)\b[\s\S]*?\{%-?\s*end\1\s*-?%\}/g;

/** Hexo/Jekyll Liquid tags, kept as protected spans; the text between paired tags is translated. */
export const liquidDialect: DialectPlugin = {
  name: 'liquid',
  keptRanges: (text): KeptRange[] => [...text.matchAll(RAW_BODY), ...text.matchAll(TAG)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
};

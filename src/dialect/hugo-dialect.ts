import type { DialectPlugin, KeptRange } from './dialect-plugin.js';

// `{{< name params >}}` and `{{% name params %}}`, closing forms and `{{</* comment */>}}` included.
const SHORTCODE = /\{\{<[\s\S]*?>\}\}|\{\{%[\s\S]*?%\}\}/g;

// Paired shortcodes whose body is code, not prose.
const RAW_BODY = /\{\{[<%]\s*(highlight|code|katex|math|raw)\b[\s\S]*?\{\{[<%]\s*\/\1\s*[>%]\}\}/g;

/**
 * Hugo shortcodes, kept as protected spans; the Markdown between paired shortcodes is translated.
 * TOML front matter (`+++`) is kept whole.
 */
export const hugoDialect: DialectPlugin = {
  name: 'hugo',
  // Hugo pages often open with TOML front matter between `+++` lines: kept whole.
  frontMatter: ['toml'],
  nodes: { toml: { role: 'kept' } },
  keptRanges: (text): KeptRange[] => [...text.matchAll(RAW_BODY), ...text.matchAll(SHORTCODE)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
};

// A YAML mapping line: `key:` followed by a space or the line end (optionally as a list entry).
const MAPPING_LINE = /^[ \t]*(?:-[ \t]+)?(?:"[^"\n]*"|'[^'\n]*'|[^\s#:'"][^:\n]*?)[ \t]*:(?:[ \t]|\r?$)/m;

/**
 * Whether a document that opens with `---` opens with YAML front matter. `---\nFoo\n---\nBar` is a
 * thematic break and a setext heading; broken YAML that is clearly a mapping stays front matter,
 * so its error can be reported with the line.
 */
export function opensWithFrontMatter(text: string): boolean {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return true;
  const close = /^---[ \t]*\r?$/m.exec(text.slice(open[0].length));
  if (!close) return true;
  const content = text.slice(open[0].length, open[0].length + close.index);
  const meaningful = content.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  return meaningful.length === 0 || MAPPING_LINE.test(content);
}

/** Version of the bilingual document format written in its front matter. */
export const FORMAT_VERSION = 1;

/** Marker that opens a segment block; its attributes follow. */
export const SEGMENT_MARKER = 'bitext:segment';
/** Marker of the older source a stale translation was made from. */
export const WAS_MARKER = 'bitext:was';
/** Marker of a machine suggestion kept beside a person's translation. */
export const SUGGESTION_MARKER = 'bitext:suggestion';

/** Opening line of the note bitext writes for people reading the document. */
export const INTRO_NOTE = [
  '<!-- Bilingual document written by bitext. Each source segment is quoted (>) with its translation',
  'below it. Edit a translation in place: bitext records it as a person\'s translation and never',
  'overwrites it. Keep the bitext:segment comment lines as they are. -->',
].join('\n');

/** Matches a marker line: `<!-- bitext:segment key=value ... -->`. */
export const MARKER_LINE = /^<!--\s*(bitext:[a-z-]+)((?:\s+[a-z-]+=(?:"[^"]*"|[^\s"]+))*)\s*-->\s*$/;

/** Matches one `key=value` or `key="value"` attribute. */
export const ATTRIBUTE = /([a-z-]+)=(?:"([^"]*)"|([^\s"]+))/g;

/** Formats attributes, quoting values that need it; undefined values are left out. */
export function formatAttributes(attributes: Record<string, string | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => (/^[^\s"]+$/.test(value) && !value.includes('--') ? `${key}=${value}` : `${key}="${value.replace(/"/g, "'").replace(/--/g, '- -')}"`))
    .join(' ');
}

/**
 * Makes a translation safe to store between markers: a first line starting with `>` would read
 * as source, and a line that looks like a marker would end the block.
 */
export function toStoredTranslation(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd().length === 0 ? '' : line)
    .filter((line) => line !== '')
    .map((line, index) => (index === 0 && line.startsWith('>')) || line.startsWith('<!-- bitext:') ? `\\${line}` : line)
    .join('\n')
    .trim();
}

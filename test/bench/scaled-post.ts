const HAN_FIRST = 0x4e00;
const HAN_COUNT = 0x9fa5 - 0x4e00 + 1;
// Coprime with HAN_COUNT so that every copy maps each character somewhere else.
const SHIFT_STEP = 7_919;

/** Splits a Markdown file into its front matter (with the closing `---` line) and its body. */
function splitFrontMatter(markdown: string): { frontMatter: string; body: string } {
  const match = /^---\n[\s\S]*?\n---\n/.exec(markdown);
  return match ? { frontMatter: match[0], body: markdown.slice(match[0].length) } : { frontMatter: '', body: markdown };
}

/** The text with every common Han character moved `shift` places along the block: same length, same structure, other words. */
function shiftHan(text: string, shift: number): string {
  if (shift % HAN_COUNT === 0) return text;
  return text.replace(/[\u4e00-\u9fa5]/g, (char) =>
    String.fromCharCode(HAN_FIRST + ((char.charCodeAt(0) - HAN_FIRST + shift) % HAN_COUNT)),
  );
}

/**
 * The post repeated `times` times: the front matter once, then the body over and over, each copy
 * with its Han characters shifted so that no two copies share a segment (the same size and the
 * same Markdown structure, so the work per copy stays the same).
 */
export function scaledPost(post: string, times: number): string {
  const { frontMatter, body } = splitFrontMatter(post);
  const parts = [frontMatter];
  for (let copy = 0; copy < times; copy++) {
    parts.push(shiftHan(body, copy * SHIFT_STEP));
    if (!body.endsWith('\n\n')) parts.push(body.endsWith('\n') ? '\n' : '\n\n');
  }
  return parts.join('');
}

/**
 * Edits `share` of the body's plain paragraphs (spread evenly): a sentence is appended to each, as
 * an author revising a long document would. Returns the text and how many paragraphs changed.
 */
export function editParagraphs(markdown: string, share: number): { text: string; edited: number } {
  const { frontMatter, body } = splitFrontMatter(markdown);
  const blocks = body.split(/\n\n/);
  const paragraphs = blocks.flatMap((block, index) => (/^[\u4e00-\u9fa5“「（]/.test(block) && !block.includes('\n') ? [index] : []));
  const count = Math.max(1, Math.round(paragraphs.length * share));
  const step = paragraphs.length / count;
  for (let i = 0; i < count; i++) {
    const index = paragraphs[Math.floor(i * step + step / 2)]!;
    blocks[index] = `${blocks[index]!}这是修订时补充的一句话，编号${i}。`;
  }
  return { text: frontMatter + blocks.join('\n\n'), edited: count };
}

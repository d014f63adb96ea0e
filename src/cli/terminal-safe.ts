/**
 * The escape sequences bitext itself prints (its colours and the progress line's "clear line"):
 * the only ones let through. A document's own sequences (`\x1b[2J`, OSC title changes, hidden
 * text) become visible instead of acting on the terminal.
 */
const OWN_SEQUENCES = new Set(['\u001b[0m', '\u001b[1m', '\u001b[2m', '\u001b[31m', '\u001b[32m', '\u001b[33m', '\u001b[35m', '\u001b[36m', '\u001b[1;33m', '\u001b[31;9m', '\u001b[32;4m', '\u001b[2K']);

// ESC with whatever CSI it starts, other C0 controls (tab, line feed and carriage return are
// text), DEL, and the C1 controls (0x9b is a one-byte CSI on some terminals).
const CONTROL = /\u001b(\[[0-9;]*[A-Za-z])?|[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f]/g;

/** Makes terminal control characters visible (`␛[2J`, `␇`), except bitext's own colour codes. */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (match) => {
    if (OWN_SEQUENCES.has(match)) return match;
    if (match.startsWith('\u001b')) return `␛${match.slice(1)}`;
    const code = match.charCodeAt(0);
    // Control Pictures (U+2400 block) for C0, a visible escape for DEL and C1.
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** `scheme://user:password@host` → `scheme://user:***@host`: a password inside a URL is never printed. */
export function hideUrlPasswords(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:]*):([^\s/?#@]+)@/gi, '$1$2:***@');
}

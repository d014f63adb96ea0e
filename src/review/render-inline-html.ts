import type { InlinePiece } from './inline-pieces.js';

/**
 * Display pieces as HTML: sentences as `<span class="sent" data-bead>` (focusable with `focusable`),
 * formatting as `strong`/`em`/`s`/`code`, links as text with the target in `title`. Every piece of
 * text is escaped; nothing from the document becomes markup.
 */
export function renderInlineHtml(pieces: readonly InlinePiece[], focusable: boolean): string {
  let html = '';
  let open: number | undefined;
  for (const piece of pieces) {
    if (piece.bead !== open) {
      if (open !== undefined) html += '</span>';
      open = piece.bead;
      if (open !== undefined) html += `<span class="sent" data-bead="${open}"${focusable ? ' tabindex="0"' : ''}>`;
    }
    html += renderPiece(piece);
  }
  if (open !== undefined) html += '</span>';
  return html;
}

function renderPiece(piece: InlinePiece): string {
  let html = escapeHtml(piece.text);
  if (piece.code) html = `<code>${html}</code>`;
  if (piece.html) html = `<code class="html" title="inline HTML, shown as text">${html}</code>`;
  if (piece.del) html = `<s>${html}</s>`;
  if (piece.em) html = `<em>${html}</em>`;
  if (piece.strong) html = `<strong>${html}</strong>`;
  if (piece.href !== undefined) html = `<span class="link" title="${escapeHtml(piece.href)}">${html}</span>`;
  return html;
}

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c) : text;
}

const HTML_SPECIAL = /[&<>"']/;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// Text into HTML: every character that could open markup or end an attribute is escaped, so text
// from a capture (a payload holding "<script>") shows as text.

import { codePieces } from '../../util/code-pieces'

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!)
}

/** Escaped text where `backticks` mark a value or formula (the lab answers' convention), shown as code. */
export function escapeWithCode(text: string): string {
  return codePieces(text)
    .map((piece) => (piece.code ? `<code>${escapeHtml(piece.text)}</code>` : escapeHtml(piece.text)))
    .join('')
}

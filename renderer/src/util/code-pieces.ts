// The engine's and the lab's convention: text between `backticks` is code (a sysctl, a call, a
// value or a formula). One splitter for the UI (CodeSpans.vue) and the exported report.

export interface TextPiece {
  text: string
  code: boolean
}

/** Odd pieces between backticks are code; an unmatched backtick leaves the text as it is. */
export function codePieces(text: string): TextPiece[] {
  const parts = text.split('`')
  if (parts.length % 2 === 0) return [{ text, code: false }]
  return parts.map((part, i) => ({ text: part, code: i % 2 === 1 })).filter((piece) => piece.text !== '')
}

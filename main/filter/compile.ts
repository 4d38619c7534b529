// compileFilter(): the display filter's text → a DisplayFilter, or the first mistake in it with
// its position. It never throws: a mistake is a FilterError, and so (with the whole text as its
// span) is anything unforeseen.
import { checkFilter } from './checker'
import { FilterFailure, MESSAGES } from './messages'
import { parseFilter } from './parser'
import type { CompileResult, DisplayFilter } from './types'

export function compileFilter(text: string): CompileResult {
  if (text.trim() === '') return { ok: false, error: { ...MESSAGES.emptyFilter(), start: 0, end: text.length } }
  try {
    const { test, fields } = checkFilter(parseFilter(text), text)
    const filter: DisplayFilter = { text, fields, matches: (frame) => safely(() => test(frame)) }
    return { ok: true, filter }
  } catch (error) {
    if (error instanceof FilterFailure) return { ok: false, error: error.error }
    const reason = error instanceof Error ? error.message : String(error)
    return { ok: false, error: { ...MESSAGES.internal(reason), start: 0, end: text.length } }
  }
}

/** A frame the filter cannot make sense of does not pass; it never stops the caller. */
function safely(test: () => boolean): boolean {
  try {
    return test()
  } catch {
    return false
  }
}

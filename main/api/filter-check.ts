// checkFilter: a display filter checked as the user types it, for the filter bar. Valid filters
// also say whether they run on the packet index alone (fast) or must decode packets.
import type { FilterCheck } from '../../preload/contract/dto'
import { compileFilter } from '../filter'
import { isIndexedField } from '../session/index-frame-fields'

export function checkFilter(text: string): FilterCheck {
  if (text.trim() === '') return { valid: true, indexed: true }
  const compiled = compileFilter(text)
  if (!compiled.ok) return { valid: false, message: compiled.error.message, start: compiled.error.start, end: compiled.error.end }
  return { valid: true, indexed: compiled.filter.fields.every(isIndexedField) }
}

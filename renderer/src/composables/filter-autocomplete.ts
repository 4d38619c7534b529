// The filter bar's autocomplete as plain functions: which field name is being typed at the caret,
// which fields match it (names that start with it first, then names that contain it), and the
// text once a suggestion is taken.
import type { FilterFieldInfo } from '../../../preload/contract/api'

/** A field name in the filter text: [start, end) and what is typed before the caret. */
export interface TypedWord {
  start: number
  end: number
  /** The part of the word before the caret: what the suggestions match. */
  typed: string
}

/** The most suggestions listed at once. */
export const SUGGESTION_LIMIT = 50

const NAME_CHAR = /[A-Za-z0-9_.-]/
/** The language's words, which are not field names even though they look like one. */
const KEYWORDS = new Set(['and', 'or', 'not', 'xor', 'in', 'eq', 'ne', 'gt', 'lt', 'ge', 'le', 'any_eq', 'all_ne', 'contains', 'matches', 'bitwise_and'])

/** True when `position` is inside a double-quoted string (escaped quotes do not count). */
function insideString(text: string, position: number): boolean {
  let inside = false
  for (let i = 0; i < position; i++) {
    if (text[i] === '\\' && inside) i++
    else if (text[i] === '"') inside = !inside
  }
  return inside
}

/**
 * The field name under the caret, or null where none is being typed: no name characters before
 * the caret, a number or an address (it starts with a digit, or follows a colon), a keyword, or
 * inside a string.
 */
export function wordAt(text: string, caret: number): TypedWord | null {
  let start = caret
  while (start > 0 && NAME_CHAR.test(text[start - 1]!)) start--
  let end = caret
  while (end < text.length && NAME_CHAR.test(text[end]!)) end++
  const typed = text.slice(start, caret)
  if (!/^[A-Za-z_]/.test(typed) || text[start - 1] === ':' || KEYWORDS.has(text.slice(start, end).toLowerCase())) return null
  if (insideString(text, start)) return null
  return { start, end, typed }
}

/** The fields whose names start with `typed`, then those that contain it, each group by name. */
export function matchFields(fields: readonly FilterFieldInfo[], typed: string, limit = SUGGESTION_LIMIT): FilterFieldInfo[] {
  const wanted = typed.toLowerCase()
  if (!wanted) return []
  const prefix: FilterFieldInfo[] = []
  const inside: FilterFieldInfo[] = []
  for (const field of fields) {
    const name = field.name.toLowerCase()
    if (name.startsWith(wanted)) prefix.push(field)
    else if (name.includes(wanted)) inside.push(field)
  }
  const byName = (a: FilterFieldInfo, b: FilterFieldInfo): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  return [...prefix.sort(byName), ...inside.sort(byName)].slice(0, limit)
}

/** The suggestions worth showing: none when the only one is exactly what is typed. */
export function suggestionsFor(fields: readonly FilterFieldInfo[], text: string, caret: number): FilterFieldInfo[] {
  const word = wordAt(text, caret)
  if (!word) return []
  const matches = matchFields(fields, word.typed)
  if (matches.length === 1 && matches[0]!.name === text.slice(word.start, word.end)) return []
  return matches
}

/** The text with the word under the caret replaced by `name`, and where the caret goes (after it). */
export function acceptSuggestion(text: string, caret: number, name: string): { text: string; caret: number } {
  const word = wordAt(text, caret) ?? { start: caret, end: caret }
  return { text: text.slice(0, word.start) + name + text.slice(word.end), caret: word.start + name.length }
}

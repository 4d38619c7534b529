// `matches`: Wireshark 4.0 compiles the pattern with PCRE2, case-insensitive by default
// (tshark 4.0.17: `tcp.flags.str matches "s"` selects SYNs; `(?-i)s` does not). Here it becomes a
// JavaScript RegExp: leading inline options ((?i), (?-i), (?s), (?m), (?im-s) …) become flags,
// \A and \z/\Z anchor the subject, and whatever JavaScript cannot compile is a filter error with
// the span of the pattern. Byte fields are matched as text with one character per byte.
import { fail, MESSAGES } from './messages'
import type { FilterSpan } from './types'

const LEADING_OPTIONS = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?\)/

export function compileRegex(pattern: string, span: FilterSpan): RegExp {
  const flags = new Set(['i'])
  let source = pattern
  let options: RegExpExecArray | null
  while ((options = LEADING_OPTIONS.exec(source))) {
    for (const flag of options[1]) setFlag(flags, flag, true, span)
    for (const flag of options[2] ?? '') setFlag(flags, flag, false, span)
    source = source.slice(options[0].length)
  }
  source = source.replace(/(^|[^\\])\\A/g, '$1^').replace(/(^|[^\\])\\[zZ]/g, '$1$')
  try {
    return new RegExp(source, [...flags].join(''))
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') : String(error)
    return fail(MESSAGES.badRegex(reason), span)
  }
}

function setFlag(flags: Set<string>, flag: string, on: boolean, span: FilterSpan): void {
  if (!'ism'.includes(flag)) fail(MESSAGES.badRegex(`option (?${flag}) is not supported`), span)
  if (on) flags.add(flag)
  else flags.delete(flag)
}

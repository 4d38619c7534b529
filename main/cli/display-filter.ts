// `-Y FILTER` for the commands that print frames (fields, summary): the display filter compiled
// once, before the file is opened (as tshark does), and a test of each decoded frame. A filter
// that does not compile is reported as tshark reports it, the filter and a caret line under the
// mistake, and the command exits with tshark's status for it, 2.
import type { DecodedFrame } from '../decode/frame'
import { compileFilter, decodedFrameFields, type FilterError, type FilterLang } from '../filter'
import { displayWidth } from '../teach/render'
import { parseLang } from '../teach/lang'
import { UsageError, type ParsedArgs } from './argv'
import type { CliIo } from './run'

/** tshark's exit status for a display filter it cannot compile. */
export const INVALID_FILTER_STATUS = 2

/** Which frames a command prints. */
export type FrameSelector = (frame: DecodedFrame) => boolean

const EVERY_FRAME: FrameSelector = () => true

/** The filter, then a caret under the start of the mistake and tildes under the rest of it. */
export function formatFilterError(text: string, error: FilterError, lang: FilterLang): string {
  const start = Math.min(Math.max(error.start, 0), text.length)
  const end = Math.min(Math.max(error.end, start), text.length)
  const indent = ' '.repeat(4 + displayWidth(text.slice(0, start)))
  const underline = '^' + '~'.repeat(Math.max(0, displayWidth(text.slice(start, end)) - 1))
  return `tcplens: ${error.message[lang]}\n    ${text}\n${indent}${underline}\n`
}

/** The language of the CLI's messages: English as tshark's, or --lang zh-CN. */
export function messageLanguage(parsed: ParsedArgs): FilterLang {
  const value = parsed.values.get('--lang')?.at(-1)
  if (value === undefined) return 'en'
  try {
    return parseLang(value)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/**
 * The frames -Y selects, or undefined after writing why the filter is wrong to stderr. As in
 * tshark, the last -Y wins, and without one (or with a blank one) every frame is printed.
 */
export function frameSelector(parsed: ParsedArgs, io: CliIo): FrameSelector | undefined {
  const lang = messageLanguage(parsed)
  const text = parsed.values.get('-Y')?.at(-1)
  if (text === undefined || text.trim() === '') return EVERY_FRAME
  const compiled = compileFilter(text)
  if (!compiled.ok) {
    io.stderr.write(formatFilterError(text, compiled.error, lang))
    return undefined
  }
  const { filter } = compiled
  return (frame) => filter.matches(decodedFrameFields(frame))
}

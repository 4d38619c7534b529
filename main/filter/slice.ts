// Slices: the range text between a slice's brackets, and cutting bytes by it. The forms are
// Wireshark 4.0's (tshark 4.0.17): [i] one byte, [i:n] n bytes from i, [i-j] bytes i to j
// included (4.0 wants i < j: "Range 1-1 isn't valid because 1 is greater or equal than 1"),
// [i:] to the end, [:n] the first n; a negative i counts from the end; several ranges joined by
// commas are concatenated. A range that does not fit in the value gives no value.
import { fail, MESSAGES } from './messages'
import type { FilterSpan } from './types'

export interface ByteRange {
  /** The first byte; negative counts from the end (-1 is the last byte). */
  start: number
  /** How many bytes; undefined: up to the end. */
  length?: number
}

const SINGLE = /^(-?\d+)$/
const START_LENGTH = /^(-?\d+)?:(-?\d+)?$/
const START_END = /^(-?\d+)-(-?\d+)$/

/** Reads "0:2", "-1", "1-3,5": fails with the span of the offending range. */
export function parseRanges(text: string, span: FilterSpan): ByteRange[] {
  const ranges: ByteRange[] = []
  let offset = 0
  for (const item of text.split(',')) {
    const leading = item.length - item.trimStart().length
    const trimmed = item.trim()
    const itemSpan = { start: span.start + offset + leading, end: span.start + offset + leading + trimmed.length }
    ranges.push(parseRange(trimmed, itemSpan.end > itemSpan.start ? itemSpan : { start: span.start + offset, end: span.start + offset + 1 }))
    offset += item.length + 1
  }
  return ranges
}

function parseRange(text: string, span: FilterSpan): ByteRange {
  if (text === '') return fail(MESSAGES.unexpected(']'), { start: span.start, end: span.start + 1 })
  let match = SINGLE.exec(text)
  if (match) return { start: Number(match[1]), length: 1 }
  match = START_LENGTH.exec(text)
  if (match && (match[1] !== undefined || match[2] !== undefined)) {
    const start = match[1] === undefined ? 0 : Number(match[1])
    if (match[2] === undefined) return { start }
    const length = Number(match[2])
    if (length <= 0) fail(MESSAGES.rangeLength(text, length), span)
    return { start, length }
  }
  match = START_END.exec(text)
  if (match) {
    const from = Number(match[1])
    const to = Number(match[2])
    if (from >= to && Math.sign(from) === Math.sign(to)) fail(MESSAGES.rangeOrder(text, from, to), span)
    return { start: from, length: to - from + 1 }
  }
  const word = /[A-Za-z_]\w*/.exec(text)
  if (word && !/^-?\d/.test(text)) return fail(MESSAGES.badNumber(text), span)
  return fail(MESSAGES.badRange(text), span)
}

/** The bytes the ranges select, or undefined when one of them does not fit. */
export function sliceBytes(bytes: Uint8Array, ranges: readonly ByteRange[]): Uint8Array | undefined {
  if (ranges.length === 1) return sliceOne(bytes, ranges[0])
  const parts: Uint8Array[] = []
  let total = 0
  for (const range of ranges) {
    const part = sliceOne(bytes, range)
    if (!part) return undefined
    parts.push(part)
    total += part.length
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

function sliceOne(bytes: Uint8Array, range: ByteRange): Uint8Array | undefined {
  const start = range.start < 0 ? bytes.length + range.start : range.start
  if (start < 0 || start > bytes.length) return undefined
  const end = range.length === undefined ? bytes.length : start + range.length
  if (end > bytes.length) return undefined
  return bytes.subarray(start, end)
}

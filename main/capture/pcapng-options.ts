// pcapng options: a list of (code, length, value padded to 32 bits) ending at opt_endofopt or
// at the end of the block body. A value that runs past the body is damage, as in Wireshark.

import { OPTION } from './pcapng-codes'
import { CaptureError } from './source'

const utf8 = new TextDecoder('utf-8')

/**
 * Option values as text: UTF-8, up to the first NUL. Some writers add a terminator, and some
 * leave junk after it (ppp_pcapng-example's comments); Wireshark reads such values as C strings.
 */
export function optionText(buf: Uint8Array, start: number, length: number): string {
  let end = start
  while (end < start + length && buf[end] !== 0) end++
  return utf8.decode(buf.subarray(start, end))
}

/** NUL-terminated strings one after another (the names of an NRB record), without empty ones. */
export function nulSeparatedTexts(buf: Uint8Array, start: number, length: number): string[] {
  return utf8
    .decode(buf.subarray(start, start + length))
    .split('\0')
    .filter((text) => text !== '')
}

/** What an option error says about the block it is in. */
export interface BlockPlace {
  /** "enhanced packet block at byte 1234 (frame 7)" */
  text: string
  frame?: number
  offset: number
}

/**
 * Calls `visit` for each option in buf[from, to), where buf[0] is at file offset `base`.
 * `where` describes the block, for the error message.
 */
export function forEachOption(
  view: DataView,
  from: number,
  to: number,
  littleEndian: boolean,
  base: number,
  where: () => BlockPlace,
  visit: (code: number, start: number, length: number) => void,
): void {
  let at = from
  while (to - at >= 4) {
    const code = view.getUint16(at, littleEndian)
    const length = view.getUint16(at + 2, littleEndian)
    if (code === OPTION.END) return
    if (length > to - at - 4) {
      const w = where()
      throw new CaptureError(
        'bad-block',
        `malformed ${w.text}: option ${code} at byte ${base + at} claims ${length} bytes, past the end of the block`,
        { frame: w.frame, offset: w.offset },
      )
    }
    visit(code, at + 4, length)
    at += 4 + ((length + 3) & ~3)
  }
}

// The bytes pane as data: lines of 16 bytes with their offset, hex and ASCII, and which bytes a
// field's range highlights. Testable without mounting.
import type { ByteRange } from '../model/tree-model'

export const BYTES_PER_LINE = 16

export interface HexLine {
  /** Offset of the line's first byte. */
  offset: number
  /** The line's offset as Wireshark prints it: 4 hex digits, more for longer sources. */
  label: string
  bytes: number[]
}

export function hex2(byte: number): string {
  return byte.toString(16).padStart(2, '0')
}

/** Printable ASCII, else a dot (as Wireshark's bytes pane). */
export function asciiChar(byte: number): string {
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.'
}

export function offsetLabel(offset: number, total: number): string {
  const width = Math.max(4, (Math.max(total - 1, 0)).toString(16).length)
  return offset.toString(16).padStart(width, '0')
}

export function hexLines(bytes: Uint8Array): HexLine[] {
  const lines: HexLine[] = []
  for (let offset = 0; offset < bytes.length; offset += BYTES_PER_LINE) {
    lines.push({ offset, label: offsetLabel(offset, bytes.length), bytes: Array.from(bytes.subarray(offset, offset + BYTES_PER_LINE)) })
  }
  return lines
}

/** Whether byte `offset` of byte source `source` is part of the selected field's bytes. */
export function isHighlighted(range: ByteRange | undefined, source: number, offset: number): boolean {
  return !!range && range.source === source && offset >= range.offset && offset < range.offset + range.length
}

/** The line index that holds a byte (to scroll the highlight into view). */
export function lineOf(offset: number): number {
  return Math.floor(offset / BYTES_PER_LINE)
}

/** A `tcpdump -X`/Follow-stream style dump of bytes starting at `base`: offset, hex, ASCII. */
export function dumpText(bytes: Uint8Array, base = 0): string {
  const out: string[] = []
  for (let offset = 0; offset < bytes.length; offset += BYTES_PER_LINE) {
    const line = Array.from(bytes.subarray(offset, offset + BYTES_PER_LINE))
    const hex = line.map(hex2)
    const left = hex.slice(0, 8).join(' ')
    const right = hex.slice(8).join(' ')
    const hexPart = `${left}${right ? '  ' + right : ''}`.padEnd(BYTES_PER_LINE * 3, ' ')
    out.push(`${(base + offset).toString(16).padStart(8, '0')}  ${hexPart}  ${line.map(asciiChar).join('')}`)
  }
  return out.join('\n')
}

import { describe, expect, it } from 'vitest'
import { asciiChar, dumpText, hexLines, isHighlighted, lineOf, offsetLabel } from '../../../../renderer/src/composables/hex-dump'

describe('composables/hex-dump', () => {
  it('should cut bytes into lines of 16 with their offsets', () => {
    const lines = hexLines(new Uint8Array(40).map((_, i) => i))
    expect(lines.map((line) => line.label)).toEqual(['0000', '0010', '0020'])
    expect(lines[2].bytes).toEqual([32, 33, 34, 35, 36, 37, 38, 39])
  })

  it('should widen the offset for sources past 64 KiB', () => {
    expect(offsetLabel(0x10, 0x20000)).toBe('00010')
    expect(offsetLabel(0x10, 74)).toBe('0010')
  })

  it('should show printable ASCII and a dot for anything else', () => {
    expect([0x41, 0x20, 0x7e, 0x7f, 0x0a, 0x00].map(asciiChar).join('')).toBe('A ~...')
  })

  it('should highlight exactly the bytes of the range in its own source', () => {
    const range = { source: 0, offset: 38, length: 4 }
    expect([37, 38, 41, 42].map((offset) => isHighlighted(range, 0, offset))).toEqual([false, true, true, false])
    expect(isHighlighted(range, 1, 38)).toBe(false)
    expect(isHighlighted(undefined, 0, 38)).toBe(false)
    expect(lineOf(38)).toBe(2)
  })

  it('should dump bytes as offset, hex in two groups of eight, and ASCII', () => {
    const bytes = new TextEncoder().encode('GET / HTTP/1.1\r\nHost')
    expect(dumpText(bytes, 0x20).split('\n')).toEqual([
      '00000020  47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a  GET / HTTP/1.1..',
      '00000030  48 6f 73 74                                       Host',
    ])
  })
})

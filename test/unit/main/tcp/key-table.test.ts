import { describe, expect, it } from 'vitest'
import { AddressNumbers, KeyTable } from '../../../../main/tcp/key-table'

describe('tcp/key-table', () => {
  it('should find every key after growing many times, and miss keys it never stored', () => {
    const table = new KeyTable(16)
    // Keys that differ in one word only, with the full 32-bit range (u32 values and negative ints).
    for (let i = 0; i < 5000; i++) table.set(0xc0000200 + i, 0xffffffff, (i * 65536) | 80, 4, i)
    expect(table.size).toBe(5000)
    for (let i = 0; i < 5000; i++) expect(table.get(0xc0000200 + i, 0xffffffff, (i * 65536) | 80, 4)).toBe(i)
    expect(table.get(0xc0000200, 0xffffffff, 80, 6)).toBe(-1)
    expect(table.get(0xc0000200 + 5000, 0xffffffff, (5000 * 65536) | 80, 4)).toBe(-1)
  })

  it('should replace the value of a key it has (a reused port pair points to its newest stream)', () => {
    const table = new KeyTable()
    table.set(1, 2, 3, 4, 0)
    table.set(1, 2, 3, 4, 7)
    expect(table.get(1, 2, 3, 4)).toBe(7)
    expect(table.size).toBe(1)
    expect(() => table.set(1, 2, 3, 4, -1)).toThrow(RangeError)
  })

  it('should number distinct IPv6 addresses in order of appearance', () => {
    const numbers = new AddressNumbers()
    const a = Uint8Array.from({ length: 16 }, (_, i) => i)
    const b = Uint8Array.from({ length: 16 }, (_, i) => (i === 15 ? 0xff : i))
    const both = new Uint8Array([...a, ...b])
    expect(numbers.of(both, 16)).toBe(0)
    expect(numbers.of(both, 0)).toBe(1)
    expect(numbers.of(a, 0)).toBe(1)
    expect(numbers.of(b, 0)).toBe(0)
  })
})

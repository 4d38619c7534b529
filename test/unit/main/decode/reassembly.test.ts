// The IP reassembly table (main/decode/reassembly.ts): fragments by offset, complete when the last
// one is in and there is no hole, overlaps as Wireshark resolves them, and bounded memory.
import { describe, expect, it } from 'vitest'
import { IpReassembly, ipv4FragmentKey, ipv6FragmentKey } from '../../../../main/decode/reassembly'

/** `length` bytes counting up from `from` (mod 256): every byte says where it belongs. */
function run(from: number, length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (from + i) & 0xff)
}

const KEY = 'k'

describe('decode/reassembly: IpReassembly', () => {
  it('should complete a datagram whose fragments come in order, on the last one', () => {
    const table = new IpReassembly()
    expect(table.add(KEY, 1, 0, run(0, 16), true)).toBeUndefined()
    expect(table.add(KEY, 2, 16, run(16, 16), true)).toBeUndefined()
    const done = table.add(KEY, 3, 32, run(32, 5), false)
    expect(done?.bytes).toEqual(run(0, 37))
    expect(done?.fragments.map((f) => [f.frame, f.offset, f.length])).toEqual([
      [1, 0, 16],
      [2, 16, 16],
      [3, 32, 5],
    ])
    expect(done?.conflict).toBe(false)
    // A completed datagram leaves the table.
    expect(table.pending).toBe(0)
    expect(table.pendingBytes).toBe(0)
  })

  it('should complete a datagram whose fragments come out of order, when the hole closes', () => {
    const table = new IpReassembly()
    expect(table.add(KEY, 1, 32, run(32, 8), false)).toBeUndefined()
    expect(table.add(KEY, 2, 0, run(0, 16), true)).toBeUndefined()
    const done = table.add(KEY, 3, 16, run(16, 16), true)
    expect(done?.bytes).toEqual(run(0, 40))
    // Listed by offset, not by arrival.
    expect(done?.fragments.map((f) => f.frame)).toEqual([2, 3, 1])
  })

  it('should wait while the last fragment is missing, however much else has come', () => {
    const table = new IpReassembly()
    expect(table.add(KEY, 1, 0, run(0, 16), true)).toBeUndefined()
    expect(table.add(KEY, 2, 16, run(16, 16), true)).toBeUndefined()
    expect(table.pending).toBe(1)
    expect(table.pendingBytes).toBe(32)
  })

  it('should keep separate datagrams apart by key', () => {
    const table = new IpReassembly()
    const a = ipv4FragmentKey(Uint8Array.of(192, 0, 2, 10, 198, 51, 100, 20), 0, 6, 0x1002)
    const b = ipv4FragmentKey(Uint8Array.of(192, 0, 2, 10, 198, 51, 100, 20), 0, 17, 0x1002)
    expect(a).not.toBe(b)
    table.add(a, 1, 0, run(0, 8), true)
    expect(table.add(b, 2, 8, run(8, 8), false)).toBeUndefined()
    expect(table.add(a, 3, 8, run(8, 8), false)?.bytes).toEqual(run(0, 16))
    expect(table.pending).toBe(1)
  })

  it('should key IPv6 by both addresses and the identification', () => {
    const addresses = new Uint8Array(32).fill(1)
    expect(ipv6FragmentKey(addresses, 0, 0xcafe)).not.toBe(ipv6FragmentKey(addresses, 0, 0xbeef))
    expect(ipv6FragmentKey(addresses, 0, 0xcafe)).not.toBe(ipv4FragmentKey(addresses, 0, 0, 0xcafe))
    const table = new IpReassembly()
    const key = ipv6FragmentKey(addresses, 0, 0xcafe)
    expect(table.add(key, 5, 0, run(0, 1232), true)).toBeUndefined()
    expect(table.add(key, 6, 1232, run(1232, 388), false)?.bytes.length).toBe(1620)
  })

  it('should take a duplicate fragment without harm, and mark it as an overlap', () => {
    const table = new IpReassembly()
    table.add(KEY, 1, 0, run(0, 16), true)
    table.add(KEY, 2, 0, run(0, 16), true)
    const done = table.add(KEY, 3, 16, run(16, 8), false)
    expect(done?.bytes).toEqual(run(0, 24))
    expect(done?.fragments.map((f) => [f.frame, f.overlap, f.conflict])).toEqual([
      [1, false, false],
      [2, true, false],
      [3, false, false],
    ])
    expect(done?.conflict).toBe(false)
  })

  it('should keep the lower offset’s bytes where fragments overlap, and flag different bytes as a conflict', () => {
    const table = new IpReassembly()
    table.add(KEY, 1, 8, new Uint8Array(16).fill(0xbb), false) // 8 … 24
    const done = table.add(KEY, 2, 0, new Uint8Array(16).fill(0xaa), true) // 0 … 16, overlaps 8 … 16
    expect(done?.bytes).toEqual(Uint8Array.from([...new Uint8Array(16).fill(0xaa), ...new Uint8Array(8).fill(0xbb)]))
    expect(done?.conflict).toBe(true)
    expect(done?.fragments.map((f) => [f.frame, f.overlap, f.conflict])).toEqual([
      [2, false, false],
      [1, true, true],
    ])
  })

  it('should keep the first frame’s bytes for two fragments at the same offset', () => {
    const table = new IpReassembly()
    table.add(KEY, 1, 0, new Uint8Array(8).fill(1), true)
    table.add(KEY, 2, 0, new Uint8Array(8).fill(2), true)
    const done = table.add(KEY, 3, 8, new Uint8Array(8).fill(3), false)
    expect([...done!.bytes]).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3])
    expect(done?.conflict).toBe(true)
  })

  it('should let the first last fragment fix the length and leave bytes past it out', () => {
    const table = new IpReassembly()
    table.add(KEY, 1, 8, run(8, 8), false) // ends at 16
    table.add(KEY, 2, 16, run(16, 8), false) // a second "last" fragment, past the end
    const done = table.add(KEY, 3, 0, run(0, 8), true)
    expect(done?.bytes).toEqual(run(0, 16))
  })

  it('should start a new datagram for a fragment that comes after its datagram was completed', () => {
    const table = new IpReassembly()
    table.add(KEY, 1, 0, run(0, 8), true)
    expect(table.add(KEY, 2, 8, run(8, 8), false)).toBeDefined()
    expect(table.add(KEY, 3, 8, run(8, 8), false)).toBeUndefined()
    expect(table.pending).toBe(1)
  })

  it('should complete a datagram of one fragment at offset 0 without MF only if asked (the caller decides what a fragment is)', () => {
    expect(new IpReassembly().add(KEY, 1, 0, run(0, 8), false)?.bytes).toEqual(run(0, 8))
  })

  it('should drop the oldest incomplete datagrams past the datagram limit, never growing without bound', () => {
    const table = new IpReassembly({ maxDatagrams: 3 })
    for (let id = 0; id < 100; id++) table.add(`k${id}`, id + 1, 0, run(0, 8), true)
    expect(table.pending).toBe(3)
    expect(table.dropped).toBe(97)
    expect(table.pendingBytes).toBe(24)
    // The newest survive: their last fragment still completes them; a dropped one starts over.
    expect(table.add('k99', 200, 8, run(8, 8), false)?.bytes).toEqual(run(0, 16))
    expect(table.add('k0', 201, 8, run(8, 8), false)).toBeUndefined()
  })

  it('should drop the oldest incomplete datagrams past the byte limit', () => {
    const table = new IpReassembly({ maxBytes: 1000 })
    for (let id = 0; id < 50; id++) table.add(`k${id}`, id + 1, 0, run(0, 400), true)
    expect(table.pendingBytes).toBeLessThanOrEqual(1000)
    expect(table.pending).toBe(2)
    expect(table.dropped).toBe(48)
  })

  it('should refuse a fragment past the largest datagram, and one bigger than the whole byte budget', () => {
    const table = new IpReassembly({ maxDatagramSize: 64, maxBytes: 32 })
    expect(table.add(KEY, 1, 64, run(0, 8), false)).toBeUndefined()
    expect(table.add(KEY, 2, 0, run(0, 40), false)).toBeUndefined()
    expect(table.pending).toBe(0)
    expect(table.pendingBytes).toBe(0)
  })

  it('should copy the fragment bytes it keeps (the caller may reuse its buffer)', () => {
    const table = new IpReassembly()
    const buffer = run(0, 8)
    table.add(KEY, 1, 0, buffer, true)
    buffer.fill(0xff)
    expect(table.add(KEY, 2, 8, run(8, 8), false)?.bytes).toEqual(run(0, 16))
  })
})

import { describe, expect, it } from 'vitest'
import { NET, TRANSPORT } from '../../../../main/decode/headers'
import { PacketIndex, ROW_MARK } from '../../../../main/session/packet-index'
import { VERDICT } from '../../../../main/tcp/verdicts'

/** Appends n rows whose values say which row they are; every third one is a TCP segment. */
function fill(index: PacketIndex, n: number): void {
  for (let i = 0; i < n; i++) {
    const row = index.append(1000 + i * 100, 60 + i, 70 + i, 1_700_000_000 + i, i * 1000, NET.IPV4 | TRANSPORT.TCP)
    if (i % 3 === 0) index.setTcp(row, i / 3, 0x018, i * 10, i * 20, i % 2 === 0, 502 * 128, i, VERDICT.DUPLICATE_ACK)
  }
}

describe('session/packet-index', () => {
  it('should double its columns when full and keep every row', () => {
    const index = new PacketIndex(4)
    expect(index.capacity).toBe(4)
    fill(index, 4)
    expect(index.capacity).toBe(4)
    fill(index, 1)
    expect(index.capacity).toBe(8)
    fill(index, 100)
    expect(index.length).toBe(105)
    expect(index.capacity).toBe(128)
    expect(index.fileOffset.length).toBe(128)
    // Rows appended before each growth survive it, with every column.
    expect(index.row(3)).toEqual({
      frame: 4,
      fileOffset: 1300,
      capLen: 63,
      origLen: 73,
      tsSec: 1_700_000_003,
      tsNsec: 3000,
      hasTimestamp: true,
      net: NET.IPV4,
      transport: TRANSPORT.TCP,
      stream: 1,
      tcpFlags: 0x018,
      seq: 30,
      ack: 60,
      relative: false,
      window: 502 * 128,
      payloadLength: 3,
      verdicts: VERDICT.DUPLICATE_ACK,
    })
    expect(index.row(4).frame).toBe(5)
    expect(index.row(104).fileOffset).toBe(1000 + 99 * 100)
  })

  it('should show a frame without a segment as stream −1, with empty TCP columns', () => {
    const index = new PacketIndex()
    index.append(24, 42, 42, 5, 6, NET.ARP | ROW_MARK.NO_TIMESTAMP)
    const row = index.row(0)
    expect(row.stream).toBe(-1)
    expect(row.net).toBe(NET.ARP)
    expect(row.transport).toBe(TRANSPORT.NONE)
    expect(row.hasTimestamp).toBe(false)
    expect([row.tcpFlags, row.seq, row.ack, row.window, row.payloadLength, row.verdicts, row.relative]).toEqual([0, 0, 0, 0, 0, 0, false])
  })

  it('should keep the full range of each column', () => {
    const index = new PacketIndex(1)
    const big = 2 ** 40 + 7 // a file offset past 4 GiB
    const row = index.append(big, 262144, 0xffffffff, 2 ** 33, 999_999_999, 0)
    index.setTcp(row, 2 ** 31 - 1, 0xfff, 0xffffffff, 0xfffffffe, true, 65535 * 2 ** 14, -1, 0x7fff)
    expect(index.row(0)).toMatchObject({
      fileOffset: big,
      origLen: 0xffffffff,
      tsSec: 2 ** 33,
      tsNsec: 999_999_999,
      stream: 2 ** 31 - 1,
      tcpFlags: 0xfff,
      seq: 0xffffffff,
      ack: 0xfffffffe,
      relative: true,
      window: 65535 * 2 ** 14,
      payloadLength: -1,
      verdicts: 0x7fff,
    })
  })

  it('should page rows, cutting the page at the last row', () => {
    const index = new PacketIndex(2)
    fill(index, 10)
    expect(index.rows(2, 5).map((r) => r.frame)).toEqual([3, 4, 5])
    expect(index.rows(8, 50).map((r) => r.frame)).toEqual([9, 10])
    expect(index.rows(10, 20)).toEqual([])
    expect(index.rows(4, 4)).toEqual([])
  })

  it('should refuse rows and ranges outside the index', () => {
    const index = new PacketIndex()
    fill(index, 3)
    expect(() => index.row(3)).toThrow(RangeError)
    expect(() => index.row(-1)).toThrow(RangeError)
    expect(() => index.row(1.5)).toThrow(RangeError)
    expect(() => index.rows(-1, 2)).toThrow(RangeError)
    expect(() => index.rows(2, 1)).toThrow(RangeError)
  })
})

// The packet index: one row per frame of a capture, column-wise in typed arrays that grow by
// doubling. It holds what the packet list shows and sorts by and what finds a frame again in
// the file, and no JavaScript object per packet: 2 million frames take about 120 MB, and a
// worker can hand the columns over whole. Row i is frame i + 1.
import { NET_MASK, TRANSPORT_MASK } from '../decode/headers'

/** Bits of the `kind` column above NET and TRANSPORT (main/decode/headers.ts). */
export const ROW_MARK = {
  /** The record carries no time (a pcapng Simple Packet Block): tsSec and tsNsec are 0. */
  NO_TIMESTAMP: 0x20,
  /** The TCP segment's length was known, so seq and ack are relative (else raw). */
  RELATIVE: 0x40,
} as const

/** One row as plain data, for a page of the packet list. */
export interface PacketRow {
  /** frame.number (row + 1). */
  frame: number
  /** Where the frame's record starts in the (uncompressed) file: FrameAccess reads it again. */
  fileOffset: number
  capLen: number
  origLen: number
  tsSec: number
  tsNsec: number
  hasTimestamp: boolean
  /** NET bits (main/decode/headers.ts). */
  net: number
  /** TRANSPORT bits (main/decode/headers.ts). */
  transport: number
  /** tcp.stream, or −1 when the frame hands no segment to the TCP engine. */
  stream: number
  /** The rest only means something when stream ≥ 0. */
  tcpFlags: number
  /** tcp.seq and tcp.ack as shown: relative when `relative`, else raw. */
  seq: number
  ack: number
  relative: boolean
  /** tcp.window_size: scaled unless a SYN. */
  window: number
  /** tcp.len, or −1 when it cannot be known (an IP fragment, a header past the packet). */
  payloadLength: number
  /** Verdict bits (VERDICT in main/tcp/verdicts.ts). */
  verdicts: number
}

const INITIAL_CAPACITY = 1 << 16

export class PacketIndex {
  /** Rows filled. */
  private count = 0
  /** Rows the columns have room for. */
  private room: number

  fileOffset: Float64Array
  capLen: Uint32Array
  origLen: Uint32Array
  tsSec: Float64Array
  tsNsec: Uint32Array
  /** NET | TRANSPORT | ROW_MARK bits. */
  kind: Uint8Array
  stream: Int32Array
  tcpFlags: Uint16Array
  seq: Uint32Array
  ack: Uint32Array
  window: Uint32Array
  payloadLength: Int32Array
  verdicts: Uint16Array

  constructor(initialCapacity = INITIAL_CAPACITY) {
    this.room = Math.max(1, Math.ceil(initialCapacity))
    const n = this.room
    this.fileOffset = new Float64Array(n)
    this.capLen = new Uint32Array(n)
    this.origLen = new Uint32Array(n)
    this.tsSec = new Float64Array(n)
    this.tsNsec = new Uint32Array(n)
    this.kind = new Uint8Array(n)
    this.stream = new Int32Array(n)
    this.tcpFlags = new Uint16Array(n)
    this.seq = new Uint32Array(n)
    this.ack = new Uint32Array(n)
    this.window = new Uint32Array(n)
    this.payloadLength = new Int32Array(n)
    this.verdicts = new Uint16Array(n)
  }

  /** Frames indexed so far. */
  get length(): number {
    return this.count
  }

  /** Rows the columns have room for before they grow (they double). */
  get capacity(): number {
    return this.room
  }

  /**
   * Appends a frame with no TCP segment (stream −1) and returns its row. Growing replaces the
   * column arrays: read them from the index again after an append.
   */
  append(fileOffset: number, capLen: number, origLen: number, tsSec: number, tsNsec: number, kind: number): number {
    if (this.count === this.room) this.grow()
    const row = this.count++
    this.fileOffset[row] = fileOffset
    this.capLen[row] = capLen
    this.origLen[row] = origLen
    this.tsSec[row] = tsSec
    this.tsNsec[row] = tsNsec
    this.kind[row] = kind
    this.stream[row] = -1
    return row
  }

  /** Fills the TCP columns of a row (appended with no segment). */
  setTcp(row: number, stream: number, flags: number, seq: number, ack: number, relative: boolean, window: number, payloadLength: number, verdicts: number): void {
    this.stream[row] = stream
    this.tcpFlags[row] = flags
    this.seq[row] = seq
    this.ack[row] = ack
    if (relative) this.kind[row] |= ROW_MARK.RELATIVE
    this.window[row] = window
    this.payloadLength[row] = payloadLength
    this.verdicts[row] = verdicts
  }

  /** One row as plain data. */
  row(row: number): PacketRow {
    if (!Number.isInteger(row) || row < 0 || row >= this.count) throw new RangeError(`row ${row} is not in the index (0 … ${this.count - 1})`)
    const kind = this.kind[row]!
    const stream = this.stream[row]!
    const tcp = stream >= 0
    return {
      frame: row + 1,
      fileOffset: this.fileOffset[row]!,
      capLen: this.capLen[row]!,
      origLen: this.origLen[row]!,
      tsSec: this.tsSec[row]!,
      tsNsec: this.tsNsec[row]!,
      hasTimestamp: (kind & ROW_MARK.NO_TIMESTAMP) === 0,
      net: kind & NET_MASK,
      transport: kind & TRANSPORT_MASK,
      stream,
      tcpFlags: tcp ? this.tcpFlags[row]! : 0,
      seq: tcp ? this.seq[row]! : 0,
      ack: tcp ? this.ack[row]! : 0,
      relative: tcp && (kind & ROW_MARK.RELATIVE) !== 0,
      window: tcp ? this.window[row]! : 0,
      payloadLength: tcp ? this.payloadLength[row]! : 0,
      verdicts: tcp ? this.verdicts[row]! : 0,
    }
  }

  /** Rows [start, end) as plain data: a page of the packet list. `end` past the last row is cut. */
  rows(start: number, end: number): PacketRow[] {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) throw new RangeError(`bad row range ${start} … ${end}`)
    const out: PacketRow[] = []
    for (let row = start; row < Math.min(end, this.count); row++) out.push(this.row(row))
    return out
  }

  private grow(): void {
    this.resize(this.room * 2)
  }

  private resize(capacity: number): void {
    const n = this.count
    const copy = <T extends Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array>(old: T, make: (size: number) => T): T => {
      const next = make(capacity)
      next.set(old.subarray(0, n))
      return next
    }
    this.fileOffset = copy(this.fileOffset, (size) => new Float64Array(size))
    this.capLen = copy(this.capLen, (size) => new Uint32Array(size))
    this.origLen = copy(this.origLen, (size) => new Uint32Array(size))
    this.tsSec = copy(this.tsSec, (size) => new Float64Array(size))
    this.tsNsec = copy(this.tsNsec, (size) => new Uint32Array(size))
    this.kind = copy(this.kind, (size) => new Uint8Array(size))
    this.stream = copy(this.stream, (size) => new Int32Array(size))
    this.tcpFlags = copy(this.tcpFlags, (size) => new Uint16Array(size))
    this.seq = copy(this.seq, (size) => new Uint32Array(size))
    this.ack = copy(this.ack, (size) => new Uint32Array(size))
    this.window = copy(this.window, (size) => new Uint32Array(size))
    this.payloadLength = copy(this.payloadLength, (size) => new Int32Array(size))
    this.verdicts = copy(this.verdicts, (size) => new Uint16Array(size))
    this.room = capacity
  }
}

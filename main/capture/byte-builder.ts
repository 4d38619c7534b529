// A growable byte buffer with fixed-endian integer writers: what the capture writers build
// files with. Lengths can be patched afterwards (pcapng blocks know their length at the end).

export class ByteBuilder {
  private buffer: Uint8Array
  private view: DataView
  length = 0

  constructor(
    private readonly littleEndian: boolean,
    initialCapacity = 4096,
  ) {
    this.buffer = new Uint8Array(initialCapacity)
    this.view = new DataView(this.buffer.buffer)
  }

  private room(n: number): void {
    if (this.length + n <= this.buffer.length) return
    let capacity = this.buffer.length * 2
    while (capacity < this.length + n) capacity *= 2
    const next = new Uint8Array(capacity)
    next.set(this.buffer.subarray(0, this.length))
    this.buffer = next
    this.view = new DataView(next.buffer)
  }

  u8(value: number): this {
    this.room(1)
    this.buffer[this.length++] = value
    return this
  }

  u16(value: number): this {
    this.room(2)
    this.view.setUint16(this.length, value, this.littleEndian)
    this.length += 2
    return this
  }

  u32(value: number): this {
    this.room(4)
    this.view.setUint32(this.length, value >>> 0, this.littleEndian)
    this.length += 4
    return this
  }

  /** A 64-bit integer; Numbers must be safe integers (negative ones are two's complement). */
  u64(value: number | bigint): this {
    this.room(8)
    this.view.setBigUint64(this.length, BigInt.asUintN(64, BigInt(value)), this.littleEndian)
    this.length += 8
    return this
  }

  bytes(data: Uint8Array): this {
    this.room(data.length)
    this.buffer.set(data, this.length)
    this.length += data.length
    return this
  }

  /** Zero bytes up to the next multiple of 4, as pcapng pads every field. */
  pad4(): this {
    while (this.length % 4 !== 0) this.u8(0)
    return this
  }

  /** Overwrites a 32-bit field written earlier (a block length known only at the end). */
  patchU32(at: number, value: number): void {
    this.view.setUint32(at, value >>> 0, this.littleEndian)
  }

  /** The bytes so far, as a copy the builder no longer touches. */
  take(): Uint8Array {
    return this.buffer.slice(0, this.length)
  }

  /** Empties the builder and keeps its memory (for streaming writers). */
  reset(): void {
    this.length = 0
  }

  /** A view of the bytes so far, valid until the next write. */
  peek(): Uint8Array {
    return this.buffer.subarray(0, this.length)
  }
}

// The streaming driver's window on a capture: one reusable buffer, refilled a chunk at a
// time. The unparsed tail of the last chunk (a record that straddles chunks) moves to the
// front before the next read, so memory stays at about two chunks plus the largest record.

import type { ChunkSource } from './chunk-source'
import { GzipDamage } from './gunzip-source'

export class ReadBuffer {
  buf: Uint8Array
  view: DataView
  /** buf[start, end) holds bytes not parsed yet; buf[0] is at offset `base` of the (uncompressed) file. */
  start = 0
  end = 0
  base = 0
  eof = false
  /** Set when a gzip stream ended before its end (the bytes before it are good). */
  gzipCut = false

  constructor(
    readonly source: ChunkSource,
    private readonly chunkSize: number,
  ) {
    this.buf = new Uint8Array(chunkSize * 2)
    this.view = new DataView(this.buf.buffer)
  }

  get available(): number {
    return this.end - this.start
  }

  /** File offset of the first unparsed byte. */
  get offset(): number {
    return this.base + this.start
  }

  /**
   * Reads until at least `n` unparsed bytes are in the buffer, or the end of the file.
   * Overwrites bytes already parsed: frames handed out before are no longer valid.
   */
  async fill(n: number): Promise<void> {
    while (this.end - this.start < n && !this.eof) {
      if (this.start > 0) {
        this.buf.copyWithin(0, this.start, this.end)
        this.base += this.start
        this.end -= this.start
        this.start = 0
      }
      const wanted = Math.max(n, this.end + this.chunkSize)
      if (this.buf.length < wanted) {
        const bigger = new Uint8Array(wanted)
        bigger.set(this.buf.subarray(0, this.end))
        this.buf = bigger
        this.view = new DataView(bigger.buffer)
      }
      let got: number
      try {
        got = await this.source.read(this.buf, this.end, Math.min(this.chunkSize, this.buf.length - this.end))
      } catch (err) {
        if (!(err instanceof GzipDamage) || err.kind !== 'cut') throw err
        this.gzipCut = true
        got = 0
      }
      if (got === 0) this.eof = true
      this.end += got
    }
  }
}

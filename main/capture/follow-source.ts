// A file that grows while it is read (a live capture's temporary file), as a ChunkSource: reads
// stop at the bytes its LiveFeed says are complete, and at that point a read waits for more
// rather than answering 0. So the reader above never mistakes "nothing yet" for the end of the
// file or for a record cut short: 0 comes only after the feed's end, or once closed.

import { open, type FileHandle } from 'node:fs/promises'
import { ioError, type ChunkSource } from './chunk-source'
import type { LiveFeed } from './live-feed'

export class FollowChunkSource implements ChunkSource {
  bytesRead = 0
  private closed = false
  /** Resolves when close() is called, to end a wait for the feed. */
  private readonly closing: Promise<void>
  private endWait!: () => void

  private constructor(
    private readonly file: FileHandle,
    private readonly path: string,
    private readonly feed: LiveFeed,
  ) {
    this.closing = new Promise((resolve) => (this.endWait = resolve))
  }

  /** Opens `path` to follow it; the operating system's refusal becomes CaptureError('io'). */
  static async open(path: string, feed: LiveFeed): Promise<FollowChunkSource> {
    let file: FileHandle
    try {
      file = await open(path, 'r')
    } catch (err) {
      throw ioError(path, err)
    }
    return new FollowChunkSource(file, path, feed)
  }

  /** The bytes known to be complete so far (the size the reader can count on). */
  get size(): number {
    return this.feed.committed
  }

  async read(into: Uint8Array, at: number, length: number): Promise<number> {
    while (!this.closed && this.bytesRead >= this.feed.committed) {
      if (this.feed.ended || this.feed.closed) return 0
      await Promise.race([this.feed.changed(), this.closing])
    }
    if (this.closed) return 0
    const wanted = Math.min(length, this.feed.committed - this.bytesRead)
    let got = 0
    try {
      while (got < wanted) {
        const { bytesRead } = await this.file.read(into, at + got, wanted - got, this.bytesRead + got)
        // The file is shorter than its writer said: what is there is all there is.
        if (bytesRead === 0) break
        got += bytesRead
      }
    } catch (err) {
      throw ioError(this.path, err)
    }
    this.bytesRead += got
    return got
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.endWait()
    await this.file.close().catch(() => undefined)
  }
}

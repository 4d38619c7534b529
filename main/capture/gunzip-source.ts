// A gzip-compressed capture, decompressed on the fly with node:zlib. The stream runs in
// flowing mode so every byte zlib produced before an error still reaches the reader (an
// async iterator would drop them), and it pauses when the reader falls behind, so memory
// stays bounded whatever the file's size.

import { createGunzip, type Gunzip } from 'node:zlib'
import type { ChunkSource } from './chunk-source'
import { CaptureError } from './source'

const INPUT_CHUNK = 256 * 1024
const PAUSE_ABOVE = 4 * 1024 * 1024

/** The compressed stream ends early ('cut') or cannot be inflated ('corrupt'). */
export class GzipDamage extends Error {
  constructor(
    readonly kind: 'cut' | 'corrupt',
    message: string,
  ) {
    super(message)
    this.name = 'GzipDamage'
  }
}

export class GunzipSource implements ChunkSource {
  private readonly gunzip: Gunzip
  private readonly queue: Uint8Array[] = []
  private queueAt = 0
  private queued = 0
  private ended = false
  private failure?: Error
  private wake?: () => void
  private closed = false

  /** `prefix`: compressed bytes already taken from `inner` (to look at the magic). */
  constructor(
    private readonly inner: ChunkSource,
    prefix: Uint8Array,
  ) {
    this.gunzip = createGunzip({ chunkSize: 64 * 1024 })
    this.gunzip.on('data', (chunk: Buffer) => {
      this.queue.push(chunk)
      this.queued += chunk.length
      if (this.queued > PAUSE_ABOVE) this.gunzip.pause()
      this.notify()
    })
    this.gunzip.on('end', () => {
      this.ended = true
      this.notify()
    })
    this.gunzip.on('error', (err: Error) => this.fail(err))
    void this.feed(prefix)
  }

  get bytesRead(): number {
    return this.inner.bytesRead
  }

  private notify(): void {
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }

  private fail(err: Error): void {
    if (!this.failure) this.failure = err
    this.notify()
  }

  /** Pushes compressed bytes into zlib as fast as it takes them. */
  private async feed(prefix: Uint8Array): Promise<void> {
    try {
      if (prefix.length) this.gunzip.write(prefix)
      for (;;) {
        if (this.closed || this.failure) return
        if (this.gunzip.writableNeedDrain) {
          await new Promise<void>((resolve) => {
            const done = () => {
              this.gunzip.off('drain', done)
              this.gunzip.off('close', done)
              resolve()
            }
            this.gunzip.on('drain', done)
            this.gunzip.on('close', done)
          })
          continue
        }
        const chunk = new Uint8Array(INPUT_CHUNK)
        const n = await this.inner.read(chunk, 0, chunk.length)
        if (this.closed) return
        if (n === 0) {
          this.gunzip.end()
          return
        }
        this.gunzip.write(chunk.subarray(0, n))
      }
    } catch (err) {
      this.fail(err instanceof Error ? err : new Error(String(err)))
    }
  }

  async read(into: Uint8Array, at: number, length: number): Promise<number> {
    while (this.queued === 0) {
      if (this.failure) throw damageOf(this.failure)
      if (this.ended || this.closed) return 0
      await new Promise<void>((resolve) => (this.wake = resolve))
    }
    let copied = 0
    while (copied < length && this.queue.length) {
      const head = this.queue[0]
      const n = Math.min(length - copied, head.length - this.queueAt)
      into.set(head.subarray(this.queueAt, this.queueAt + n), at + copied)
      copied += n
      this.queueAt += n
      if (this.queueAt === head.length) {
        this.queue.shift()
        this.queueAt = 0
      }
    }
    this.queued -= copied
    if (this.queued < PAUSE_ABOVE / 2 && this.gunzip.isPaused()) this.gunzip.resume()
    return copied
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.gunzip.destroy()
    this.notify()
    await this.inner.close()
  }
}

function damageOf(err: Error): Error {
  if (err instanceof CaptureError) return err
  const code = (err as { code?: unknown }).code
  if (code === 'Z_BUF_ERROR') return new GzipDamage('cut', err.message)
  return new GzipDamage('corrupt', err.message)
}

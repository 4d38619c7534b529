// Where a reader's bytes come from: a file on disk, or a buffer in memory (tests, drag and
// drop). Both read into the caller's buffer, so the file is never loaded whole.

import { open, type FileHandle } from 'node:fs/promises'
import { CaptureError } from './source'

export interface ChunkSource {
  /** Reads up to `length` bytes into `into` at `at`; resolves 0 at the end. */
  read(into: Uint8Array, at: number, length: number): Promise<number>
  /** Bytes of the underlying file consumed so far (compressed bytes for gzip), for progress. */
  readonly bytesRead: number
  close(): Promise<void>
}

/** The operating system's refusal to read `path`, as the one error readers raise. */
export function ioError(path: string, err: unknown): CaptureError {
  const reason = err instanceof Error ? err.message : String(err)
  return new CaptureError('io', `cannot read ${path}: ${reason}`)
}

export class FileChunkSource implements ChunkSource {
  bytesRead = 0
  private closed = false

  private constructor(
    private readonly file: FileHandle,
    private readonly path: string,
    readonly size: number,
  ) {}

  /** Opens a file; the operating system's refusal becomes CaptureError('io'). */
  static async open(path: string): Promise<FileChunkSource> {
    let file: FileHandle
    try {
      file = await open(path, 'r')
    } catch (err) {
      throw ioError(path, err)
    }
    try {
      const stat = await file.stat()
      if (stat.isDirectory()) throw new Error('it is a directory')
      return new FileChunkSource(file, path, stat.size)
    } catch (err) {
      await file.close().catch(() => undefined)
      throw ioError(path, err)
    }
  }

  async read(into: Uint8Array, at: number, length: number): Promise<number> {
    if (this.closed) return 0
    try {
      const { bytesRead } = await this.file.read(into, at, length, this.bytesRead)
      this.bytesRead += bytesRead
      return bytesRead
    } catch (err) {
      throw ioError(this.path, err)
    }
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.file.close().catch(() => undefined)
  }
}

/** An in-memory capture, handed out as asked, like a file would be. */
export class BytesChunkSource implements ChunkSource {
  bytesRead = 0

  constructor(private readonly bytes: Uint8Array) {}

  async read(into: Uint8Array, at: number, length: number): Promise<number> {
    const n = Math.min(length, this.bytes.length - this.bytesRead)
    into.set(this.bytes.subarray(this.bytesRead, this.bytesRead + n), at)
    this.bytesRead += n
    return n
  }

  async close(): Promise<void> {
    this.bytesRead = this.bytes.length
  }
}

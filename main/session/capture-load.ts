// One capture file being read: the streaming pass (CaptureIndexer) runs batch by batch, giving
// way between batches so requests about the frames read so far are answered meanwhile; progress
// is reported at most every PROGRESS_INTERVAL_MS (throttle.ts); a cancel stops it with the frames read kept. It
// owns the file handles: the reader's while loading, and the random-access one (FrameAccess,
// with a gzip file's spooled temporary copy) opened on the first frame decoded; close() closes
// both.
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { FileInfo } from '../../preload/contract/dto'
import { openFrameAccess, type FrameAccess } from '../capture/access'
import { openCapture, type CaptureReader } from '../capture/open'
import { CaptureError } from '../capture/source'
import { CaptureIndexer } from './capture-indexer'
import { FrameDecoder } from './frame-decoder'
import { giveWay } from './full-scan'
import { Throttle } from './throttle'

export interface LoadProgress {
  bytesRead: number
  totalBytes: number
  packets: number
  connections: number
}

export interface LoadOptions {
  displayName?: string
  /** Where a gzip file is spooled for random access (default: the OS's). */
  tmpDir?: string
  /** The least time between two progress reports (default PROGRESS_INTERVAL_MS; tests lower it). */
  progressIntervalMs?: number
  onProgress?(progress: LoadProgress): void
}

export class CaptureLoad {
  readonly indexer: CaptureIndexer
  readonly decoder: FrameDecoder
  /** Resolves when the pass has ended (read to the end, damaged, cancelled or failed). */
  readonly done: Promise<void>
  loading = true
  cancelled = false
  /** The damage that ended the read early (the frames before it are indexed). */
  damage?: CaptureError
  /** A bug that ended the pass. */
  failure?: Error
  loadMs?: number
  private access?: Promise<FrameAccess>
  private closed = false
  private readonly started = performance.now()

  private constructor(
    readonly path: string,
    readonly file: FileInfo,
    private readonly reader: CaptureReader,
    private readonly options: LoadOptions,
  ) {
    this.indexer = new CaptureIndexer(reader.info)
    this.decoder = new FrameDecoder(this.indexer, () => this.frameAccess())
    this.done = this.run()
  }

  /**
   * Opens `path` and starts reading it. Throws the operating system's error (no such file …), or
   * a CaptureError when it is not a capture TCP Lens reads.
   */
  static async open(path: string, options: LoadOptions = {}): Promise<CaptureLoad> {
    const { size } = await stat(path)
    const reader = await openCapture(path)
    const file: FileInfo = {
      name: options.displayName ?? basename(path),
      path,
      size,
      format: reader.info.format === 'pcapng' ? 'pcapng' : 'pcap',
      compressed: reader.info.gzip,
    }
    return new CaptureLoad(path, file, reader, options)
  }

  /** Frames indexed so far. */
  get packets(): number {
    return this.indexer.frames
  }

  /** TCP connections (streams) so far. */
  get connections(): number {
    return this.indexer.tracker.conversations.length
  }

  /** Files this load holds open: the reader while loading, the random-access file once used. */
  get openFiles(): number {
    return (this.loading ? 1 : 0) + (this.access ? 1 : 0)
  }

  /** Stops the pass; the frames read so far stay. */
  async cancel(): Promise<void> {
    if (this.loading) this.cancelled = true
    await this.reader.close()
    await this.done
  }

  /** Stops the pass and closes every file (and removes a gzip file's spooled copy). */
  async close(): Promise<void> {
    this.closed = true
    await this.cancel()
    const access = this.access
    this.access = undefined
    if (access) await (await access.catch(() => undefined))?.close()
  }

  private frameAccess(): Promise<FrameAccess> {
    if (this.closed) return Promise.reject(new Error('the capture is closed'))
    this.access ??= openFrameAccess(this.path, this.indexer.info, { tmpDir: this.options.tmpDir })
    return this.access
  }

  private async run(): Promise<void> {
    const throttle = new Throttle(this.options.progressIntervalMs)
    try {
      for await (const batch of this.reader.batches()) {
        for (const raw of batch) this.indexer.add(raw)
        if (throttle.take()) {
          this.options.onProgress?.({ bytesRead: this.reader.bytesRead, totalBytes: this.reader.fileSize, packets: this.packets, connections: this.connections })
        }
        if (this.cancelled) break
        await giveWay()
      }
    } catch (error) {
      if (error instanceof CaptureError) this.damage = error
      else this.failure = error instanceof Error ? error : new Error(String(error))
    } finally {
      await this.reader.close()
      this.loading = false
      this.loadMs = Math.round(performance.now() - this.started)
    }
  }
}

// One capture file being read: the streaming pass (CaptureIndexer) runs batch by batch, giving
// way between batches so requests about the frames read so far are answered meanwhile; progress
// is reported at most every PROGRESS_INTERVAL_MS (throttle.ts); a cancel stops it with the frames read kept. It
// owns the file handles: the reader's while loading, and the random-access one (FrameAccess,
// with a gzip file's spooled temporary copy) opened on the first frame decoded; close() closes
// both. A live capture's file is followed as it grows (its LiveFeed says how far it is complete):
// the pass lasts until the capture's end, and the last frames of a burst are reported even when
// nothing follows them.
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { FileInfo, LiveCaptureInfo } from '../../preload/contract/dto'
import { openFrameAccess, type FrameAccess } from '../capture/access'
import type { LiveFeed } from '../capture/live-feed'
import { openCapture, type CaptureReader } from '../capture/open'
import { CaptureError } from '../capture/source'
import { CaptureIndexer } from './capture-indexer'
import { FrameDecoder } from './frame-decoder'
import { giveWay } from './full-scan'
import { PROGRESS_INTERVAL_MS, Throttle } from './throttle'

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

/** A live capture's file: what the status says of it, and how far it is complete. */
export interface LiveSource {
  info: Omit<LiveCaptureInfo, 'state'>
  feed: LiveFeed
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
  /**
   * A live capture's last save of the whole capture: how many frames it holds (unsaved until it
   * covers them all) and the file (then the status names it, as Wireshark's title does).
   */
  savedWhole?: { packets: number; file: Pick<FileInfo, 'name' | 'path' | 'format'> }
  private access?: Promise<FrameAccess>
  private closed = false
  private readonly started = performance.now()
  /** A live capture's report of the frames after the last one reported, when the interval is over. */
  private progressSoon?: NodeJS.Timeout

  private constructor(
    readonly path: string,
    readonly file: FileInfo,
    private readonly reader: CaptureReader,
    private readonly options: LoadOptions,
    readonly live?: LiveSource,
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
    return new CaptureLoad(path, fileInfo(path, size, reader, options), reader, options)
  }

  /**
   * Opens a live capture's file, which grows while it is read: answers once its header is
   * complete (the feed said so), and reads until the feed's end.
   */
  static async openLive(path: string, live: LiveSource, options: LoadOptions = {}): Promise<CaptureLoad> {
    const reader = await openCapture(path, { follow: live.feed })
    return new CaptureLoad(path, fileInfo(path, reader.fileSize, reader, options), reader, options, live)
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
    this.live?.feed.close()
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
        this.reportProgress(throttle)
        if (this.cancelled) break
        await giveWay()
      }
    } catch (error) {
      if (error instanceof CaptureError) this.damage = error
      else this.failure = error instanceof Error ? error : new Error(String(error))
    } finally {
      clearTimeout(this.progressSoon)
      await this.reader.close()
      this.loading = false
      this.loadMs = Math.round(performance.now() - this.started)
    }
  }

  /**
   * Reports progress when the throttle lets it. A live capture may then pause for long: the
   * frames the throttle held back are reported once the interval is over.
   */
  private reportProgress(throttle: Throttle): void {
    if (throttle.take()) {
      clearTimeout(this.progressSoon)
      this.progressSoon = undefined
      this.options.onProgress?.({ bytesRead: this.reader.bytesRead, totalBytes: this.reader.fileSize, packets: this.packets, connections: this.connections })
      return
    }
    if (!this.live || this.progressSoon) return
    this.progressSoon = setTimeout(() => {
      this.progressSoon = undefined
      if (this.loading) this.reportProgress(throttle)
    }, this.options.progressIntervalMs ?? PROGRESS_INTERVAL_MS)
  }
}

function fileInfo(path: string, size: number, reader: CaptureReader, options: LoadOptions): FileInfo {
  return {
    name: options.displayName ?? basename(path),
    path,
    size,
    format: reader.info.format === 'pcapng' ? 'pcapng' : 'pcap',
    compressed: reader.info.gzip,
  }
}

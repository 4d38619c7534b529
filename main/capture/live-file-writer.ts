// The file a live capture writes as packets arrive: pcapng (one IDB for the interface, saying how
// timestamps were taken) or pcap for *.pcap. Packets are encoded at once (the caller's buffer is
// reused by cap) into a pending chunk; chunks are written whole, so the file on disk always ends
// on a block boundary, and onCommitted says how far. A chunk is sealed at least every
// flushIntervalMs, or when it grows past flushBytes. If the disk falls so far behind that the
// chunks waiting for it pass maxQueuedBytes, further packets are dropped and counted, never
// silently lost and never held without bound.
import { open, type FileHandle } from 'node:fs/promises'
import { splitMicros } from './arrival-clock'
import { ByteBuilder } from './byte-builder'
import { originalLength } from './original-length'
import { writeInterface, writePacket, writePcapHeader, writePcapRecord, writeSectionHeader, type PcapngInterfaceToWrite } from './writer'

/** What cap captures at most of each packet (its open() sets this snaplen). */
export const LIVE_SNAPLEN = 65535
export const TIMESTAMP_COMMENT = 'Timestamps were taken on arrival in TCP Lens (cap reports no capture time): precision about 0.1 ms'

export interface LiveFileOptions {
  /** Replaced. pcap when it ends in .pcap, else pcapng. */
  path: string
  linkType: number
  interfaceName: string
  description?: string
  /** The capture filter, written as if_filter (when not empty). */
  filter: string
  /** Default 100 ms. */
  flushIntervalMs?: number
  /** Seal a chunk once it is this big; default 256 KiB. */
  flushBytes?: number
  /** Drop packets while this much is waiting for the disk; default 64 MiB. */
  maxQueuedBytes?: number
  /** Bytes [0, size) of the file are complete blocks on disk. */
  onCommitted?(size: number): void
  /** Writing failed (the file is then left as far as it was committed). */
  onError?(error: Error): void
}

interface Chunk {
  bytes: Uint8Array
  packets: number
}

export function liveFormatOf(path: string): 'pcap' | 'pcapng' {
  return /\.pcap$/i.test(path) ? 'pcap' : 'pcapng'
}

export class LiveFileWriter {
  /** Resolves with the header's size once it is on disk; rejects when the file cannot be opened. */
  readonly ready: Promise<number>
  private readonly format: 'pcap' | 'pcapng'
  private readonly idb: PcapngInterfaceToWrite
  private readonly pending: ByteBuilder
  private pendingPackets = 0
  private readonly queue: Chunk[] = []
  private queuedBytes = 0
  private file: FileHandle | undefined
  private draining: Promise<void> | undefined
  private readonly timer: ReturnType<typeof setInterval>
  private failure: Error | undefined
  private closed = false
  private accepted = 0
  private droppedCount = 0
  private committedBytes = 0
  private readonly flushBytes: number
  private readonly maxQueuedBytes: number

  constructor(private readonly options: LiveFileOptions) {
    this.format = liveFormatOf(options.path)
    this.flushBytes = options.flushBytes ?? 256 * 1024
    this.maxQueuedBytes = options.maxQueuedBytes ?? 64 * 1024 * 1024
    this.pending = new ByteBuilder(true, this.flushBytes + LIVE_SNAPLEN + 64)
    this.idb = {
      linkType: options.linkType,
      snapLen: LIVE_SNAPLEN,
      name: options.interfaceName,
      description: options.description,
      tsResolution: { base: 10, exponent: 6 },
      filter: options.filter === '' ? undefined : options.filter,
      comments: [TIMESTAMP_COMMENT],
    }
    this.writeHeader()
    this.seal() // the header is a chunk of its own: onCommitted sees it before any packet
    this.timer = setInterval(() => this.seal(), options.flushIntervalMs ?? 100)
    this.timer.unref?.()
    this.ready = this.openFile()
    this.ready.catch(() => undefined) // the owner awaits it; the failure also reaches onError
  }

  /** Packets kept (written or on their way to the file). */
  get packets(): number {
    return this.accepted
  }

  /** Packets received but not kept: the disk fell behind, or writing failed. */
  get dropped(): number {
    return this.droppedCount
  }

  /** Bytes of the file on disk, all complete blocks. */
  get committed(): number {
    return this.committedBytes
  }

  get error(): Error | undefined {
    return this.failure
  }

  /** Appends one packet stamped `micros` (epoch µs); false when it had to be dropped (counted). */
  append(bytes: Uint8Array, micros: number): boolean {
    if (this.closed || this.failure || this.queuedBytes + this.pending.length + bytes.length > this.maxQueuedBytes) {
      this.droppedCount++
      return false
    }
    const { sec, nsec } = splitMicros(micros)
    const frame = { tsSec: sec, tsNsec: nsec, bytes, origLen: originalLength(bytes, this.options.linkType, LIVE_SNAPLEN) }
    if (this.format === 'pcapng') writePacket(this.pending, 'epb', frame, [this.idb])
    else writePcapRecord(this.pending, frame, false)
    this.pendingPackets++
    this.accepted++
    if (this.pending.length >= this.flushBytes) this.seal()
    return true
  }

  /** Writes what is pending, closes the file; resolves with its final size. Safe to call twice. */
  async close(): Promise<number> {
    if (!this.closed) {
      this.closed = true
      clearInterval(this.timer)
      this.seal()
    }
    await this.ready.catch(() => undefined)
    while (this.draining) await this.draining
    if (this.file) {
      const file = this.file
      this.file = undefined
      await file.close()
    }
    return this.committedBytes
  }

  private writeHeader(): void {
    if (this.format === 'pcapng') {
      writeSectionHeader(this.pending, { interfaces: [this.idb], frames: [], userApplication: 'TCP Lens' })
      writeInterface(this.pending, this.idb, true)
    } else {
      writePcapHeader(this.pending, { linkType: this.options.linkType, snapLen: LIVE_SNAPLEN })
    }
  }

  /** Moves the pending bytes into the queue for the disk. */
  private seal(): void {
    if (this.pending.length === 0) return
    const chunk = { bytes: this.pending.take(), packets: this.pendingPackets }
    this.pending.reset()
    this.pendingPackets = 0
    this.queue.push(chunk)
    this.queuedBytes += chunk.bytes.length
    this.kick()
  }

  private async openFile(): Promise<number> {
    try {
      this.file = await open(this.options.path, 'w')
    } catch (error) {
      this.fail(error as Error)
      throw error
    }
    this.kick()
    while (this.draining) await this.draining
    if (this.failure) throw this.failure
    return this.committedBytes
  }

  private kick(): void {
    if (this.draining || !this.file || this.failure) return
    this.draining = this.drain().finally(() => {
      this.draining = undefined
      // A chunk sealed while the last write was finishing.
      if (this.queue.length > 0) this.kick()
    })
  }

  private async drain(): Promise<void> {
    const file = this.file
    if (!file) return
    while (this.queue.length > 0 && !this.failure) {
      const chunk = this.queue[0]
      try {
        for (let at = 0; at < chunk.bytes.length; ) at += (await file.write(chunk.bytes, at, chunk.bytes.length - at)).bytesWritten
      } catch (error) {
        this.fail(error as Error)
        return
      }
      this.queue.shift()
      this.queuedBytes -= chunk.bytes.length
      this.committedBytes += chunk.bytes.length
      this.options.onCommitted?.(this.committedBytes)
    }
  }

  /** Writing failed: what was not written is counted as dropped, and nothing more is kept. */
  private fail(error: Error): void {
    if (this.failure) return
    this.failure = error
    for (const chunk of this.queue) this.moveToDropped(chunk.packets)
    this.moveToDropped(this.pendingPackets)
    this.queue.length = 0
    this.queuedBytes = 0
    this.pending.reset()
    this.pendingPackets = 0
    this.options.onError?.(error)
  }

  private moveToDropped(packets: number): void {
    this.accepted -= packets
    this.droppedCount += packets
  }
}

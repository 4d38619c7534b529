// Opening a capture: format detection by magic (pcap, pcapng, either one gzip-compressed),
// then one streaming pass in batches. A batch is every frame parsed from one chunk, made
// synchronously, so reading costs a promise per chunk rather than per frame.

import { BytesChunkSource, FileChunkSource, type ChunkSource } from './chunk-source'
import { FollowChunkSource } from './follow-source'
import { GunzipSource, GzipDamage } from './gunzip-source'
import type { LiveFeed } from './live-feed'
import { PcapParser, pcapCaptureInfo, pcapMagic, readPcapHeader, PCAP_HEADER_LENGTH } from './pcap'
import { PcapngParser, emptyPcapngInfo } from './pcapng'
import { BLOCK } from './pcapng-codes'
import { ReadBuffer } from './read-buffer'
import type { RecordParser } from './record-parser'
import { CaptureError, type CaptureInfo, type RawFrame } from './source'

export interface OpenOptions {
  /** Bytes read at a time; default 1 MiB. Tests use tiny ones to make records straddle chunks. */
  chunkSize?: number
  /**
   * The file grows while it is read (a live capture): read only the bytes the feed says are
   * complete, wait at that point for more, and end only after the feed's end (or on close()).
   */
  follow?: LiveFeed
}

export interface CaptureReader {
  /** What the file says about itself; grows while a pcapng file is read (IDBs, NRBs, ISBs). */
  readonly info: CaptureInfo
  /** Size of the file on disk (compressed size for gzip); a followed file: the bytes complete so far. */
  readonly fileSize: number
  /** Bytes of the file on disk read so far, for progress. */
  readonly bytesRead: number
  /**
   * The frames, one array per chunk read. A frame's `bytes` is a view into the reader's buffer,
   * valid until the next batch is asked for. Ends at a clean end of file; on damage, yields
   * every good frame before it, then throws a CaptureError. A reader can be iterated once.
   */
  batches(): AsyncIterable<RawFrame[]>
  /** The same frames one at a time (the same validity rule for `bytes`). */
  frames(): AsyncIterable<RawFrame>
  close(): Promise<void>
}

const DEFAULT_CHUNK_SIZE = 1 << 20

export type CaptureKind = 'pcap' | 'pcapng' | 'gzip'

/** What the first bytes of a file say it is, or undefined. */
export function captureKindOf(bytes: Uint8Array): CaptureKind | undefined {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip'
  if (pcapMagic(bytes)) return 'pcap'
  if (bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) === BLOCK.SECTION_HEADER) return 'pcapng'
  return undefined
}

/** Opens a capture file. Throws CaptureError ('io', 'empty', 'not-capture', or damage in the file header) before any frame. */
export async function openCapture(path: string, options: OpenOptions = {}): Promise<CaptureReader> {
  const feed = options.follow
  if (feed) {
    const followed = await FollowChunkSource.open(path, feed)
    return openSource(followed, () => followed.size, options)
  }
  const source = await FileChunkSource.open(path)
  const size = source.size
  return openSource(source, () => size, options)
}

/** The same over bytes in memory. */
export async function openCaptureBytes(bytes: Uint8Array, options: OpenOptions = {}): Promise<CaptureReader> {
  return openSource(new BytesChunkSource(bytes), () => bytes.length, options)
}

function chunkSizeOf(options: OpenOptions): number {
  const size = options.chunkSize ?? DEFAULT_CHUNK_SIZE
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunkSize must be a positive integer, not ${size}`)
  return size
}

async function openSource(raw: ChunkSource, fileSize: () => number, options: OpenOptions): Promise<CaptureReader> {
  const chunkSize = chunkSizeOf(options)
  let stream = new ReadBuffer(raw, chunkSize)
  try {
    await stream.fill(4)
    if (stream.available === 0) throw new CaptureError('empty', 'empty file: there is nothing to read', { offset: 0 })
    let gzip = false
    if (captureKindOf(stream.buf.subarray(stream.start, stream.end)) === 'gzip') {
      gzip = true
      stream = new ReadBuffer(new GunzipSource(raw, stream.buf.slice(stream.start, stream.end)), chunkSize)
      await fillAtOpen(stream, 4)
      if (stream.available === 0) throw new CaptureError('empty', 'empty file: the gzip data holds nothing', { offset: 0 })
    }
    const head = stream.buf.subarray(stream.start, stream.end)
    const kind = captureKindOf(head)
    let parser: RecordParser
    if (kind === 'pcap') {
      await fillAtOpen(stream, PCAP_HEADER_LENGTH)
      const header = readPcapHeader(stream.buf.subarray(stream.start, stream.end))
      stream.start += PCAP_HEADER_LENGTH
      parser = new PcapParser(pcapCaptureInfo(header, gzip), header)
    } else if (kind === 'pcapng') {
      parser = new PcapngParser(emptyPcapngInfo(gzip))
    } else {
      const what = gzip ? 'gzip-compressed data with an unknown magic' : 'unknown magic at byte 0'
      throw new CaptureError('not-capture', `not a pcap or pcapng file (${what})`, { offset: 0 })
    }
    const reader = new StreamingReader(stream, parser, fileSize)
    await reader.start()
    return reader
  } catch (err) {
    await stream.source.close()
    await raw.close()
    throw err
  }
}

/** fill() for the file header: gzip damage this early means the file is not a capture. */
async function fillAtOpen(stream: ReadBuffer, n: number): Promise<void> {
  try {
    await stream.fill(n)
  } catch (err) {
    if (err instanceof GzipDamage) throw new CaptureError('not-capture', `not a pcap or pcapng file (gzip data is corrupt: ${err.message})`, { offset: 0 })
    throw err
  }
}

class StreamingReader implements CaptureReader {
  readonly info: CaptureInfo
  /** Frames parsed while opening (the rest of the first chunk), handed out first. */
  private pending: RawFrame[] = []
  private deferred?: unknown
  private iterated = false
  private closed = false

  constructor(
    private readonly stream: ReadBuffer,
    private readonly parser: RecordParser,
    private readonly sizeOfFile: () => number,
  ) {
    this.info = parser.info
  }

  get fileSize(): number {
    return this.sizeOfFile()
  }

  get bytesRead(): number {
    return this.stream.source.bytesRead
  }

  /**
   * Parses the first chunk, so `info` already lists what it holds. Damage before the file
   * header is complete (no pcapng section yet) is thrown from open; later damage waits for
   * the iteration, after the frames before it.
   */
  async start(): Promise<void> {
    const headerDone = () => this.info.sections.length > 0
    for (;;) {
      if (headerDone()) await this.fillOrDamage(this.parser.need)
      else await fillAtOpen(this.stream, this.parser.need)
      const s = this.stream
      if (s.available < this.parser.need) {
        if (!headerDone()) throw this.cutShort()
        if (s.available > 0 || s.gzipCut) this.deferred = this.cutShort()
        return
      }
      try {
        this.advance(this.pending)
      } catch (err) {
        if (!headerDone()) throw err
        this.deferred = err
        return
      }
      if (headerDone()) return
    }
  }

  private async fillOrDamage(n: number): Promise<void> {
    try {
      await this.stream.fill(n)
    } catch (err) {
      if (!(err instanceof GzipDamage)) throw err
      throw new CaptureError('bad-block', `gzip data is corrupt after byte ${this.stream.base + this.stream.end} of the uncompressed capture (${err.message})`, {
        offset: this.stream.base + this.stream.end,
      })
    }
  }

  /**
   * The error for a file that ends inside a record. The parser looks at the record once more
   * with every byte the file has, so what it says does not depend on where chunks ended.
   */
  private cutShort(): CaptureError {
    const s = this.stream
    if (s.available > 0) {
      try {
        this.advance([]) // cannot make a frame: the parser already needed more than the file has
      } catch (err) {
        if (err instanceof CaptureError) return err
        throw err
      }
    }
    if (s.available === 0) {
      const at = s.base + s.end
      return new CaptureError('truncated', `cut short: the gzip data ends early, after byte ${at} of the uncompressed capture`, { offset: at })
    }
    return this.parser.cutShort(s.base + s.end)
  }

  /** Parses what the buffer holds into `out`; a parser that neither advances nor asks for more is a bug, not a hang. */
  private advance(out: RawFrame[]): void {
    const s = this.stream
    const before = s.start
    s.start = this.parser.parse(s.buf, s.view, s.start, s.end, s.base, out)
    if (s.start === before && s.available >= this.parser.need) {
      throw new Error(`capture parser made no progress at byte ${s.base + s.start}`)
    }
  }

  async *batches(): AsyncGenerator<RawFrame[]> {
    if (this.iterated) throw new Error('a capture reader can be iterated only once')
    this.iterated = true
    if (this.pending.length) {
      const first = this.pending
      this.pending = []
      yield first
    }
    if (this.deferred) throw this.deferred
    const s = this.stream
    for (;;) {
      await this.fillOrDamage(this.parser.need)
      // Closed while reading (the user cancelled): the end of the bytes is not the end of the file.
      if (this.closed) return
      if (s.available < this.parser.need) {
        if (s.available > 0 || s.gzipCut) throw this.cutShort()
        return
      }
      const out: RawFrame[] = []
      let damage: unknown
      try {
        this.advance(out)
      } catch (err) {
        damage = err
      }
      if (out.length) yield out
      if (damage) throw damage
    }
  }

  async *frames(): AsyncGenerator<RawFrame> {
    for await (const batch of this.batches()) {
      for (const frame of batch) yield frame
    }
  }

  async close(): Promise<void> {
    this.closed = true
    await this.stream.source.close()
  }
}

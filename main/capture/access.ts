// Random access: reading one frame again by the file offset the streaming pass gave it
// (decode on demand). gzip files cannot be sought in, so their uncompressed stream is spooled
// once to a temporary file, removed on close().

import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { blockReads, type ReadAt } from './block-reads'
import { BytesChunkSource, FileChunkSource, ioError, type ChunkSource } from './chunk-source'
import { GunzipSource, GzipDamage } from './gunzip-source'
import { PcapParser, type PcapHeader } from './pcap'
import { PcapngParser, MAX_BLOCK_LENGTH } from './pcapng'
import { blockTypeName, isPacketBlock } from './pcapng-codes'
import { CaptureError, MAX_CAPLEN, type CaptureInfo, type RawFrame } from './source'

export interface FrameAccess {
  /** The frame whose record starts at `fileOffset`, numbered `no`, with bytes of its own. */
  read(fileOffset: number, no: number): Promise<RawFrame>
  close(): Promise<void>
}

/** Something that reads bytes at an offset: a file, a spooled file, or memory. */
interface Positional {
  readAt: ReadAt
  close(): Promise<void>
}

const PCAP_RECORD_HEADER = 16
const PCAPNG_BLOCK_HEADER = 12

export interface FrameAccessOptions {
  /** Where a gzip file's uncompressed stream is spooled; default os.tmpdir(). */
  tmpDir?: string
}

/** Opens `path` for random access; `info` is what the streaming pass of the same file found. */
export async function openFrameAccess(path: string, info: CaptureInfo, options: FrameAccessOptions = {}): Promise<FrameAccess> {
  const positional = info.gzip ? await spoolGzip(path, options.tmpDir ?? tmpdir()) : await fileAt(path)
  return new CaptureAccess(positional, info)
}

/** The same over bytes in memory (gzip ones are decompressed in memory). */
export async function openFrameAccessBytes(bytes: Uint8Array, info: CaptureInfo): Promise<FrameAccess> {
  const plain = info.gzip ? await gunzipAll(new BytesChunkSource(bytes), bytes.subarray(0, 0)) : bytes
  return new CaptureAccess(memoryAt(plain), info)
}

async function fileAt(path: string): Promise<Positional> {
  let file: FileHandle
  try {
    file = await open(path, 'r')
  } catch (err) {
    throw ioError(path, err)
  }
  return {
    readAt: blockReads(async (offset, length) => {
      const out = new Uint8Array(length)
      let got = 0
      while (got < length) {
        const { bytesRead } = await file.read(out, got, length - got, offset + got)
        if (bytesRead === 0) break
        got += bytesRead
      }
      return got === length ? out : out.subarray(0, got)
    }),
    close: () => file.close(),
  }
}

function memoryAt(bytes: Uint8Array): Positional {
  return {
    async readAt(offset, length) {
      return bytes.slice(offset, offset + length)
    },
    async close() {},
  }
}

/** Decompresses everything up to the end or the first damage (the stream pass reported it). */
async function drain(source: ChunkSource, write: (chunk: Uint8Array) => Promise<void>): Promise<void> {
  const chunk = new Uint8Array(1 << 20)
  try {
    for (;;) {
      const n = await source.read(chunk, 0, chunk.length)
      if (n === 0) return
      await write(chunk.subarray(0, n))
    }
  } catch (err) {
    if (!(err instanceof GzipDamage)) throw err
  } finally {
    await source.close()
  }
}

async function gunzipAll(raw: ChunkSource, prefix: Uint8Array): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  await drain(new GunzipSource(raw, prefix), async (chunk) => void parts.push(chunk.slice()))
  return new Uint8Array(Buffer.concat(parts))
}

async function spoolGzip(path: string, tmpDir: string): Promise<Positional> {
  const dir = await mkdtemp(join(tmpDir, 'tcplens-'))
  const spoolPath = join(dir, 'capture.uncompressed')
  try {
    const out = await open(spoolPath, 'w')
    try {
      await drain(new GunzipSource(await FileChunkSource.open(path), new Uint8Array(0)), async (chunk) => {
        for (let at = 0; at < chunk.length; ) at += (await out.write(chunk, at, chunk.length - at)).bytesWritten
      })
    } finally {
      await out.close()
    }
    const spooled = await fileAt(spoolPath)
    return {
      readAt: spooled.readAt,
      async close() {
        await spooled.close()
        await rm(dir, { recursive: true, force: true })
      },
    }
  } catch (err) {
    await rm(dir, { recursive: true, force: true })
    throw err
  }
}

class CaptureAccess implements FrameAccess {
  private pcap?: PcapParser
  /** Parsers per pcapng section, rebuilt if the info grew since. */
  private sectionParsers = new Map<number, PcapngParser>()
  private interfacesSeen = -1

  constructor(
    private readonly positional: Positional,
    private readonly info: CaptureInfo,
  ) {}

  async read(fileOffset: number, no: number): Promise<RawFrame> {
    if (!Number.isSafeInteger(fileOffset) || fileOffset < 0) throw new RangeError(`not a file offset: ${fileOffset}`)
    const frame = this.info.format === 'pcapng' ? await this.readBlock(fileOffset, no) : await this.readRecord(fileOffset, no)
    frame.bytes = frame.bytes.slice()
    return frame
  }

  close(): Promise<void> {
    return this.positional.close()
  }

  private async readRecord(offset: number, no: number): Promise<RawFrame> {
    const header = await this.positional.readAt(offset, PCAP_RECORD_HEADER)
    const section = this.info.sections[0]
    if (header.length < PCAP_RECORD_HEADER) throw missing(offset, no, PCAP_RECORD_HEADER, header.length)
    const capLen = new DataView(header.buffer, header.byteOffset).getUint32(8, section.littleEndian)
    const length = PCAP_RECORD_HEADER + Math.min(capLen, MAX_CAPLEN + 1) // the parser reports the oversize
    const record = await this.positional.readAt(offset, length)
    if (!this.pcap) {
      const iface = this.info.interfaces[0]
      const pcapHeader: PcapHeader = {
        littleEndian: section.littleEndian,
        nanosecond: this.info.format === 'pcap-ns',
        version: section.version,
        snapLen: iface.snapLen,
        linkType: iface.linkType,
      }
      this.pcap = new PcapParser(this.info, pcapHeader)
    }
    return this.one(this.pcap, record, offset, no)
  }

  private async readBlock(offset: number, no: number): Promise<RawFrame> {
    const sectionIndex = this.sectionAt(offset)
    const le = this.info.sections[sectionIndex].littleEndian
    const header = await this.positional.readAt(offset, PCAPNG_BLOCK_HEADER)
    if (header.length < PCAPNG_BLOCK_HEADER) throw missing(offset, no, PCAPNG_BLOCK_HEADER, header.length)
    const view = new DataView(header.buffer, header.byteOffset)
    const type = view.getUint32(0, le)
    if (!isPacketBlock(type)) {
      throw new CaptureError('bad-block', `frame ${no} is not at byte ${offset}: a ${blockTypeName(type)} is there`, { frame: no, offset })
    }
    const length = Math.min(view.getUint32(4, le), MAX_BLOCK_LENGTH + 4) // the parser reports the oversize
    const block = await this.positional.readAt(offset, Math.max(length, PCAPNG_BLOCK_HEADER))
    return this.one(this.parserFor(sectionIndex), block, offset, no)
  }

  private sectionAt(offset: number): number {
    const sections = this.info.sections
    let index = 0
    while (index + 1 < sections.length && sections[index + 1].offset <= offset) index++
    if (sections.length === 0 || (index === 0 && offset < sections[0].offset)) {
      throw new CaptureError('bad-block', `no pcapng section holds byte ${offset}`, { offset })
    }
    return index
  }

  private parserFor(section: number): PcapngParser {
    if (this.interfacesSeen !== this.info.interfaces.length) {
      this.sectionParsers.clear()
      this.interfacesSeen = this.info.interfaces.length
    }
    let parser = this.sectionParsers.get(section)
    if (!parser) {
      parser = new PcapngParser(this.info, section)
      this.sectionParsers.set(section, parser)
    }
    return parser
  }

  /** Parses the one record in `bytes` with the streaming pass's own code, so fields match. */
  private one(parser: PcapParser | PcapngParser, bytes: Uint8Array, offset: number, no: number): RawFrame {
    parser.nextNo = no
    const out: RawFrame[] = []
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    parser.parse(bytes, view, 0, bytes.length, offset, out)
    if (out.length === 1) return out[0]
    throw parser.cutShort(offset + bytes.length)
  }
}

function missing(offset: number, no: number, expected: number, have: number): CaptureError {
  return new CaptureError('truncated', `cut short in the middle of frame ${no} (record at byte ${offset}: ${expected} bytes expected, ${have} in file)`, {
    frame: no,
    offset,
  })
}


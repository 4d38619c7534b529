// Writers for pcap and pcapng: whole files in memory (test fixtures, small exports) and a
// streaming file writer (saving live captures). They write what they are given, odd values
// included, so tests can build damaged or unusual files with them.

import { open, type FileHandle } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { parseIpv4, parseIpv6 } from './address-text'
import { ByteBuilder } from './byte-builder'
import { BLOCK, BYTE_ORDER_MAGIC, NAME_RECORD, OPTION } from './pcapng-codes'
import type { CaptureFormat, NameRecord, TsResolution } from './source'
import { encodeTsResolution, ticksFor } from './timestamp'

export interface FrameToWrite {
  tsSec: number
  tsNsec: number
  bytes: Uint8Array
  /** Bytes on the wire; default bytes.length. */
  origLen?: number
  /** pcapng: the section-local interface id; default 0. */
  interfaceId?: number
  /** pcapng: opt_comment options of the packet block (EPB and PB only). */
  comments?: string[]
}

export interface PcapWriteOptions {
  linkType: number
  /** Default 262144. */
  snapLen?: number
  /** Write the nanosecond magic (a1b23c4d) and nanosecond fractions. */
  nanosecond?: boolean
  bigEndian?: boolean
}

export interface PcapngInterfaceToWrite {
  linkType: number
  /** Default 262144; 0 means "no limit" in pcapng. */
  snapLen?: number
  name?: string
  description?: string
  os?: string
  filter?: string
  /** Default {base: 10, exponent: 6}; written as if_tsresol only when given. */
  tsResolution?: TsResolution
  /** if_tsoffset in seconds. */
  tsOffset?: number
  /** opt_comment options of the IDB. */
  comments?: string[]
}

export interface PcapngSectionToWrite {
  bigEndian?: boolean
  comments?: string[]
  hardware?: string
  os?: string
  userApplication?: string
  interfaces: PcapngInterfaceToWrite[]
  frames: FrameToWrite[]
  /** Which block carries the packets; default 'epb'. SPB stores no time, no interface, no comments. */
  packetBlock?: 'epb' | 'spb' | 'pb'
  names?: NameRecord[]
  /** Written as Interface Statistics Blocks after the packets. */
  stats?: Array<{ interfaceId: number; received?: number; dropped?: number }>
  /** Raw blocks (custom, unknown…), written after the interfaces and before the packets. */
  extraBlocks?: Array<{ type: number; body: Uint8Array }>
}

export const DEFAULT_SNAPLEN = 262144
const MICROSECONDS: TsResolution = { base: 10, exponent: 6 }
const utf8 = new TextEncoder()

// ---------------------------------------------------------------- pcap

export function writePcapHeader(out: ByteBuilder, options: PcapWriteOptions): void {
  out.u32(options.nanosecond ? 0xa1b23c4d : 0xa1b2c3d4)
  out.u16(2).u16(4) // version 2.4
  out.u32(0).u32(0) // thiszone, sigfigs: always 0 in practice
  out.u32(options.snapLen ?? DEFAULT_SNAPLEN)
  out.u32(options.linkType)
}

export function writePcapRecord(out: ByteBuilder, frame: FrameToWrite, nanosecond: boolean): void {
  out.u32(frame.tsSec)
  out.u32(nanosecond ? frame.tsNsec : Math.floor(frame.tsNsec / 1000))
  out.u32(frame.bytes.length)
  out.u32(frame.origLen ?? frame.bytes.length)
  out.bytes(frame.bytes)
}

export function encodePcap(frames: Iterable<FrameToWrite>, options: PcapWriteOptions): Uint8Array {
  const out = new ByteBuilder(!options.bigEndian)
  writePcapHeader(out, options)
  for (const frame of frames) writePcapRecord(out, frame, options.nanosecond === true)
  return out.take()
}

// ---------------------------------------------------------------- pcapng

/** Writes one block: header, the body `fill` writes, padding, and the trailing length. */
function writeBlock(out: ByteBuilder, type: number, fill: () => void): void {
  const start = out.length
  out.u32(type).u32(0)
  fill()
  out.pad4()
  const length = out.length - start + 4
  out.u32(length)
  out.patchU32(start + 4, length)
}

function writeOption(out: ByteBuilder, code: number, value: Uint8Array): void {
  out.u16(code).u16(value.length).bytes(value).pad4()
}

/** Writes the options that are set, then opt_endofopt if there were any. */
function writeOptions(out: ByteBuilder, options: Array<[number, Uint8Array | undefined]>): void {
  let any = false
  for (const [code, value] of options) {
    if (value === undefined) continue
    writeOption(out, code, value)
    any = true
  }
  if (any) out.u16(OPTION.END).u16(0)
}

const text = (s: string | undefined) => (s === undefined ? undefined : utf8.encode(s))
const comments = (list: string[] | undefined): Array<[number, Uint8Array]> =>
  (list ?? []).map((c) => [OPTION.COMMENT, utf8.encode(c)])

function int64Bytes(value: number, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(8)
  new DataView(bytes.buffer).setBigInt64(0, BigInt(value), littleEndian)
  return bytes
}

export function writeSectionHeader(out: ByteBuilder, section: PcapngSectionToWrite): void {
  writeBlock(out, BLOCK.SECTION_HEADER, () => {
    out.u32(BYTE_ORDER_MAGIC).u16(1).u16(0)
    out.u64(-1) // section length: unknown, which every reader accepts
    writeOptions(out, [
      ...comments(section.comments),
      [OPTION.SHB_HARDWARE, text(section.hardware)],
      [OPTION.SHB_OS, text(section.os)],
      [OPTION.SHB_USER_APPLICATION, text(section.userApplication)],
    ])
  })
}

export function writeInterface(out: ByteBuilder, iface: PcapngInterfaceToWrite, littleEndian: boolean): void {
  writeBlock(out, BLOCK.INTERFACE_DESCRIPTION, () => {
    out.u16(iface.linkType).u16(0).u32(iface.snapLen ?? DEFAULT_SNAPLEN)
    const filter = iface.filter === undefined ? undefined : new Uint8Array([0, ...utf8.encode(iface.filter)])
    writeOptions(out, [
      [OPTION.IF_NAME, text(iface.name)],
      [OPTION.IF_DESCRIPTION, text(iface.description)],
      [OPTION.IF_TSRESOL, iface.tsResolution && new Uint8Array([encodeTsResolution(iface.tsResolution)])],
      [OPTION.IF_FILTER, filter],
      [OPTION.IF_OS, text(iface.os)],
      [OPTION.IF_TSOFFSET, iface.tsOffset === undefined ? undefined : int64Bytes(iface.tsOffset, littleEndian)],
      ...comments(iface.comments),
    ])
  })
}

function interfaceOf(interfaces: PcapngInterfaceToWrite[], frame: FrameToWrite): PcapngInterfaceToWrite {
  // An id with no interface is written as given (damaged-file fixtures); time it in µs.
  return interfaces[frame.interfaceId ?? 0] ?? { linkType: 1 }
}

export function writePacket(out: ByteBuilder, kind: 'epb' | 'spb' | 'pb', frame: FrameToWrite, interfaces: PcapngInterfaceToWrite[]): void {
  const origLen = frame.origLen ?? frame.bytes.length
  if (kind === 'spb') {
    writeBlock(out, BLOCK.SIMPLE_PACKET, () => out.u32(origLen).bytes(frame.bytes))
    return
  }
  const iface = interfaceOf(interfaces, frame)
  const ts = ticksFor(frame.tsSec, frame.tsNsec, iface.tsResolution ?? MICROSECONDS, iface.tsOffset ?? 0)
  writeBlock(out, kind === 'epb' ? BLOCK.ENHANCED_PACKET : BLOCK.PACKET, () => {
    if (kind === 'epb') out.u32(frame.interfaceId ?? 0)
    else out.u16(frame.interfaceId ?? 0).u16(0) // PB: 16-bit interface id, then drops count
    out.u32(ts.high).u32(ts.low).u32(frame.bytes.length).u32(origLen)
    out.bytes(frame.bytes).pad4()
    writeOptions(out, comments(frame.comments))
  })
}

function writeNames(out: ByteBuilder, names: NameRecord[]): void {
  writeBlock(out, BLOCK.NAME_RESOLUTION, () => {
    for (const record of names) {
      const v4 = parseIpv4(record.address)
      const address = v4 ?? parseIpv6(record.address)
      if (!address) throw new RangeError(`not an IP address: ${record.address}`)
      const value = new ByteBuilder(true)
      value.bytes(address)
      for (const name of record.names) value.bytes(utf8.encode(name)).u8(0)
      out.u16(v4 ? NAME_RECORD.IPV4 : NAME_RECORD.IPV6).u16(value.length).bytes(value.peek()).pad4()
    }
    out.u16(NAME_RECORD.END).u16(0)
  })
}

function writeStatistics(out: ByteBuilder, stat: { interfaceId: number; received?: number; dropped?: number }, littleEndian: boolean): void {
  const u64 = (n: number | undefined) => (n === undefined ? undefined : new ByteBuilder(littleEndian, 8).u64(n).take())
  writeBlock(out, BLOCK.INTERFACE_STATISTICS, () => {
    out.u32(stat.interfaceId).u32(0).u32(0)
    writeOptions(out, [
      [OPTION.ISB_IFRECV, u64(stat.received)],
      [OPTION.ISB_IFDROP, u64(stat.dropped)],
    ])
  })
}

function writeSection(out: ByteBuilder, section: PcapngSectionToWrite): void {
  const littleEndian = !section.bigEndian
  writeSectionHeader(out, section)
  for (const iface of section.interfaces) writeInterface(out, iface, littleEndian)
  if (section.names?.length) writeNames(out, section.names)
  for (const block of section.extraBlocks ?? []) writeBlock(out, block.type, () => out.bytes(block.body))
  for (const frame of section.frames) writePacket(out, section.packetBlock ?? 'epb', frame, section.interfaces)
  for (const stat of section.stats ?? []) writeStatistics(out, stat, littleEndian)
}

export function encodePcapng(sections: PcapngSectionToWrite | PcapngSectionToWrite[]): Uint8Array {
  const parts = (Array.isArray(sections) ? sections : [sections]).map((section) => {
    const out = new ByteBuilder(!section.bigEndian)
    writeSection(out, section)
    return out.take()
  })
  return new Uint8Array(Buffer.concat(parts))
}

export function gzipCapture(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(gzipSync(bytes))
}

// ---------------------------------------------------------------- streaming file writer

export interface CaptureFileWriter {
  /** Appends one frame; resolves once it is buffered (or flushed, when the buffer is full). */
  write(frame: FrameToWrite): Promise<void>
  /** Frames written so far. */
  readonly frames: number
  /** Flushes and closes the file. Safe to call twice. */
  close(): Promise<void>
}

const FLUSH_AT = 1 << 20

/**
 * Opens `path` for writing (replacing it) and writes the file header: a pcap header, or a
 * pcapng section (user application "TCP Lens") with one IDB per interface given.
 * For pcap formats only the first interface's linkType and snapLen are used.
 */
export async function createCaptureFileWriter(
  path: string,
  format: CaptureFormat,
  iface: PcapngInterfaceToWrite | PcapngInterfaceToWrite[],
  /** pcapng: the section header's comments, hardware and OS (a saved copy keeps the original's). */
  section: Pick<PcapngSectionToWrite, 'comments' | 'hardware' | 'os'> = {},
): Promise<CaptureFileWriter> {
  const interfaces = Array.isArray(iface) ? iface : [iface]
  if (interfaces.length === 0) throw new RangeError('a capture file needs at least one interface')
  const file: FileHandle = await open(path, 'w')
  const out = new ByteBuilder(true, FLUSH_AT + 65536)
  const nanosecond = format === 'pcap-ns'
  if (format === 'pcapng') {
    writeSectionHeader(out, { ...section, interfaces, frames: [], userApplication: 'TCP Lens' })
    for (const each of interfaces) writeInterface(out, each, true)
  } else {
    writePcapHeader(out, { linkType: interfaces[0].linkType, snapLen: interfaces[0].snapLen, nanosecond })
  }
  let frames = 0
  let closed = false
  // One flush at a time: a caller that does not await write() must not interleave two.
  let flushing: Promise<void> = Promise.resolve()
  const flushNow = async () => {
    const data = out.take()
    out.reset()
    for (let at = 0; at < data.length; ) at += (await file.write(data, at, data.length - at)).bytesWritten
  }
  const flush = () => {
    flushing = flushing.then(() => (out.length === 0 ? undefined : flushNow()))
    return flushing
  }
  return {
    get frames() {
      return frames
    },
    async write(frame) {
      if (closed) throw new Error('capture file writer is closed')
      if (format === 'pcapng') writePacket(out, 'epb', frame, interfaces)
      else writePcapRecord(out, frame, nanosecond)
      frames++
      if (out.length >= FLUSH_AT) await flush()
    },
    async close() {
      if (closed) return
      closed = true
      try {
        await flush()
      } finally {
        await file.close()
      }
    },
  }
}

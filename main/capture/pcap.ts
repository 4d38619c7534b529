// Classic pcap (libpcap) files: a 24-byte file header, then records of a 16-byte header
// (ts_sec, ts_usec or ts_nsec, incl_len, orig_len) and incl_len bytes. Both byte orders,
// microsecond (a1b2c3d4) and nanosecond (a1b23c4d) magics.

import { frameNotes } from './frame-notes'
import type { RecordParser } from './record-parser'
import { CaptureError, MAX_CAPLEN, type CaptureInfo, type RawFrame } from './source'

export const PCAP_HEADER_LENGTH = 24
const RECORD_HEADER_LENGTH = 16

export interface PcapHeader {
  littleEndian: boolean
  nanosecond: boolean
  version: string
  snapLen: number
  /** LINKTYPE_*: the low 16 bits of the header's link-type field (the rest carries FCS info). */
  linkType: number
}

/** The byte order and precision a pcap magic at `at` stands for; undefined if it is not one. */
export function pcapMagic(bytes: Uint8Array, at = 0): { littleEndian: boolean; nanosecond: boolean } | undefined {
  if (bytes.length < at + 4) return undefined
  const big = ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0
  const little = ((bytes[at + 3] << 24) | (bytes[at + 2] << 16) | (bytes[at + 1] << 8) | bytes[at]) >>> 0
  if (big === 0xa1b2c3d4) return { littleEndian: false, nanosecond: false }
  if (big === 0xa1b23c4d) return { littleEndian: false, nanosecond: true }
  if (little === 0xa1b2c3d4) return { littleEndian: true, nanosecond: false }
  if (little === 0xa1b23c4d) return { littleEndian: true, nanosecond: true }
  return undefined
}

/** Reads the file header from bytes that start with a pcap magic. */
export function readPcapHeader(bytes: Uint8Array): PcapHeader {
  const magic = pcapMagic(bytes)
  if (!magic) throw new CaptureError('not-capture', 'not a pcap or pcapng file (unknown magic at byte 0)', { offset: 0 })
  if (bytes.length < PCAP_HEADER_LENGTH) {
    throw new CaptureError(
      'truncated',
      `cut short in the middle of the pcap file header (byte 0: ${PCAP_HEADER_LENGTH} bytes expected, ${bytes.length} in file)`,
      { offset: 0 },
    )
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, PCAP_HEADER_LENGTH)
  const le = magic.littleEndian
  const major = view.getUint16(4, le)
  // Wireshark refuses versions before 2 (pre-1998 libpcap) and reads any later one.
  if (major < 2) {
    throw new CaptureError('not-capture', `not a pcap or pcapng file TCP Lens can read (pcap major version ${major} at byte 4)`, { offset: 4 })
  }
  return {
    ...magic,
    version: `${major}.${view.getUint16(6, le)}`,
    snapLen: view.getUint32(16, le),
    linkType: view.getUint32(20, le) & 0xffff,
  }
}

export function pcapCaptureInfo(header: PcapHeader, gzip: boolean): CaptureInfo {
  return {
    format: header.nanosecond ? 'pcap-ns' : 'pcap',
    gzip,
    sections: [{ offset: 0, littleEndian: header.littleEndian, version: header.version, comments: [] }],
    interfaces: [
      {
        id: 0,
        section: 0,
        linkType: header.linkType,
        snapLen: header.snapLen,
        tsResolution: { base: 10, exponent: header.nanosecond ? 9 : 6 },
        tsOffset: 0,
      },
    ],
    names: [],
  }
}

export class PcapParser implements RecordParser {
  need = RECORD_HEADER_LENGTH
  /** The number the next frame gets; random access sets it before parsing one record. */
  nextNo = 1
  private readonly littleEndian: boolean
  private readonly fractionToNsec: number
  private readonly fractionsPerSecond: number
  private readonly snapLen: number
  private readonly linkType: number
  private stopOffset = 0

  constructor(
    readonly info: CaptureInfo,
    header: PcapHeader,
  ) {
    this.littleEndian = header.littleEndian
    this.fractionToNsec = header.nanosecond ? 1 : 1000
    this.fractionsPerSecond = header.nanosecond ? 1e9 : 1e6
    this.snapLen = header.snapLen
    this.linkType = header.linkType
  }

  parse(buf: Uint8Array, view: DataView, pos: number, end: number, base: number, out: RawFrame[]): number {
    const le = this.littleEndian
    for (;;) {
      if (end - pos < RECORD_HEADER_LENGTH) {
        this.need = RECORD_HEADER_LENGTH
        break
      }
      const capLen = view.getUint32(pos + 8, le)
      if (capLen > MAX_CAPLEN) {
        throw new CaptureError(
          'too-large',
          `frame ${this.nextNo} (record at byte ${base + pos}) claims ${capLen} captured bytes, over the maximum of ${MAX_CAPLEN}`,
          { frame: this.nextNo, offset: base + pos },
        )
      }
      const length = RECORD_HEADER_LENGTH + capLen
      if (end - pos < length) {
        this.need = length
        break
      }
      let tsSec = view.getUint32(pos, le)
      let fraction = view.getUint32(pos + 4, le)
      // A fraction of a second or more (broken writers): carry it, so tsNsec stays < 1e9.
      if (fraction >= this.fractionsPerSecond) {
        tsSec += Math.floor(fraction / this.fractionsPerSecond)
        fraction %= this.fractionsPerSecond
      }
      const origLen = view.getUint32(pos + 12, le)
      const frame: RawFrame = {
        no: this.nextNo++,
        tsSec,
        tsNsec: fraction * this.fractionToNsec,
        capLen,
        origLen,
        linkType: this.linkType,
        interfaceId: 0,
        bytes: buf.subarray(pos + RECORD_HEADER_LENGTH, pos + length),
        fileOffset: base + pos,
      }
      const notes = frameNotes(capLen, origLen, this.snapLen)
      if (notes) frame.notes = notes
      out.push(frame)
      pos += length
    }
    this.stopOffset = base + pos
    return pos
  }

  cutShort(fileEnd: number): CaptureError {
    const at = this.stopOffset
    const have = fileEnd - at
    const what = have < RECORD_HEADER_LENGTH ? 'record header' : 'record'
    return new CaptureError(
      'truncated',
      `cut short in the middle of frame ${this.nextNo} (${what} at byte ${at}: ${this.need} bytes expected, ${have} in file)`,
      { frame: this.nextNo, offset: at },
    )
  }
}

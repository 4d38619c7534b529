// pcapng files (draft-ietf-opsawg-pcapng): a sequence of sections, each a Section Header
// Block (its own byte order) followed by blocks that refer to the section's own interfaces.
// Packets come in Enhanced (EPB), Simple (SPB) and obsolete Packet Blocks (PB); interfaces,
// names and statistics arrive in IDB, NRB and ISB blocks and grow CaptureInfo as they come.
// Unknown and custom blocks are skipped by their length.
//
// Interface ids: a packet block names a section-local interface; frames carry the global
// index into CaptureInfo.interfaces (section-local id + interfaces of earlier sections).

import { ipv4Text, ipv6Text } from './address-text'
import { frameNotes } from './frame-notes'
import { BLOCK, BYTE_ORDER_MAGIC, NAME_RECORD, OPTION, blockTypeName, isPacketBlock } from './pcapng-codes'
import { forEachOption, nulSeparatedTexts, optionText, type BlockPlace } from './pcapng-options'
import type { RecordParser } from './record-parser'
import { CaptureError, MAX_CAPLEN, type CaptureInfo, type InterfaceInfo, type RawFrame, type SectionInfo } from './source'
import { TickClock, decodeTsResolution } from './timestamp'

/** Blocks longer than this are damage: no real block comes near (packets are <= 256 KiB). */
export const MAX_BLOCK_LENGTH = 16 * 1024 * 1024
/** Type, length and (in an SHB) the byte-order magic: enough to know any block's length. */
const BLOCK_HEADER_LENGTH = 12


interface InterfaceClock {
  clock: TickClock
  linkType: number
  snapLen: number
}

const pad4 = (n: number) => (n + 3) & ~3

// Hot-path constants as plain locals (module re-exports can compile to getters).
const SHB = BLOCK.SECTION_HEADER
const IDB = BLOCK.INTERFACE_DESCRIPTION
const PB = BLOCK.PACKET
const SPB = BLOCK.SIMPLE_PACKET
const NRB = BLOCK.NAME_RESOLUTION
const ISB = BLOCK.INTERFACE_STATISTICS
const EPB = BLOCK.ENHANCED_PACKET
const MAX_FRAME = MAX_CAPLEN

function minimumLength(type: number): number {
  switch (type) {
    case SHB:
      return 28
    case IDB:
      return 20
    case EPB:
    case PB:
      return 32
    case SPB:
      return 16
    case ISB:
      return 24
    default:
      return BLOCK_HEADER_LENGTH
  }
}

export class PcapngParser implements RecordParser {
  need = BLOCK_HEADER_LENGTH
  /** The number the next frame gets; random access sets it before parsing one block. */
  nextNo = 1
  private littleEndian = true
  private section = -1
  /** Global id of the current section's interface 0, and how many it has so far. */
  private sectionFirst = 0
  private sectionCount = 0
  private readonly clocks: InterfaceClock[] = []
  /** Where the last parse stopped: the incomplete block, for cutShort(). */
  private stopOffset = 0
  private stopType = -1

  /** `resumeSection`: random access, which starts inside a section the stream pass already read. */
  constructor(
    readonly info: CaptureInfo,
    resumeSection?: number,
  ) {
    if (resumeSection === undefined) return
    for (const iface of info.interfaces) this.clocks.push(clockOf(iface))
    const section = info.sections[resumeSection]
    this.section = resumeSection
    this.littleEndian = section.littleEndian
    const own = info.interfaces.filter((i) => i.section === resumeSection)
    this.sectionFirst = own.length ? own[0].id : info.interfaces.length
    this.sectionCount = own.length
  }

  parse(buf: Uint8Array, view: DataView, pos: number, end: number, base: number, out: RawFrame[]): number {
    for (;;) {
      const have = end - pos
      if (have < BLOCK_HEADER_LENGTH) {
        this.stopAt(view, pos, have, base, BLOCK_HEADER_LENGTH)
        break
      }
      const type = view.getUint32(pos, this.littleEndian) // an SHB's type reads the same both ways
      const le = type === SHB ? this.sectionByteOrder(view, pos, base) : this.littleEndian
      const length = view.getUint32(pos + 4, le)
      this.checkLength(type, length, base + pos)
      if (have < length) {
        this.stopAt(view, pos, have, base, length)
        break
      }
      if (this.section < 0 && type !== SHB) {
        throw this.damage(type, base + pos, 'it comes before any section header block')
      }
      const trailer = view.getUint32(pos + length - 4, le)
      if (trailer !== length) {
        throw this.damage(type, base + pos, `its length is ${length} at the start and ${trailer} at the end`)
      }
      switch (type) {
        case EPB:
        case PB:
          out.push(this.packet(type, buf, view, pos, length, base))
          break
        case SPB:
          out.push(this.simplePacket(buf, view, pos, length, base))
          break
        case SHB:
          this.sectionHeader(buf, view, pos, length, base, le)
          break
        case IDB:
          this.interfaceDescription(buf, view, pos, length, base)
          break
        case NRB:
          this.nameResolution(buf, view, pos, length, base)
          break
        case ISB:
          this.interfaceStatistics(view, pos, length, base)
          break
        default:
        // Unknown, custom (0x00000bad, 0x40000bad) and blocks TCP Lens has no use for: skipped.
      }
      pos += length
    }
    return pos
  }

  cutShort(fileEnd: number): CaptureError {
    const at = this.stopOffset
    const have = fileEnd - at
    const counts = `${this.need} bytes expected, ${have} in file`
    if (this.stopType >= 0 && isPacketBlock(this.stopType)) {
      return new CaptureError(
        'truncated',
        `cut short in the middle of frame ${this.nextNo} (${blockTypeName(this.stopType)} at byte ${at}: ${counts})`,
        { frame: this.nextNo, offset: at },
      )
    }
    const what = this.stopType >= 0 && have >= 8 ? blockTypeName(this.stopType) : 'block header'
    const article = /^[aeiou]/.test(what) ? 'an' : 'a'
    return new CaptureError('truncated', `cut short in the middle of ${article} ${what} (at byte ${at}: ${counts})`, { offset: at })
  }

  // ------------------------------------------------------------ block framing

  private stopAt(view: DataView, pos: number, have: number, base: number, need: number): void {
    this.need = need
    this.stopOffset = base + pos
    this.stopType = have >= 4 ? view.getUint32(pos, this.littleEndian) : -1
  }

  /** The byte order an SHB announces; a magic that is neither order is damage. */
  private sectionByteOrder(view: DataView, pos: number, base: number): boolean {
    const magic = view.getUint32(pos + 8, true)
    if (magic === BYTE_ORDER_MAGIC) return true
    if (magic === 0x4d3c2b1a) return false
    const hex = magic.toString(16).padStart(8, '0')
    if (this.section < 0) {
      throw new CaptureError('not-capture', `not a pcap or pcapng file (unknown pcapng byte-order magic 0x${hex} at byte ${base + pos + 8})`, {
        offset: base + pos + 8,
      })
    }
    throw this.damage(SHB, base + pos, `its byte-order magic 0x${hex} is unknown`)
  }

  private checkLength(type: number, length: number, offset: number): void {
    const min = minimumLength(type)
    if (length < min) throw this.damage(type, offset, `its length ${length} is less than the minimum of ${min}`)
    if (length % 4 !== 0) throw this.damage(type, offset, `its length ${length} is not a multiple of 4`)
    if (length > MAX_BLOCK_LENGTH) throw this.damage(type, offset, `its length ${length} is over the maximum of ${MAX_BLOCK_LENGTH}`)
  }

  private place(type: number, offset: number): BlockPlace {
    const packet = isPacketBlock(type)
    return {
      text: `${blockTypeName(type)} at byte ${offset}${packet ? ` (frame ${this.nextNo})` : ''}`,
      frame: packet ? this.nextNo : undefined,
      offset,
    }
  }

  private damage(type: number, offset: number, why: string): CaptureError {
    const place = this.place(type, offset)
    return new CaptureError('bad-block', `malformed ${place.text}: ${why}`, { frame: place.frame, offset })
  }

  /** The global interface id of a section-local one, or damage if the section has no such interface. */
  private globalInterface(type: number, localId: number, offset: number): number {
    if (localId >= this.sectionCount) {
      const has = this.sectionCount === 0 ? 'no interface' : `interfaces 0 to ${this.sectionCount - 1} only`
      throw this.damage(type, offset, `it refers to interface ${localId}, and its section has ${has}`)
    }
    return this.sectionFirst + localId
  }

  // ------------------------------------------------------------ packets

  /** EPB and PB share a layout, except that a PB's interface id is 16 bits (then a drop count). */
  private packet(type: number, buf: Uint8Array, view: DataView, pos: number, length: number, base: number): RawFrame {
    const le = this.littleEndian
    const localId = type === EPB ? view.getUint32(pos + 8, le) : view.getUint16(pos + 8, le)
    const interfaceId = this.globalInterface(type, localId, base + pos)
    const capLen = view.getUint32(pos + 20, le)
    if (capLen > MAX_FRAME) {
      throw new CaptureError(
        'too-large',
        `frame ${this.nextNo} (${blockTypeName(type)} at byte ${base + pos}) claims ${capLen} captured bytes, over the maximum of ${MAX_FRAME}`,
        { frame: this.nextNo, offset: base + pos },
      )
    }
    if (capLen > length - 32) throw this.damage(type, base + pos, `its length ${length} is too small for ${capLen} captured bytes`)
    const iface = this.clocks[interfaceId]
    iface.clock.convert(view.getUint32(pos + 12, le), view.getUint32(pos + 16, le))
    const origLen = view.getUint32(pos + 24, le)
    const frame: RawFrame = {
      no: this.nextNo,
      tsSec: iface.clock.sec,
      tsNsec: iface.clock.nsec,
      capLen,
      origLen,
      linkType: iface.linkType,
      interfaceId,
      bytes: buf.subarray(pos + 28, pos + 28 + capLen),
      fileOffset: base + pos,
    }
    const optionsStart = pos + 28 + pad4(capLen)
    const optionsEnd = pos + length - 4
    if (optionsStart < optionsEnd) {
      const comments: string[] = []
      forEachOption(view, optionsStart, optionsEnd, le, base, () => this.place(type, base + pos), (code, start, len) => {
        if (code === OPTION.COMMENT) comments.push(optionText(buf, start, len))
      })
      if (comments.length) frame.comments = comments
    }
    const notes = frameNotes(capLen, origLen, iface.snapLen, interfaceId)
    if (notes) frame.notes = notes
    this.nextNo++
    return frame
  }

  /** SPB: no time stamp, the section's first interface, captured length implied by the block. */
  private simplePacket(buf: Uint8Array, view: DataView, pos: number, length: number, base: number): RawFrame {
    const interfaceId = this.globalInterface(SPB, 0, base + pos)
    const iface = this.clocks[interfaceId]
    const origLen = view.getUint32(pos + 8, this.littleEndian)
    let capLen = Math.min(origLen, length - 16)
    if (iface.snapLen !== 0) capLen = Math.min(capLen, iface.snapLen)
    if (capLen > MAX_FRAME) {
      throw new CaptureError(
        'too-large',
        `frame ${this.nextNo} (simple packet block at byte ${base + pos}) holds ${capLen} captured bytes, over the maximum of ${MAX_FRAME}`,
        { frame: this.nextNo, offset: base + pos },
      )
    }
    return {
      no: this.nextNo++,
      tsSec: 0,
      tsNsec: 0,
      noTimestamp: true,
      capLen,
      origLen,
      linkType: iface.linkType,
      interfaceId,
      bytes: buf.subarray(pos + 12, pos + 12 + capLen),
      fileOffset: base + pos,
    }
  }

  // ------------------------------------------------------------ sections, interfaces, names, stats

  private sectionHeader(buf: Uint8Array, view: DataView, pos: number, length: number, base: number, le: boolean): void {
    const major = view.getUint16(pos + 12, le)
    const minor = view.getUint16(pos + 14, le)
    // Wireshark reads 1.0 and 1.2 (written by some old tools) and refuses the rest.
    if (major !== 1 || (minor !== 0 && minor !== 2)) {
      if (this.section < 0) {
        throw new CaptureError('not-capture', `not a pcap or pcapng file TCP Lens can read (pcapng version ${major}.${minor} at byte ${base + pos + 12})`, {
          offset: base + pos + 12,
        })
      }
      throw this.damage(SHB, base + pos, `pcapng version ${major}.${minor} is not supported`)
    }
    const section: SectionInfo = { offset: base + pos, littleEndian: le, version: `${major}.${minor}`, comments: [] }
    forEachOption(view, pos + 24, pos + length - 4, le, base, () => this.place(SHB, base + pos), (code, start, len) => {
      if (code === OPTION.COMMENT) section.comments.push(optionText(buf, start, len))
      else if (code === OPTION.SHB_HARDWARE) section.hardware = optionText(buf, start, len)
      else if (code === OPTION.SHB_OS) section.os = optionText(buf, start, len)
      else if (code === OPTION.SHB_USER_APPLICATION) section.userApplication = optionText(buf, start, len)
    })
    this.info.sections.push(section)
    this.section = this.info.sections.length - 1
    this.littleEndian = le
    this.sectionFirst = this.clocks.length
    this.sectionCount = 0
  }

  private interfaceDescription(buf: Uint8Array, view: DataView, pos: number, length: number, base: number): void {
    const le = this.littleEndian
    const iface: InterfaceInfo = {
      id: this.clocks.length,
      section: this.section,
      linkType: view.getUint16(pos + 8, le),
      snapLen: view.getUint32(pos + 12, le),
      tsResolution: { base: 10, exponent: 6 },
      tsOffset: 0,
    }
    const where = () => this.place(IDB, base + pos)
    forEachOption(view, pos + 16, pos + length - 4, le, base, where, (code, start, len) => {
      switch (code) {
        case OPTION.IF_NAME:
          iface.name = optionText(buf, start, len)
          break
        case OPTION.IF_DESCRIPTION:
          iface.description = optionText(buf, start, len)
          break
        case OPTION.IF_TSRESOL:
          if (len === 1) iface.tsResolution = decodeTsResolution(buf[start])
          break
        case OPTION.IF_FILTER:
          // The first byte says what follows; 0 is a libpcap filter string.
          if (len >= 1 && buf[start] === 0) iface.filter = optionText(buf, start + 1, len - 1)
          break
        case OPTION.IF_OS:
          iface.os = optionText(buf, start, len)
          break
        case OPTION.COMMENT:
          ;(iface.comments ??= []).push(optionText(buf, start, len))
          break
        case OPTION.IF_TSOFFSET:
          if (len === 8) iface.tsOffset = Number(view.getBigInt64(start, le))
          break
      }
    })
    this.info.interfaces.push(iface)
    this.clocks.push(clockOf(iface))
    this.sectionCount++
  }

  private nameResolution(buf: Uint8Array, view: DataView, pos: number, length: number, base: number): void {
    const le = this.littleEndian
    const end = pos + length - 4
    let at = pos + 8
    while (end - at >= 4) {
      const type = view.getUint16(at, le)
      const len = view.getUint16(at + 2, le)
      if (type === NAME_RECORD.END) break
      if (len > end - at - 4) {
        throw this.damage(NRB, base + pos, `its record at byte ${base + at} claims ${len} bytes, past the end of the block`)
      }
      const size = type === NAME_RECORD.IPV4 ? 4 : type === NAME_RECORD.IPV6 ? 16 : 0
      if (size !== 0 && len >= size) {
        const address = size === 4 ? ipv4Text(buf, at + 4) : ipv6Text(buf, at + 4)
        this.info.names.push({ address, names: nulSeparatedTexts(buf, at + 4 + size, len - size) })
      }
      at += 4 + pad4(len)
    }
    // NRB options (ns_dnsname…) carry nothing TCP Lens shows.
  }

  private interfaceStatistics(view: DataView, pos: number, length: number, base: number): void {
    const le = this.littleEndian
    const localId = view.getUint32(pos + 8, le)
    // Wireshark ignores statistics for an interface the section does not have; so does TCP Lens.
    const iface = localId < this.sectionCount ? this.info.interfaces[this.sectionFirst + localId] : undefined
    const stats: NonNullable<InterfaceInfo['stats']> = {}
    forEachOption(view, pos + 20, pos + length - 4, le, base, () => this.place(ISB, base + pos), (code, start, len) => {
      if (len !== 8) return
      if (code === OPTION.ISB_IFRECV) stats.received = Number(view.getBigUint64(start, le))
      else if (code === OPTION.ISB_IFDROP) stats.dropped = Number(view.getBigUint64(start, le))
    })
    if (iface) iface.stats = stats
  }
}

function clockOf(iface: InterfaceInfo): InterfaceClock {
  return { clock: new TickClock(iface.tsResolution, iface.tsOffset), linkType: iface.linkType, snapLen: iface.snapLen }
}

/** The CaptureInfo a pcapng file starts with, before its first SHB is read. */
export function emptyPcapngInfo(gzip: boolean): CaptureInfo {
  return { format: 'pcapng', gzip, sections: [], interfaces: [], names: [] }
}

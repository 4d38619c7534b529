// Where a capture keeps its lengths: the fields that, when they lie, make a reader or a decoder
// read too far, too little, or for ever. Capture-level sites come from the file's own structure
// (damage.ts finds the pcap records and pcapng blocks); packet-level sites come from the decoder
// itself: every field of the decoded tree whose name says it is a length, an offset or a size,
// at the bytes the decoder says it read it from.
import { openCaptureBytes, captureKindOf } from '../../main/capture/open'
import { CaptureError, type RawFrame } from '../../main/capture/source'
import { BLOCK, blockTypeName } from '../../main/capture/pcapng-codes'
import type { Field } from '../../main/decode/field'
import { decodeFrame } from '../../main/decode/frame'
import { pcapngBlocks, pcapRecordOffsets } from '../fixtures/damage'

/** One length-like field of a capture file: where it is, how wide, in which byte order. */
export interface LengthSite {
  /** Byte offset in the (uncompressed) file. */
  offset: number
  size: 1 | 2 | 4
  littleEndian: boolean
  /** Only these bits of the field (a header length in a nibble, a data offset …). */
  bitmask?: number
  /** What the field is: "pcap caplen", "pcapng EPB captured length", "ip.len" … */
  name: string
}

/** The last part of a field name that makes it a length, an offset or a size. */
const PACKET_LENGTH_NAME = /(^|[._])(len|length|plen|halen|hdr_len|len_oct|option_len|size|frag_offset|offset|nxt|proto)$/

/** Every length site of a capture (plain bytes, not gzip), capture-level then packet-level. */
export async function lengthSites(file: Uint8Array): Promise<LengthSite[]> {
  const kind = captureKindOf(file)
  if (kind === 'pcap') return [...pcapSites(file), ...(await packetSites(file, 16))]
  if (kind === 'pcapng') return [...pcapngSites(file), ...(await packetSites(file))]
  return []
}

function pcapSites(file: Uint8Array): LengthSite[] {
  if (file.length < 24) return []
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength)
  const magic = view.getUint32(0, true)
  const littleEndian = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d
  const sites: LengthSite[] = [{ offset: 16, size: 4, littleEndian, name: 'pcap snaplen' }]
  for (const record of pcapRecordOffsets(file)) {
    sites.push({ offset: record + 8, size: 4, littleEndian, name: 'pcap record caplen' })
    if (record + 16 <= file.length) sites.push({ offset: record + 12, size: 4, littleEndian, name: 'pcap record origlen' })
  }
  return sites
}

function pcapngSites(file: Uint8Array): LengthSite[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength)
  const sites: LengthSite[] = []
  for (const block of pcapngBlocks(file)) {
    const { offset, length, littleEndian } = block
    const at = (relative: number, size: 1 | 2 | 4, name: string) => {
      if (offset + relative + size <= file.length) sites.push({ offset: offset + relative, size, littleEndian, name })
    }
    const kind = blockTypeName(block.type)
    at(4, 4, `pcapng ${kind} total length`)
    if (length >= 12 && offset + length <= file.length) at(length - 4, 4, `pcapng ${kind} trailing total length`)
    let options = -1
    switch (block.type) {
      case BLOCK.SECTION_HEADER:
        at(16, 4, 'pcapng SHB section length (low)')
        at(20, 4, 'pcapng SHB section length (high)')
        options = 24
        break
      case BLOCK.INTERFACE_DESCRIPTION:
        at(12, 4, 'pcapng IDB snaplen')
        options = 16
        break
      case BLOCK.ENHANCED_PACKET:
      case BLOCK.PACKET: {
        at(20, 4, `pcapng ${kind} captured length`)
        at(24, 4, `pcapng ${kind} original length`)
        if (offset + 24 <= file.length) options = 28 + pad4(view.getUint32(offset + 20, littleEndian))
        break
      }
      case BLOCK.SIMPLE_PACKET:
        at(8, 4, 'pcapng SPB original length')
        break
      case BLOCK.INTERFACE_STATISTICS:
        options = 20
        break
      case BLOCK.NAME_RESOLUTION:
        sites.push(...recordSites(view, offset + 8, offset + length - 4, littleEndian, 'pcapng NRB record length'))
        break
    }
    if (options >= 0) sites.push(...recordSites(view, offset + options, offset + length - 4, littleEndian, `pcapng ${kind} option length`))
  }
  return sites
}

/** The 16-bit lengths of a list of (code u16, length u16, value padded to 4) records: options, NRB records. */
function recordSites(view: DataView, start: number, end: number, littleEndian: boolean, name: string): LengthSite[] {
  const sites: LengthSite[] = []
  for (let at = start; at + 4 <= Math.min(end, view.byteLength); ) {
    sites.push({ offset: at + 2, size: 2, littleEndian, name })
    const code = view.getUint16(at, littleEndian)
    if (code === 0) break
    at += 4 + pad4(view.getUint16(at + 2, littleEndian))
  }
  return sites
}

/**
 * The length fields the decoder reads in each frame, at their place in the file. `headerLength`
 * is where a record's bytes start after its offset (pcap: 16); without it the frame's bytes are
 * looked up after its block's offset.
 */
async function packetSites(file: Uint8Array, headerLength?: number): Promise<LengthSite[]> {
  const sites: LengthSite[] = []
  const whole = Buffer.from(file.buffer, file.byteOffset, file.byteLength)
  try {
    const reader = await openCaptureBytes(file)
    for await (const raw of reader.frames()) {
      const start = headerLength !== undefined ? raw.fileOffset + headerLength : whole.indexOf(Buffer.from(raw.bytes), raw.fileOffset)
      if (start < 0) continue
      for (const field of lengthFields(raw)) sites.push({ offset: start + field.offset, size: field.length as 1 | 2 | 4, littleEndian: false, bitmask: field.bitmask, name: field.name })
    }
  } catch (err) {
    // A seed that is damaged on purpose still gives the sites of its frames before the damage.
    if (!(err instanceof CaptureError)) throw err
  }
  return sites
}

/** The frame's own (source 0) length-like fields of 1, 2 or 4 bytes, in tree order. */
function lengthFields(raw: RawFrame): Field[] {
  const out: Field[] = []
  const visit = (fields: readonly Field[] | undefined) => {
    for (const field of fields ?? []) {
      if (!field.generated && field.source === 0 && [1, 2, 4].includes(field.length) && PACKET_LENGTH_NAME.test(field.name)) out.push(field)
      visit(field.children)
    }
  }
  visit(decodeFrame(raw).tree)
  return out
}

const pad4 = (n: number) => (n + 3) & ~3

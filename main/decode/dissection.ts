// The working state of one frame's decode: the bytes, the tree being built, the columns and
// the expert items. Layers read through it, so every read is bounds-checked, and every field
// they add records the bytes it came from.
import type { RawFrame } from '../capture/source'
import { defineFields, Field, type ExpertItem, type FieldDef, type FieldValue, type Timestamp } from './field'

export const MALFORMED = defineFields({
  malformed: { name: '_ws.malformed', title: 'Malformed Packet', type: 'protocol', short: 'Malformed' },
  /** Wireshark files every expert item of the Malformed group under _ws.malformed too (hidden). */
  mark: { name: '_ws.malformed', title: 'Malformed Packet', type: 'protocol', protocolDisplay: 'name' },
  short: { name: '_ws.short', title: 'Packet size limited during capture', type: 'protocol', short: 'Short' },
  text: { name: '_ws.text', title: '', type: 'none' },
})

/**
 * The bytes a layer may read. `end` is where the captured bytes stop, `reported` where the
 * bytes on the wire stopped (from the frame length or an IP length): reading past `end` but not
 * past `reported` means the capture was cut short (snaplen); past `reported`, the packet itself
 * is malformed. Wireshark makes the same distinction (BoundsError / ReportedBoundsError).
 */
export interface Span {
  start: number
  end: number
  reported: number
}

/** Thrown by a read past a span; caught by decodeFrame, which never throws. */
export class OutOfBounds extends Error {
  constructor(
    readonly kind: 'short' | 'malformed',
    readonly offset: number,
  ) {
    super(kind)
  }
}

/** The innermost IP header decoded so far: what TCP, UDP and ICMP need from it. */
export interface NetworkInfo {
  version: 4 | 6
  src: string
  dst: string
  /** Raw address bytes, for checksums over the pseudo-header. */
  srcBytes: Uint8Array
  dstBytes: Uint8Array
  /** Both addresses, source then destination (they are adjacent in both IP headers). */
  addresses: Uint8Array
  /** TTL or hop limit. */
  ttl: number
  /** Bytes of the IP payload on the wire. */
  payloadLength: number
}

/** A run of bytes fields can point into: the frame, or a datagram reassembled from fragments. */
export interface ByteSource {
  /** As Wireshark names its data source tabs: "Frame", "Reassembled IPv4", "Reassembled IPv6". */
  name: string
  bytes: Uint8Array
}

/** What a decode may know about the frame's place in the capture (from the pass). */
export interface DecodeContext {
  /**
   * The IP reassembly table of the pass: with it, fragments are reassembled as Wireshark does by
   * default (ip.defragment, ipv6.defragment); without it each fragment is decoded as captured.
   */
  reassembly?: import('./reassembly').IpReassembly
  /** pcapng and live captures name the interface of each frame (frame.interface_id). */
  showInterface?: boolean
  interfaceName?: string
  /** frame.interface_id as Wireshark shows it: the interface's number within its section. */
  sectionInterfaceId?: number
  /** Time since the first frame (frame.time_relative). */
  timeRelative?: Timestamp
  /** Time since the previous captured frame (frame.time_delta). */
  timeDelta?: Timestamp
  /** Numbers UDP conversations in order of appearance (udp.stream). */
  udpStream?: (key: string) => number
  /** The first and previous frame times of a UDP stream, this frame being its newest. */
  udpTimes?: (stream: number, time: Timestamp) => { first: Timestamp; previous: Timestamp }
  /**
   * Matches ICMP/ICMPv6 echo replies with their requests (a later request with the same key
   * replaces an earlier one; only the first reply is matched): the request's frame and time.
   */
  echoMatch?: (key: string, isRequest: boolean, frame: number, time: Timestamp) => { frame: number; time: Timestamp } | undefined
  /**
   * Records that `ip` was seen at `mac` (an ARP sender or target); returns the earlier binding
   * when it was another MAC address (which stays the recorded one, as in Wireshark).
   */
  arpBinding?: (ip: string, mac: string, frame: number, sec: number) => { mac: string; frame: number; sec: number } | undefined
  /** The TCP engine: tracks one segment, in capture order, and says what it makes of it. */
  tcp?: (segment: import('../tcp/segment').TcpSegment) => import('../tcp/result').TcpFrameAnalysis
}

export class Dissection {
  /** The bytes being decoded: those of the current byte source (the frame, unless reassembled). */
  bytes: Uint8Array
  /** The frame's byte sources; the first is the frame. */
  readonly sources: ByteSource[]
  /** Index in `sources` of the bytes being decoded; every field made records it. */
  source = 0
  readonly tree: Field[] = []
  readonly protocols: string[] = []
  readonly expert: ExpertItem[] = []
  /** The Protocol column: the last layer that names itself wins. */
  protocolColumn = ''
  /** The Info column. */
  info = ''
  /** Network-layer addresses for the Source/Destination columns (else link-layer ones). */
  netSrc = ''
  netDst = ''
  linkSrc = ''
  linkDst = ''
  /** The protocol being decoded, to name it when a read fails ("Malformed Packet: TCP"). */
  current = ''
  /** The TCP header of this frame, once decoded (what the TCP engine reads). */
  tcp?: import('./layers/tcp').TcpHeader
  /** What the TCP engine made of that header (absent without an engine). */
  tcpAnalysis?: import('../tcp/result').TcpFrameAnalysis
  /** The IP layer said this is a fragment (more to come, or not the first): no whole segment. */
  fragmented = false
  /** Decoding the packet an ICMP/ICMPv6 error quotes (Wireshark's in_error_pkt). */
  quoting = false
  /** The innermost IP header (ICMP errors carry a second one inside). */
  network?: NetworkInfo
  /** Set when the decode stopped at a malformed or cut-short layer. */
  stopped?: { kind: 'short' | 'malformed'; layer: string }

  constructor(
    readonly raw: RawFrame,
    readonly context: DecodeContext,
  ) {
    this.bytes = raw.bytes
    this.sources = [{ name: 'Frame', bytes: raw.bytes }]
  }

  /** Adds a byte source (a reassembled datagram) and returns its index. */
  addSource(name: string, bytes: Uint8Array): number {
    this.sources.push({ name, bytes })
    return this.sources.length - 1
  }

  /** Runs `decode` with the bytes of source `index`; the frame's bytes are current again after. */
  withSource(index: number, decode: () => void): void {
    const saved = { bytes: this.bytes, source: this.source }
    this.bytes = this.sources[index]!.bytes
    this.source = index
    try {
      decode()
    } finally {
      this.bytes = saved.bytes
      this.source = saved.source
    }
  }

  /** A new field in the current byte source. */
  private field(def: FieldDef, offset: number, length: number, value: FieldValue): Field {
    const field = new Field(def, offset, length, value)
    if (this.source) field.source = this.source
    return field
  }

  /** The whole captured frame as a span. */
  frameSpan(): Span {
    // A record that claims fewer bytes on the wire than it captured is still read in full
    // (Wireshark notes the contradiction on frame.len and decodes every captured byte).
    return { start: 0, end: this.bytes.length, reported: Math.max(this.raw.origLen, this.bytes.length) }
  }

  /** A sub-span from `start`, limited to `length` bytes on the wire if given. */
  sub(span: Span, start: number, length?: number): Span {
    const reported = length === undefined ? span.reported : Math.min(span.reported, start + length)
    return { start, end: Math.min(span.end, reported), reported }
  }

  /** Shortens a span to what its protocol says it covers (Wireshark's set_actual_length). */
  setLength(span: Span, length: number): void {
    const reported = span.start + length
    if (reported < span.reported) {
      span.reported = reported
      if (span.end > reported) span.end = reported
    }
  }

  /** Throws unless `length` bytes at `offset` are inside the span. */
  need(span: Span, offset: number, length: number): void {
    const stop = offset + length
    if (stop <= span.end) return
    throw new OutOfBounds(stop <= span.reported ? 'short' : 'malformed', offset)
  }

  u8(span: Span, offset: number): number {
    this.need(span, offset, 1)
    return this.bytes[offset]
  }

  u16(span: Span, offset: number): number {
    this.need(span, offset, 2)
    return (this.bytes[offset] << 8) | this.bytes[offset + 1]
  }

  u24(span: Span, offset: number): number {
    this.need(span, offset, 3)
    return (this.bytes[offset] << 16) | (this.bytes[offset + 1] << 8) | this.bytes[offset + 2]
  }

  u32(span: Span, offset: number): number {
    this.need(span, offset, 4)
    const b = this.bytes
    return ((b[offset] << 24) | (b[offset + 1] << 16) | (b[offset + 2] << 8) | b[offset + 3]) >>> 0
  }

  u16le(span: Span, offset: number): number {
    this.need(span, offset, 2)
    return this.bytes[offset] | (this.bytes[offset + 1] << 8)
  }

  u32le(span: Span, offset: number): number {
    this.need(span, offset, 4)
    const b = this.bytes
    return (b[offset] | (b[offset + 1] << 8) | (b[offset + 2] << 16) | (b[offset + 3] << 24)) >>> 0
  }

  u64(span: Span, offset: number): bigint {
    this.need(span, offset, 8)
    return (BigInt(this.u32(span, offset)) << 32n) | BigInt(this.u32(span, offset + 4))
  }

  slice(span: Span, offset: number, length: number): Uint8Array {
    this.need(span, offset, length)
    return this.bytes.subarray(offset, offset + length)
  }

  /** Adds a top-level protocol node (or one under `parent`) and records it in frame.protocols. */
  protocol(parent: Field | null, def: FieldDef, offset: number, length: number, text: string): Field {
    this.enter(def)
    return this.attach(parent, def, offset, length, text)
  }

  /**
   * Records that a protocol's decoder started (frame.protocols, the name in "Malformed Packet:
   * …"). Wireshark lists a protocol as soon as its decoder is called, even if it fails before
   * adding its tree item; such a decoder calls enter() first and attach() once it can.
   */
  enter(def: FieldDef): void {
    this.protocols.push(def.name)
    this.current = def.short ?? def.title
  }

  /** Adds the tree node of a protocol already entered. */
  attach(parent: Field | null, def: FieldDef, offset: number, length: number, text: string): Field {
    const node = this.node(def, offset, length, text)
    if (parent) parent.add(node)
    else this.tree.push(node)
    return node
  }

  /**
   * Decodes the packet an ICMP error quotes. Its layers add their nodes where `decode` puts them,
   * but may not change what the frame is (its columns, its own TCP and IP headers). A quote that
   * stops short is normal (RFC 792 quotes 8 bytes), not a malformed packet: what is there shows.
   */
  quoted(decode: () => void): void {
    const saved = {
      protocolColumn: this.protocolColumn,
      info: this.info,
      tcp: this.tcp,
      tcpAnalysis: this.tcpAnalysis,
      network: this.network,
      current: this.current,
      netSrc: this.netSrc,
      netDst: this.netDst,
      fragmented: this.fragmented,
      quoting: this.quoting,
    }
    this.quoting = true
    this.fragmented = false
    try {
      decode()
    } catch (error) {
      if (!(error instanceof OutOfBounds)) throw error
    } finally {
      Object.assign(this, saved)
    }
  }

  /** Adds a named subtree (an option, a group of fields) that is not a protocol of its own. */
  subtree(parent: Field, def: FieldDef, offset: number, length: number, text: string): Field {
    return parent.add(this.node(def, offset, length, text))
  }

  private node(def: FieldDef, offset: number, length: number, text: string): Field {
    const value = def.protocolDisplay === 'bytes' ? this.bytes.slice(offset, Math.min(offset + length, this.bytes.length)) : null
    const node = this.field(def, offset, this.captured(offset, length), value)
    node.text = text
    return node
  }

  /** Adds a field with a value the caller computed. */
  add(parent: Field, def: FieldDef, offset: number, length: number, value: FieldValue): Field {
    return parent.add(this.field(def, offset, this.captured(offset, length), value))
  }

  /** Sets how many bytes a node covers once its protocol knows (never past the captured bytes). */
  resize(field: Field, length: number): void {
    field.length = this.captured(field.offset, length)
  }

  /**
   * The part of [offset, offset + length) that was captured: a field never points the hex pane
   * at bytes that are not in the frame (a payload cut by the snapshot length shows what is there).
   */
  private captured(offset: number, length: number): number {
    return Math.max(0, Math.min(length, this.bytes.length - offset))
  }

  /** Adds a generated field (an analysis result with no bytes of its own). */
  generated(parent: Field, def: FieldDef, value: FieldValue, offset = 0, length = 0): Field {
    const field = parent.add(this.field(def, offset, length, value))
    field.generated = true
    return field
  }

  /** Adds a hidden field: filterable, printed by `fields`, not shown in the tree. */
  hidden(parent: Field, def: FieldDef, offset: number, length: number, value: FieldValue): Field {
    const field = parent.add(this.field(def, offset, length, value))
    field.hidden = true
    return field
  }

  /**
   * Reads a big-endian unsigned integer of `length` bytes and adds it. With a bitmask, the value
   * is the masked bits shifted down (as Wireshark shows bit fields); booleans become true/false.
   */
  uint(parent: Field, def: FieldDef, span: Span, offset: number, length: number): number {
    const value = this.uintField(parent, def, span, offset, length).value
    return typeof value === 'boolean' ? Number(value) : (value as number)
  }

  /** Like uint(), returning the field. */
  uintField(parent: Field, def: FieldDef, span: Span, offset: number, length: number): Field {
    let raw: number
    switch (length) {
      case 1:
        raw = this.u8(span, offset)
        break
      case 2:
        raw = this.u16(span, offset)
        break
      case 3:
        raw = this.u24(span, offset)
        break
      case 4:
        raw = this.u32(span, offset)
        break
      default:
        throw new Error(`uint of ${length} bytes`)
    }
    return this.bitField(parent, def, offset, length, raw)
  }

  /** Adds a (bit) field from its container value and returns the field. */
  bitField(parent: Field, def: FieldDef, offset: number, length: number, raw: number): Field {
    if (def.bitmask === undefined) return this.add(parent, def, offset, length, def.type === 'bool' ? raw !== 0 : raw)
    const masked = (raw & def.bitmask) >>> 0
    const field = this.add(parent, def, offset, length, def.type === 'bool' ? masked !== 0 : masked / lowBit(def.bitmask))
    field.bits = masked
    return field
  }

  /**
   * Records that the decode stopped: the packet is malformed (its own lengths contradict it) or
   * was cut short by the capture's snapshot length. Shown as Wireshark shows it.
   */
  stop(kind: 'short' | 'malformed'): void {
    if (this.stopped) return
    this.stopped = { kind, layer: this.current }
    // Wireshark appends these to the Info column as they are, with no separator.
    if (kind === 'malformed') {
      const node = new Field(MALFORMED.malformed, 0, 0, null)
      node.text = `[Malformed Packet: ${this.current}]`
      this.tree.push(node)
      this.note('error', 'malformed', 'Malformed Packet (Exception occurred)', node)
      this.info += '[Malformed Packet]'
    } else {
      const node = new Field(MALFORMED.short, 0, 0, null)
      node.text = `[Packet size limited during capture: ${this.current} truncated]`
      this.tree.push(node)
      this.info += '[Packet size limited during capture]'
    }
  }

  /**
   * Adds an expert item, pinned to a field when given. An item of the Malformed group also marks
   * the frame with a hidden _ws.malformed, as Wireshark does, so the filter finds it.
   */
  note(severity: ExpertItem['severity'], group: ExpertItem['group'], message: string, field?: Field): void {
    this.expert.push({ severity, group, message, field })
    if (group === 'malformed') {
      const mark = new Field(MALFORMED.mark, field?.offset ?? 0, 0, null)
      mark.source = field?.source ?? 0
      mark.hidden = true
      if (field) field.add(mark)
      else this.tree.push(mark)
    }
  }

  /** A line of text in the tree, with no field behind it (Wireshark's text items). */
  text(parent: Field | null, offset: number, length: number, text: string): Field {
    const field = this.field(MALFORMED.text, offset, this.captured(offset, length), null)
    field.text = text
    if (parent) parent.add(field)
    else this.tree.push(field)
    return field
  }

}

function lowBit(mask: number): number {
  let bit = 1
  while ((mask & bit) === 0 && bit < 0x80000000) bit *= 2
  return bit
}

// TCP (RFC 9293) header: every field, all 9 flags and the reserved bits, the options, and the
// payload. The relative numbers and the analysis come from the TCP engine (main/tcp), which
// hooks in through the decode context; here everything is what is in the bytes.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field } from '../field'
import { hex } from '../format'
import { decodeData } from './data'
import { addUnverifiedChecksum } from '../checksum'
import { CHECKSUM_STATUS, SET_NOT_SET } from '../names'
import { decodeTcpOptions } from './tcp-options'
import { addExpert, addSequenceAnalysis, addStreamFields, addTimestamps, TCP_ANALYSIS } from './tcp-analysis'
import { fileAckItems, fileConnectionItems, segmentExpertFacts, type TcpExpertFacts } from '../../tcp/expert-items'
import { emptyOptions, scanTcpOptions, TCP_FLAG } from '../../tcp/segment'
import type { TcpFrameAnalysis } from '../../tcp/result'
import { PAYLOAD_WITHHELD } from '../../tcp/verdicts'

/** Byte layout of the TCP header (smoltcp-style: the decoder and the hex pane read this). */
export const TCP_LAYOUT = { srcPort: 0, dstPort: 2, seq: 4, ack: 8, dataOffset: 12, flags: 12, window: 14, checksum: 16, urgent: 18, options: 20 } as const

/** The 12 flag bits of the 16-bit word at TCP_LAYOUT.flags (the data offset is its top 4 bits). */
export const TCP_FLAGS_MASK = 0x0fff


export const TCP = defineFields({
  tcp: { name: 'tcp', title: 'Transmission Control Protocol', type: 'protocol', short: 'TCP' },
  srcport: { name: 'tcp.srcport', title: 'Source Port', type: 'uint16', base: 'dec' },
  dstport: { name: 'tcp.dstport', title: 'Destination Port', type: 'uint16', base: 'dec' },
  port: { name: 'tcp.port', title: 'Source or Destination Port', type: 'uint16', base: 'dec' },
  len: { name: 'tcp.len', title: 'TCP Segment Len', type: 'uint32', base: 'dec' },
  seqRaw: { name: 'tcp.seq_raw', title: 'Sequence Number (raw)', type: 'uint32', base: 'dec' },
  ackRaw: { name: 'tcp.ack_raw', title: 'Acknowledgment number (raw)', type: 'uint32', base: 'dec' },
  hdrLen: { name: 'tcp.hdr_len', title: 'Header Length', type: 'uint8', base: 'dec', bitmask: 0xf0 },
  flags: { name: 'tcp.flags', title: 'Flags', type: 'uint16', base: 'hex', bitmask: TCP_FLAGS_MASK, bitWidth: 16 },
  res: { name: 'tcp.flags.res', title: 'Reserved', type: 'bool', bitmask: 0xe00, bitWidth: 12, tfs: SET_NOT_SET },
  ae: { name: 'tcp.flags.ae', title: 'Accurate ECN', type: 'bool', bitmask: 0x100, bitWidth: 12, tfs: SET_NOT_SET },
  cwr: { name: 'tcp.flags.cwr', title: 'Congestion Window Reduced', type: 'bool', bitmask: 0x080, bitWidth: 12, tfs: SET_NOT_SET },
  ece: { name: 'tcp.flags.ece', title: 'ECN-Echo', type: 'bool', bitmask: 0x040, bitWidth: 12, tfs: SET_NOT_SET },
  urg: { name: 'tcp.flags.urg', title: 'Urgent', type: 'bool', bitmask: 0x020, bitWidth: 12, tfs: SET_NOT_SET },
  ack: { name: 'tcp.flags.ack', title: 'Acknowledgment', type: 'bool', bitmask: 0x010, bitWidth: 12, tfs: SET_NOT_SET },
  push: { name: 'tcp.flags.push', title: 'Push', type: 'bool', bitmask: 0x008, bitWidth: 12, tfs: SET_NOT_SET },
  reset: { name: 'tcp.flags.reset', title: 'Reset', type: 'bool', bitmask: 0x004, bitWidth: 12, tfs: SET_NOT_SET },
  syn: { name: 'tcp.flags.syn', title: 'Syn', type: 'bool', bitmask: 0x002, bitWidth: 12, tfs: SET_NOT_SET },
  fin: { name: 'tcp.flags.fin', title: 'Fin', type: 'bool', bitmask: 0x001, bitWidth: 12, tfs: SET_NOT_SET },
  str: { name: 'tcp.flags.str', title: 'TCP Flags', type: 'string' },
  window: { name: 'tcp.window_size_value', title: 'Window', type: 'uint16', base: 'dec' },
  checksum: { name: 'tcp.checksum', title: 'Checksum', type: 'uint16', base: 'hex' },
  checksumStatus: { name: 'tcp.checksum.status', title: 'Checksum Status', type: 'uint8', base: 'none', values: CHECKSUM_STATUS },
  urgent: { name: 'tcp.urgent_pointer', title: 'Urgent Pointer', type: 'uint16', base: 'dec' },
  payload: { name: 'tcp.payload', title: 'TCP payload', type: 'bytes' },
})

/** The flag names in Info order, as Wireshark writes them in "[SYN, ACK]". */
export const FLAG_NAMES: Array<[number, string]> = [
  [TCP_FLAG.FIN, 'FIN'],
  [TCP_FLAG.SYN, 'SYN'],
  [TCP_FLAG.RST, 'RST'],
  [TCP_FLAG.PSH, 'PSH'],
  [TCP_FLAG.ACK, 'ACK'],
  [TCP_FLAG.URG, 'URG'],
  [TCP_FLAG.ECE, 'ECE'],
  [TCP_FLAG.CWR, 'CWR'],
  [TCP_FLAG.AE, 'AE'],
]

/** "SYN, ACK": the names of the flags that are set. */
export function flagNames(flags: number): string {
  const names = FLAG_NAMES.filter(([bit]) => flags & bit).map(([, name]) => name)
  if (flags & 0xe00) names.push('Reserved')
  return names.length ? names.join(', ') : '<None>'
}

/** Wireshark's one-letter picture of the 12 flag bits: "·······A··S·". */
function flagString(flags: number): string {
  const letters = 'RRRACEUAPRSF'
  let out = ''
  for (let i = 0; i < 12; i++) out += flags & (1 << (11 - i)) ? letters[i] : '\u00b7'
  return out
}

/** What the TCP header said: for the Info column and for the TCP engine. */
export interface TcpHeader {
  srcPort: number
  dstPort: number
  seq: number
  ack: number
  headerLength: number
  flags: number
  window: number
  /** Payload bytes on the wire (from the IP length, so right even when the capture is cut). */
  segmentLength: number
}

export function decodeTcp(d: Dissection, span: Span, parent: Field | null): void {
  const L = TCP_LAYOUT
  const at = span.start
  const srcPort = d.u16(span, at)
  const dstPort = d.u16(span, at + L.dstPort)
  // The item covers the rest of the segment until the header length is known good, then the header.
  const node = d.protocol(parent, TCP.tcp, at, Math.max(0, span.end - at), `Transmission Control Protocol, Src Port: ${srcPort}, Dst Port: ${dstPort}`)
  d.protocolColumn = 'TCP'
  d.info = `${srcPort} \u2192 ${dstPort}`
  d.add(node, TCP.srcport, at, 2, srcPort)
  d.add(node, TCP.dstport, at + L.dstPort, 2, dstPort)
  d.hidden(node, TCP.port, at, 2, srcPort)
  d.hidden(node, TCP.port, at + L.dstPort, 2, dstPort)

  // The fixed header, read before anything is checked (as Wireshark does, so a cut-off header
  // leaves the ports in the tree and the Info column).
  const seq = d.u32(span, at + L.seq)
  const ack = d.u32(span, at + L.ack)
  const offsetFlags = d.u16(span, at + L.flags)
  const window = d.u16(span, at + L.window)
  const flags = offsetFlags & TCP_FLAGS_MASK
  const headerLength = (offsetFlags >> 12) * 4
  // The segment length counts what the IP header says was sent, not what was captured. A
  // fragment carries only part of a segment: no length can be known from it.
  const reportedLength = span.reported - at
  const segmentLength = reportedLength - headerLength
  const lengthKnown = reportedLength >= headerLength && !d.fragmented && !d.quoting
  const header: TcpHeader = { srcPort, dstPort, seq, ack, headerLength, flags, window, segmentLength }
  d.tcp = header

  const analysis = track(d, header, lengthKnown, at)
  d.tcpAnalysis = analysis
  if (analysis) addStreamFields(d, node, analysis, at)
  if (reportedLength < headerLength) {
    const text = 'Short segment. Segment/fragment does not contain a full TCP header (might be NMAP or someone else deliberately sending unusual packets)'
    d.note('warn', 'malformed', text, d.text(node, at, 0, text))
  } else if (!d.fragmented) {
    d.generated(node, TCP.len, segmentLength)
  }
  const shownSeq = analysis?.seq ?? seq
  const shownAck = analysis?.ack ?? ack
  const shownWindow = analysis?.window ?? window
  const names = flagNames(flags)
  d.info += ` [${names}] Seq=${shownSeq}${flags & TCP_FLAG.ACK ? ` Ack=${shownAck}` : ''} Win=${shownWindow}`
  if (!d.quoting) {
    const seqField = d.add(node, TCP_ANALYSIS.seq, at + L.seq, 4, shownSeq)
    if (analysis?.relative) seqField.text = `Sequence Number: ${shownSeq}    (relative sequence number)`
  }
  d.add(node, TCP.seqRaw, at + L.seq, 4, seq)
  if (headerLength < 20) {
    const hdr = addHeaderLength(d, node, at, offsetFlags)
    d.info += `, bogus TCP header length (${headerLength}, must be at least 20)`
    d.note('error', 'protocol', `Bogus TCP header length (${headerLength}, must be at least 20)`, hdr)
    return
  }
  node.length = Math.min(headerLength, span.end - at)
  if (analysis && analysis.nextSeq >= 0) {
    d.generated(node, TCP_ANALYSIS.nxtseq, analysis.nextSeq).text = `[Next Sequence Number: ${analysis.nextSeq}    (relative sequence number)]`
  }
  // The TCP engine's expert items (main/tcp/expert-items.ts), each filed with its field.
  const experts = analysis ? segmentExpertFacts(header, analysis) : undefined
  if (analysis && experts) {
    const ackField = d.add(node, TCP_ANALYSIS.ack, at + L.ack, 4, shownAck)
    if (flags & TCP_FLAG.ACK && analysis.relative) ackField.text = `Acknowledgment Number: ${shownAck}    (relative ack number)`
    fileAckItems(experts, (def, message) => addExpert(d, ackField, def, message))
  }
  d.add(node, TCP.ackRaw, at + L.ack, 4, ack)
  addHeaderLength(d, node, at, offsetFlags)
  const flagsField = d.bitField(node, TCP.flags, at + L.flags, 2, offsetFlags)
  flagsField.text = `Flags: ${hex(flags, 3)}${names ? ` (${names})` : ''}`
  for (const def of [TCP.res, TCP.ae, TCP.cwr, TCP.ece, TCP.urg, TCP.ack, TCP.push, TCP.reset, TCP.syn, TCP.fin]) {
    d.bitField(flagsField, def, at + L.flags, 2, flags)
  }
  const str = d.generated(flagsField, TCP.str, flagString(flags), at + L.flags, 2)
  str.text = `[TCP Flags: ${flagString(flags)}]`
  d.add(node, TCP.window, at + L.window, 2, window)
  if (analysis) addWindowFields(d, node, analysis, at + L.window)
  if (experts) addConnectionExperts(d, flagsField, experts)
  addUnverifiedChecksum(d, node, { checksum: TCP.checksum, status: TCP.checksumStatus }, at + L.checksum, d.u16(span, at + L.checksum))
  const urgent = d.uint(node, TCP.urgent, span, at + L.urgent, 2)
  if (flags & TCP_FLAG.URG) d.info += ` Urg=${urgent}`
  const whole = reportedLength >= headerLength && !d.fragmented
  if (whole) d.info += ` Len=${segmentLength}`
  if (analysis) addTimestamps(d, node, analysis)
  if (headerLength > 20) {
    const words = decodeTcpOptions(d, span, node, at + L.options, headerLength - 20, analysis?.sackBase ?? 0)
    if (words.length) d.info += ' ' + words.join(' ')
  }
  if (analysis) d.info = addSequenceAnalysis(d, node, analysis) + d.info

  if (reportedLength > headerLength) {
    const payloadAt = at + headerLength
    const payload = d.sub(span, payloadAt)
    const length = reportedLength - headerLength
    const captured = Math.max(0, Math.min(length, payload.end - payloadAt))
    const field = d.add(node, TCP.payload, payloadAt, length, d.bytes.subarray(payloadAt, payloadAt + captured))
    field.text = `TCP payload (${length} byte${length === 1 ? '' : 's'})`
    // Wireshark does not hand a retransmitted or out-of-order segment to a payload decoder.
    if (!analysis || !(analysis.flags & PAYLOAD_WITHHELD)) decodeData(d, payload, parent)
  }
}

/** Runs the TCP engine on this segment, when the pass has one and this is not a quoted header. */
function track(d: Dissection, header: TcpHeader, lengthKnown: boolean, at: number): TcpFrameAnalysis | undefined {
  const engine = d.context.tcp
  if (!engine || d.quoting || !d.network) return undefined
  const options = emptyOptions()
  if (header.headerLength > 20) scanTcpOptions(d.bytes, at + TCP_LAYOUT.options, header.headerLength - 20, options)
  return engine({
    frame: d.raw.no,
    sec: d.raw.tsSec,
    nsec: d.raw.tsNsec,
    addresses: d.network.addresses,
    src: d.network.src,
    dst: d.network.dst,
    srcPort: header.srcPort,
    dstPort: header.dstPort,
    seq: header.seq,
    ack: header.ack,
    flags: header.flags,
    window: header.window,
    headerLength: header.headerLength,
    length: lengthKnown ? header.segmentLength : -1,
    options,
  })
}

/** tcp.window_size (scaled) and the scaling factor Wireshark used (none on a SYN). */
function addWindowFields(d: Dissection, node: Field, a: TcpFrameAnalysis, at: number): void {
  d.generated(node, TCP_ANALYSIS.windowSize, a.window, at, 2)
  if (a.scaleFactor === undefined) return
  const factor = d.generated(node, TCP_ANALYSIS.scaleFactor, a.scaleFactor, at, 2)
  const why = a.scaleFactor === -1 ? ' (unknown)' : a.scaleFactor === -2 ? ' (no window scaling used)' : ''
  factor.text = `[Window size scaling factor: ${a.scaleFactor}${why}]`
}

/** The Chat/Note/Warn items of SYN, SYN-ACK, FIN and RST and the Fast Open ones, under their flag (or all the flags). */
function addConnectionExperts(d: Dissection, flagsField: Field, experts: TcpExpertFacts): void {
  fileConnectionItems(experts, (def, message, parent) => {
    const flag = parent === 'tcp.flags' ? flagsField : (flagsField.children?.find((f) => f.name === parent) ?? flagsField)
    addExpert(d, flag, def, message)
  })
}

function addHeaderLength(d: Dissection, node: Field, at: number, offsetFlags: number): Field {
  const L = TCP_LAYOUT
  const words = offsetFlags >> 12
  const field = d.add(node, TCP.hdrLen, at + L.flags, 1, words * 4)
  field.bits = (offsetFlags >> 8) & 0xf0
  field.text = `${words.toString(2).padStart(4, '0')} .... = Header Length: ${words * 4} bytes (${words})`
  return field
}

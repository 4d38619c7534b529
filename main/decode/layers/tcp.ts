// TCP (RFC 9293) header: every field, all 9 flags and the reserved bits, the options, and the
// payload. The relative numbers and the analysis come from the TCP engine (main/tcp), which
// hooks in through the decode context; here everything is what is in the bytes.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field } from '../field'
import { hex } from '../format'
import { decodeData } from './data'
import { decodeTcpOptions, type TcpOptionSummary } from './tcp-options'

/** Byte layout of the TCP header (smoltcp-style: the decoder and the hex pane read this). */
export const TCP_LAYOUT = { srcPort: 0, dstPort: 2, seq: 4, ack: 8, dataOffset: 12, flags: 12, window: 14, checksum: 16, urgent: 18, options: 20 } as const

export const TCP_FLAG = { FIN: 0x001, SYN: 0x002, RST: 0x004, PSH: 0x008, ACK: 0x010, URG: 0x020, ECE: 0x040, CWR: 0x080, AE: 0x100 } as const

const SET = ['Set', 'Not set'] as const

export const TCP = defineFields({
  tcp: { name: 'tcp', title: 'Transmission Control Protocol', type: 'protocol', short: 'TCP' },
  srcport: { name: 'tcp.srcport', title: 'Source Port', type: 'uint16', base: 'dec' },
  dstport: { name: 'tcp.dstport', title: 'Destination Port', type: 'uint16', base: 'dec' },
  port: { name: 'tcp.port', title: 'Source or Destination Port', type: 'uint16', base: 'dec' },
  len: { name: 'tcp.len', title: 'TCP Segment Len', type: 'uint32', base: 'dec' },
  seqRaw: { name: 'tcp.seq_raw', title: 'Sequence Number (raw)', type: 'uint32', base: 'dec' },
  ackRaw: { name: 'tcp.ack_raw', title: 'Acknowledgment number (raw)', type: 'uint32', base: 'dec' },
  hdrLen: { name: 'tcp.hdr_len', title: 'Header Length', type: 'uint8', base: 'dec', bitmask: 0xf0 },
  flags: { name: 'tcp.flags', title: 'Flags', type: 'uint16', base: 'hex', bitmask: 0x0fff, bitWidth: 16 },
  res: { name: 'tcp.flags.res', title: 'Reserved', type: 'bool', bitmask: 0xe00, bitWidth: 12, tfs: SET },
  ae: { name: 'tcp.flags.ae', title: 'Accurate ECN', type: 'bool', bitmask: 0x100, bitWidth: 12, tfs: SET },
  cwr: { name: 'tcp.flags.cwr', title: 'Congestion Window Reduced', type: 'bool', bitmask: 0x080, bitWidth: 12, tfs: SET },
  ece: { name: 'tcp.flags.ece', title: 'ECN-Echo', type: 'bool', bitmask: 0x040, bitWidth: 12, tfs: SET },
  urg: { name: 'tcp.flags.urg', title: 'Urgent', type: 'bool', bitmask: 0x020, bitWidth: 12, tfs: SET },
  ack: { name: 'tcp.flags.ack', title: 'Acknowledgment', type: 'bool', bitmask: 0x010, bitWidth: 12, tfs: SET },
  push: { name: 'tcp.flags.push', title: 'Push', type: 'bool', bitmask: 0x008, bitWidth: 12, tfs: SET },
  reset: { name: 'tcp.flags.reset', title: 'Reset', type: 'bool', bitmask: 0x004, bitWidth: 12, tfs: SET },
  syn: { name: 'tcp.flags.syn', title: 'Syn', type: 'bool', bitmask: 0x002, bitWidth: 12, tfs: SET },
  fin: { name: 'tcp.flags.fin', title: 'Fin', type: 'bool', bitmask: 0x001, bitWidth: 12, tfs: SET },
  str: { name: 'tcp.flags.str', title: 'TCP Flags', type: 'string' },
  window: { name: 'tcp.window_size_value', title: 'Window', type: 'uint16', base: 'dec' },
  checksum: { name: 'tcp.checksum', title: 'Checksum', type: 'uint16', base: 'hex' },
  checksumStatus: { name: 'tcp.checksum.status', title: 'Checksum Status', type: 'uint8', base: 'none', values: { 0: 'Bad', 1: 'Good', 2: 'Unverified', 3: 'Not present', 4: 'Illegal' } },
  urgent: { name: 'tcp.urgent_pointer', title: 'Urgent Pointer', type: 'uint16', base: 'dec' },
  payload: { name: 'tcp.payload', title: 'TCP payload', type: 'bytes' },
})

/** The flag names in Info order, as Wireshark writes them in "[SYN, ACK]". */
const FLAG_NAMES: Array<[number, string]> = [
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
  return names.join(', ')
}

/** Wireshark's one-letter picture of the 12 flag bits: "·······A··S·". */
export function flagString(flags: number): string {
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
  options?: TcpOptionSummary
}

export function decodeTcp(d: Dissection, span: Span, parent: Field | null): void {
  const at = span.start
  const srcPort = d.u16(span, at)
  const dstPort = d.u16(span, at + 2)
  const node = d.protocol(parent, TCP.tcp, at, 20, `Transmission Control Protocol, Src Port: ${srcPort}, Dst Port: ${dstPort}`)
  d.protocolColumn = 'TCP'
  d.info = `${srcPort} \u2192 ${dstPort}`
  d.add(node, TCP.srcport, at, 2, srcPort)
  d.add(node, TCP.dstport, at + 2, 2, dstPort)
  d.hidden(node, TCP.port, at, 2, srcPort)
  d.hidden(node, TCP.port, at + 2, 2, dstPort)

  const offsetByte = d.u8(span, at + 12)
  const headerLength = (offsetByte >> 4) * 4
  if (headerLength < 20) {
    const hdr = d.add(node, TCP.hdrLen, at + 12, 1, headerLength)
    hdr.bits = offsetByte & 0xf0
    hdr.text = `${(offsetByte >> 4).toString(2).padStart(4, '0')} .... = Header Length: ${headerLength} bytes (${offsetByte >> 4})`
    d.appendInfo(`bogus TCP header length (${headerLength}, must be at least 20)`, ', ')
    d.note('error', 'malformed', `Bogus TCP header length (${headerLength}, must be at least 20)`, hdr)
    return
  }
  // The segment length counts what the IP header says was sent, not what was captured.
  const reportedLength = span.reported - at
  const segmentLength = reportedLength - headerLength
  if (segmentLength < 0) {
    const hdr = d.add(node, TCP.hdrLen, at + 12, 1, headerLength)
    hdr.bits = offsetByte & 0xf0
    d.appendInfo(`bogus TCP header length (${headerLength}, must be at most ${reportedLength})`, ', ')
    d.note('error', 'malformed', `Bogus TCP header length (${headerLength}, must be at most ${reportedLength})`, hdr)
    return
  }
  const seq = d.u32(span, at + 4)
  const ack = d.u32(span, at + 8)
  const flagsWord = d.u16(span, at + 12)
  const flags = flagsWord & 0x0fff
  const window = d.u16(span, at + 14)
  const header: TcpHeader = { srcPort, dstPort, seq, ack, headerLength, flags, window, segmentLength }

  d.generated(node, TCP.len, segmentLength)
  d.add(node, TCP.seqRaw, at + 4, 4, seq)
  d.add(node, TCP.ackRaw, at + 8, 4, ack)
  const hdr = d.add(node, TCP.hdrLen, at + 12, 1, headerLength)
  hdr.bits = offsetByte & 0xf0
  hdr.text = `${(offsetByte >> 4).toString(2).padStart(4, '0')} .... = Header Length: ${headerLength} bytes (${offsetByte >> 4})`
  const flagsField = d.bitField(node, TCP.flags, at + 12, 2, flagsWord)
  const names = flagNames(flags)
  flagsField.text = `Flags: ${hex(flags, 3)}${names ? ` (${names})` : ''}`
  for (const def of [TCP.res, TCP.ae, TCP.cwr, TCP.ece, TCP.urg, TCP.ack, TCP.push, TCP.reset, TCP.syn, TCP.fin]) {
    d.bitField(flagsField, def, at + 12, 2, flags)
  }
  const str = d.generated(flagsField, TCP.str, flagString(flags), at + 12, 2)
  str.text = `[TCP Flags: ${flagString(flags)}]`
  d.uint(node, TCP.window, span, at + 14, 2)
  const checksum = d.uintField(node, TCP.checksum, span, at + 16, 2)
  checksum.text = `Checksum: ${hex(checksum.value as number, 4)} [unverified]`
  d.generated(node, TCP.checksumStatus, 2, at + 16, 2)
  d.uint(node, TCP.urgent, span, at + 18, 2)
  if (headerLength > 20) header.options = decodeTcpOptions(d, span, node, at + 20, headerLength - 20)

  d.info += ` [${names}] Seq=${seq}${flags & TCP_FLAG.ACK ? ` Ack=${ack}` : ''} Win=${window} Len=${segmentLength}`
  if (header.options?.info.length) d.info += ' ' + header.options.info.join(' ')
  d.tcp = header

  if (segmentLength > 0) {
    const payloadAt = at + headerLength
    const payload = d.sub(span, payloadAt)
    const captured = Math.max(0, Math.min(segmentLength, payload.end - payloadAt))
    const field = d.add(node, TCP.payload, payloadAt, segmentLength, d.bytes.subarray(payloadAt, payloadAt + captured))
    field.text = `TCP payload (${segmentLength} byte${segmentLength === 1 ? '' : 's'})`
    decodeData(d, payload, parent)
  }
}

// UDP (RFC 768): ports, length, checksum, the conversation number, and the payload as data.
// Wireshark (packet-udp.c) does not verify UDP checksums unless asked to, so neither do we; it
// does tell a missing checksum (0) from an illegal one (0 over IPv6, RFC 8200 §8.1).
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field } from '../field'
import { decodeData } from './data'
import { timeDiff } from '../time'
import { addChecksumStatus, addUnverifiedChecksum } from '../checksum'
import { CHECKSUM_STATUS } from '../names'

/** Byte layout of the UDP header. */
export const UDP_LAYOUT = { srcPort: 0, dstPort: 2, length: 4, checksum: 6, payload: 8 } as const

export const UDP = defineFields({
  udp: { name: 'udp', title: 'User Datagram Protocol', type: 'protocol', short: 'UDP' },
  srcport: { name: 'udp.srcport', title: 'Source Port', type: 'uint16', base: 'dec' },
  dstport: { name: 'udp.dstport', title: 'Destination Port', type: 'uint16', base: 'dec' },
  port: { name: 'udp.port', title: 'Source or Destination Port', type: 'uint16', base: 'dec' },
  length: { name: 'udp.length', title: 'Length', type: 'uint16', base: 'dec' },
  checksum: { name: 'udp.checksum', title: 'Checksum', type: 'uint16', base: 'hex' },
  checksumStatus: { name: 'udp.checksum.status', title: 'Checksum Status', type: 'uint8', base: 'none', values: CHECKSUM_STATUS },
  stream: { name: 'udp.stream', title: 'Stream index', type: 'uint32', base: 'dec' },
  timeRelative: { name: 'udp.time_relative', title: 'Time since first frame', type: 'time' },
  timeDelta: { name: 'udp.time_delta', title: 'Time since previous frame', type: 'time' },
  payload: { name: 'udp.payload', title: 'Payload', type: 'bytes' },
})

/**
 * The conversation key: the same for both directions, as Wireshark's UDP conversations are
 * (address/port pairs, whichever way the datagram goes).
 */
function udpConversationKey(srcAddr: string, srcPort: number, dstAddr: string, dstPort: number): string {
  const a = `${srcAddr}/${srcPort}`
  const b = `${dstAddr}/${dstPort}`
  return a < b ? `udp ${a} ${b}` : `udp ${b} ${a}`
}

export function decodeUdp(d: Dissection, span: Span, parent: Field | null): void {
  const L = UDP_LAYOUT
  const at = span.start
  const inError = d.quoting
  // A quote that stops before this header: Wireshark's IP layer does not hand it over at all.
  if (inError && span.start >= Math.min(span.end, span.reported)) return
  d.enter(UDP.udp)
  const srcPort = d.u16(span, at)
  const dstPort = d.u16(span, at + L.dstPort)
  d.protocolColumn = 'UDP'
  d.info = `${srcPort} \u2192 ${dstPort}`
  const reportedLength = span.reported - at
  const node = d.attach(parent, UDP.udp, at, Math.max(0, Math.min(8, span.end - at)), `User Datagram Protocol, Src Port: ${srcPort}, Dst Port: ${dstPort}`)
  const src = d.add(node, UDP.srcport, at, 2, srcPort)
  const dst = d.add(node, UDP.dstport, at + L.dstPort, 2, dstPort)
  d.hidden(node, UDP.port, at, 2, srcPort)
  d.hidden(node, UDP.port, at + L.dstPort, 2, dstPort)
  // LBL traceroute sends to 33435 and up, three probes per hop.
  for (const [port, field] of [[srcPort, src], [dstPort, dst]] as const) {
    if (port > 33434 && port <= 33464) {
      d.note('chat', 'sequence', `Possible traceroute: hop #${Math.floor((port - 33435) / 3) + 1}, attempt #${((port - 33435) % 3) + 1}`, field)
    }
  }

  const lengthValue = d.u16(span, at + L.length)
  const lengthField = d.add(node, UDP.length, at + L.length, 2, lengthValue)
  let length = lengthValue
  const jumbogram = length === 0 && d.network?.version === 6
  if (jumbogram) length = reportedLength // RFC 2675 §4
  if (length < 8) {
    lengthField.text = `Length: ${lengthValue} (bogus, must be >= 8)`
    d.note('error', 'malformed', `Bad length value ${length} < 8`, lengthField)
    d.info += ` [BAD UDP LENGTH ${length} < 8]`
    return
  }
  const fragmented = d.fragmented
  if (length > reportedLength && !fragmented && !inError) {
    lengthField.text = `Length: ${lengthValue} (bogus, payload length ${reportedLength})`
    d.note('error', 'malformed', `Bad length value ${length} > IP payload length`, lengthField)
    d.info += ` [BAD UDP LENGTH ${length} > IP PAYLOAD LENGTH]`
  }
  if (jumbogram && length < 65536) d.note('warn', 'protocol', 'Length is zero but payload < 65536', lengthField)
  d.info += ` Len=${length - 8}`
  if (jumbogram) d.info += ' [Jumbogram]'

  const checksum = d.u16(span, at + L.checksum)
  if (checksum === 0) {
    const checksumField = d.add(node, UDP.checksum, at + L.checksum, 2, checksum)
    // No checksum: allowed over IPv4 (and inside ICMP errors), illegal over IPv6.
    const ignored = d.network?.version !== 6 || inError
    checksumField.text = `Checksum: 0x0000 [zero-value ${ignored ? 'ignored' : 'illegal'}]`
    if (!ignored) {
      d.note('error', 'checksum', 'Illegal checksum value (0)', checksumField)
      d.info += ' [ILLEGAL CHECKSUM (0)]'
    }
    addChecksumStatus(d, checksumField, UDP.checksumStatus, ignored ? 3 : 4, at + L.checksum, 2)
  } else addUnverifiedChecksum(d, node, { checksum: UDP.checksum, status: UDP.checksumStatus }, at + L.checksum, checksum)

  let stream: number | undefined
  if (d.network && d.context.udpStream) {
    stream = d.context.udpStream(udpConversationKey(d.network.src, srcPort, d.network.dst, dstPort))
    d.generated(node, UDP.stream, stream, at + L.payload, 0)
  }
  if (length === 8) return

  // Times within the conversation (Wireshark's udp.calculate_timestamps, on by default).
  const hooks = d.context
  if (!inError && stream !== undefined && hooks.udpTimes) {
    const now = { sec: d.raw.tsSec, nsec: d.raw.tsNsec }
    const times = hooks.udpTimes(stream, now)
    const group = d.text(node, at, 0, '[Timestamps]')
    group.generated = true
    d.generated(group, UDP.timeRelative, timeDiff(now, times.first), at, 0)
    d.generated(group, UDP.timeDelta, timeDiff(now, times.previous), at, 0)
  }

  // The payload ends where the UDP length says, or where the IP payload ends if that is sooner.
  const payloadAt = at + L.payload
  const captured = span.end - payloadAt
  if (inError && captured <= 0) return
  // Wireshark's payload item covers every captured byte after the header (it throws when the
  // capture stopped right after the header but the datagram went on).
  d.need(span, payloadAt, reportedLength > 8 ? Math.min(1, reportedLength - 8) : 0)
  const reported = Math.min(reportedLength, length) - 8
  const shown = Math.max(0, Math.min(captured, reported))
  const payload = d.add(node, UDP.payload, payloadAt, Math.max(0, captured), d.bytes.subarray(payloadAt, Math.max(payloadAt, span.end)))
  payload.text = `UDP payload (${shown} byte${shown === 1 ? '' : 's'})`
  // Data shows what was captured of it (Wireshark's data dissector never reads past that).
  decodeData(d, { start: payloadAt, end: payloadAt + shown, reported: payloadAt + shown }, null)
}

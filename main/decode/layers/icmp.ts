// ICMP for IPv4 (RFC 792, 1191, 1256, 4884, 4950, 8335), as Wireshark's packet-icmp.c shows it:
// type/code with their names, the checksum verified, echo identifiers and sequence numbers in
// both byte orders with replies matched to requests, and for error messages the quoted IPv4
// header and transport header, decoded under the ICMP node.
//
// Also here, because UDP and ICMPv6 share them: captured-data and time texts.
import type { Dissection, Span } from '../dissection'
import { defineFields, Field, type FieldDef, type Timestamp } from '../field'
import { ipv4Text } from '../addresses'
import { hex } from '../format'
import { timeDiff } from '../time'
import { decodeData } from './data'
import { decodeIpv4 } from './ipv4'
import { addChecksumStatus, addUnverifiedChecksum, addVerifiedChecksum, onesComplementSum } from '../checksum'
import { CHECKSUM_STATUS, EXT_ECHO_STATES, SET_NOT_SET } from '../names'
import { TCP_ANALYSIS } from './tcp-analysis'

// ---------------------------------------------------------------- shared with UDP and ICMPv6

/** Data a protocol carries, as far as it was captured (Wireshark's data dissector stops there too). */
export function capturedData(d: Dissection, start: number, span: Span, parent: Field | null): void {
  const end = Math.min(span.end, span.reported)
  if (end > start) decodeData(d, { start, end, reported: end }, parent)
}

/** "1 hour, 2 minutes, 3.004 seconds", as Wireshark writes durations (signed_time_[m]secs_to_str). */
function durationText(seconds: number, milliseconds = 0): string {
  if (seconds === 0 && milliseconds === 0) return '0 seconds'
  let sign = seconds < 0 || milliseconds < 0 ? '-' : ''
  let rest = Math.abs(seconds)
  const ms = Math.abs(milliseconds)
  const secs = rest % 60
  rest = Math.floor(rest / 60)
  const mins = rest % 60
  rest = Math.floor(rest / 60)
  const hours = rest % 24
  const days = Math.floor(rest / 24)
  const parts: string[] = []
  const unit = (n: number, name: string) => {
    parts.push(`${sign}${n} ${name}${n === 1 ? '' : 's'}`)
    sign = ''
  }
  if (days) unit(days, 'day')
  if (hours) unit(hours, 'hour')
  if (mins) unit(mins, 'minute')
  if (secs || ms) {
    if (ms) {
      parts.push(`${sign}${secs}.${String(ms).padStart(3, '0')} seconds`)
      sign = ''
    } else unit(secs, 'second')
  }
  return parts.join(', ')
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "Nov 14, 2023 22:13:19.500000000 UTC": an absolute time as tshark writes it (in UTC). */
export function absoluteTimeText(t: Timestamp): string {
  const date = new Date(t.sec * 1000)
  const two = (n: number) => String(n).padStart(2, '0')
  return (
    `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2, ' ')}, ${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}.${String(t.nsec).padStart(9, '0')} UTC`
  )
}

/** The two addresses of a conversation, in an order that does not depend on the direction. */
export function addressPair(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`
}

// ---------------------------------------------------------------- ICMP

export const ICMP_TYPE = {
  ECHO_REPLY: 0,
  UNREACH: 3,
  SOURCE_QUENCH: 4,
  REDIRECT: 5,
  ALT_HOST: 6,
  ECHO: 8,
  ROUTER_ADVERT: 9,
  ROUTER_SOLICIT: 10,
  TIME_EXCEEDED: 11,
  PARAM_PROBLEM: 12,
  TIMESTAMP: 13,
  TIMESTAMP_REPLY: 14,
  INFO_REQUEST: 15,
  INFO_REPLY: 16,
  MASK_REQUEST: 17,
  MASK_REPLY: 18,
  PHOTURIS: 40,
  EXT_ECHO: 42,
  EXT_ECHO_REPLY: 43,
} as const

/** Wireshark's icmp_type_str. */
export const ICMP_TYPES: Readonly<Record<number, string>> = {
  0: 'Echo (ping) reply',
  1: 'Reserved',
  2: 'Reserved',
  3: 'Destination unreachable',
  4: 'Source quench (flow control)',
  5: 'Redirect',
  6: 'Alternate host address',
  8: 'Echo (ping) request',
  9: 'Router advertisement',
  10: 'Router solicitation',
  11: 'Time-to-live exceeded',
  12: 'Parameter problem',
  13: 'Timestamp request',
  14: 'Timestamp reply',
  15: 'Information request',
  16: 'Information reply',
  17: 'Address mask request',
  18: 'Address mask reply',
  19: 'Reserved (for security)',
  30: 'Traceroute',
  31: 'Datagram Conversion Error',
  32: 'Mobile Host Redirect',
  33: 'IPv6 Where-Are-You',
  34: 'IPv6 I-Am-Here',
  35: 'Mobile Registration Request',
  36: 'Mobile Registration Reply',
  37: 'Domain Name Request',
  38: 'Domain Name Reply',
  39: 'SKIP',
  40: 'Photuris',
  41: 'Experimental mobility protocols',
  42: 'Extended Echo request',
  43: 'Extended Echo reply',
}

/** The code names, per type (types without a table show the bare code). */
export const ICMP_CODES: Readonly<Record<number, Readonly<Record<number, string>>>> = {
  3: {
    0: 'Network unreachable',
    1: 'Host unreachable',
    2: 'Protocol unreachable',
    3: 'Port unreachable',
    4: 'Fragmentation needed',
    5: 'Source route failed',
    6: 'Destination network unknown',
    7: 'Destination host unknown',
    8: 'Source host isolated',
    9: 'Network administratively prohibited',
    10: 'Host administratively prohibited',
    11: 'Network unreachable for TOS',
    12: 'Host unreachable for TOS',
    13: 'Communication administratively filtered',
    14: 'Host precedence violation',
    15: 'Precedence cutoff in effect',
  },
  5: { 0: 'Redirect for network', 1: 'Redirect for host', 2: 'Redirect for TOS and network', 3: 'Redirect for TOS and host' },
  6: { 0: 'Alternate address for host' },
  9: { 0: 'Normal router advertisement', 16: 'Does not route common traffic' },
  11: { 0: 'Time to live exceeded in transit', 1: 'Fragment reassembly time exceeded' },
  12: { 0: 'Pointer indicates the error', 1: 'Required option missing', 2: 'Bad length' },
  40: { 0: 'Bad SPI', 1: 'Authentication Failed', 2: 'Decompression Failed', 3: 'Decryption Failed', 4: 'Need Authentication', 5: 'Need Authorization' },
  42: { 0: 'No error' },
  43: { 0: 'No error', 1: 'Malformed Query', 2: 'No Such Interface', 3: 'No Such Table Entry', 4: 'Multiple Interfaces Satisfy Query' },
}

const EXT_CLASSES: Record<number, string> = { 1: 'MPLS Label Stack Class', 2: 'Interface Information Object', 3: 'Interface Identification Object' }

export const ICMP = defineFields({
  icmp: { name: 'icmp', title: 'Internet Control Message Protocol', type: 'protocol', short: 'ICMP' },
  type: { name: 'icmp.type', title: 'Type', type: 'uint8', base: 'dec' },
  code: { name: 'icmp.code', title: 'Code', type: 'uint8', base: 'dec' },
  checksum: { name: 'icmp.checksum', title: 'Checksum', type: 'uint16', base: 'hex' },
  checksumStatus: { name: 'icmp.checksum.status', title: 'Checksum Status', type: 'uint8', base: 'none', values: CHECKSUM_STATUS },
  unused: { name: 'icmp.unused', title: 'Unused', type: 'bytes' },
  ident: { name: 'icmp.ident', title: 'Identifier (BE)', type: 'uint16', base: 'dec_hex' },
  identLe: { name: 'icmp.ident_le', title: 'Identifier (LE)', type: 'uint16', base: 'dec_hex' },
  seq: { name: 'icmp.seq', title: 'Sequence Number (BE)', type: 'uint16', base: 'dec_hex' },
  seqLe: { name: 'icmp.seq_le', title: 'Sequence Number (LE)', type: 'uint16', base: 'dec_hex' },
  mtu: { name: 'icmp.mtu', title: 'MTU of next hop', type: 'uint16', base: 'dec' },
  numAddrs: { name: 'icmp.num_addrs', title: 'Number of addresses', type: 'uint8', base: 'dec' },
  addrEntrySize: { name: 'icmp.addr_entry_size', title: 'Address entry size', type: 'uint8', base: 'dec' },
  lifetime: { name: 'icmp.lifetime', title: 'Lifetime', type: 'uint16', base: 'dec' },
  pointer: { name: 'icmp.pointer', title: 'Pointer', type: 'uint32', base: 'dec' },
  routerAddress: { name: 'icmp.router_address', title: 'Router address', type: 'ipv4' },
  prefLevel: { name: 'icmp.pref_level', title: 'Preference level', type: 'int32' },
  originateTimestamp: { name: 'icmp.originate_timestamp', title: 'Originate Timestamp', type: 'uint32', base: 'dec' },
  receiveTimestamp: { name: 'icmp.receive_timestamp', title: 'Receive Timestamp', type: 'uint32', base: 'dec' },
  transmitTimestamp: { name: 'icmp.transmit_timestamp', title: 'Transmit Timestamp', type: 'uint32', base: 'dec' },
  addressMask: { name: 'icmp.address_mask', title: 'Address Mask', type: 'ipv4' },
  redirGw: { name: 'icmp.redir_gw', title: 'Gateway Address', type: 'ipv4' },
  length: { name: 'icmp.length', title: 'Length', type: 'uint8', base: 'dec' },
  lengthOriginal: { name: 'icmp.length.original_datagram', title: 'Length of original datagram', type: 'uint8', base: 'dec' },
  respTo: { name: 'icmp.resp_to', title: 'Request frame', type: 'framenum' },
  resptime: { name: 'icmp.resptime', title: 'Response time', type: 'double' },
  dataTime: { name: 'icmp.data_time', title: 'Timestamp from icmp data', type: 'string' },
  dataTimeRelative: { name: 'icmp.data_time_relative', title: 'Timestamp from icmp data (relative)', type: 'time' },
  extEchoSeq: { name: 'icmp.ext.echo.seq', title: 'Sequence Number', type: 'uint8', base: 'dec_hex' },
  extEchoReqRes: { name: 'icmp.ext.echo.req.res', title: 'Reserved', type: 'uint8', base: 'hex', bitmask: 0xfe },
  extEchoReqLocal: { name: 'icmp.ext.echo.req.local', title: 'Local bit', type: 'bool', bitmask: 0x01, tfs: SET_NOT_SET },
  extEchoRspState: { name: 'icmp.ext.echo.rsp.state', title: 'State', type: 'uint8', base: 'dec', bitmask: 0xe0, values: EXT_ECHO_STATES },
  extEchoRspRes: { name: 'icmp.ext.echo.rsp.res', title: 'Reserved', type: 'uint8', base: 'hex', bitmask: 0x18 },
  extEchoRspActive: { name: 'icmp.ext.echo.rsp.active', title: 'Active bit', type: 'bool', bitmask: 0x04, tfs: SET_NOT_SET },
  extEchoRspIpv4: { name: 'icmp.ext.echo.rsp.ipv4', title: 'IPv4 bit', type: 'bool', bitmask: 0x02, tfs: SET_NOT_SET },
  extEchoRspIpv6: { name: 'icmp.ext.echo.rsp.ipv6', title: 'IPv6 bit', type: 'bool', bitmask: 0x01, tfs: SET_NOT_SET },
  ext: { name: 'icmp.ext', title: 'ICMP Extensions', type: 'none' },
  extVersion: { name: 'icmp.ext.version', title: 'Version', type: 'uint8', base: 'dec' },
  extReserved: { name: 'icmp.ext.res', title: 'Reserved', type: 'uint16', base: 'hex', bitmask: 0x0fff },
  extChecksum: { name: 'icmp.ext.checksum', title: 'Checksum', type: 'uint16', base: 'hex' },
  extChecksumStatus: { name: 'icmp.ext.checksum.status', title: 'Checksum Status', type: 'uint8', base: 'none', values: CHECKSUM_STATUS },
  extLength: { name: 'icmp.ext.length', title: 'Length', type: 'uint16', base: 'dec' },
  extClass: { name: 'icmp.ext.class', title: 'Class', type: 'uint8', base: 'dec', values: EXT_CLASSES },
  extCType: { name: 'icmp.ext.ctype', title: 'C-Type', type: 'uint8', base: 'dec' },
  extData: { name: 'icmp.ext.data', title: 'Data', type: 'bytes' },
  mplsLabel: { name: 'icmp.mpls.label', title: 'Label', type: 'uint24', base: 'dec', bitmask: 0xfffff0 },
  mplsExp: { name: 'icmp.mpls.exp', title: 'Experimental', type: 'uint24', base: 'dec', bitmask: 0x0e, bitWidth: 24 },
  mplsS: { name: 'icmp.mpls.s', title: 'Stack bit', type: 'bool', bitmask: 0x01, bitWidth: 24, tfs: SET_NOT_SET },
  mplsTtl: { name: 'icmp.mpls.ttl', title: 'Time to live', type: 'uint8', base: 'dec' },
  mplsData: { name: 'icmp.mpls.data', title: 'Data', type: 'bytes' },
})

/** Byte layout of the ICMP header (the second word depends on the type). */
export const ICMP_LAYOUT = { type: 0, code: 1, checksum: 2, ident: 4, seq: 6, unused: 4, length: 5, mtu: 6, gateway: 4, pointer: 4, body: 8 } as const

const QUOTING_TYPES = new Set<number>([ICMP_TYPE.UNREACH, ICMP_TYPE.TIME_EXCEEDED, ICMP_TYPE.PARAM_PROBLEM, ICMP_TYPE.SOURCE_QUENCH, ICMP_TYPE.REDIRECT])
const ID_SEQ_TYPES = new Set<number>([0, 8, 13, 14, 15, 16, 17, 18])

/** The echo-matching key: replies carry the request's checksum + 0x0800 (the type byte changed). */
function icmpEchoKey(type: number, checksum: number, ident: number, seq: number, src: string, dst: string): string {
  let key: number
  if (type === ICMP_TYPE.ECHO_REPLY) key = checksum === 0xffff ? 0 : checksum
  else key = ~onesComplementSum(Uint8Array.of((~checksum >> 8) & 0xff, ~checksum & 0xff, 0xf7, 0xff), 0, 4) & 0xffff
  return `icmp ${addressPair(src, dst)} ${key} ${ident} ${seq}`
}

/**
 * The echo data often starts with the sender's clock (a struct timeval, either byte order).
 * Wireshark takes it for one if it is within a day of the frame's time.
 */
function echoTimestamp(bytes: Uint8Array, at: number, frameSec: number): Timestamp | undefined {
  const be = (o: number) => ((bytes[o] << 24) | (bytes[o + 1] << 16) | (bytes[o + 2] << 8) | bytes[o + 3]) >>> 0
  const le = (o: number) => (bytes[o] | (bytes[o + 1] << 8) | (bytes[o + 2] << 16) | (bytes[o + 3] << 24)) >>> 0
  // The C code subtracts 32-bit seconds and takes abs() of the int result.
  const near = (sec: number) => Math.abs(((sec - frameSec) | 0)) < 86400
  let sec = be(at)
  let usec = be(at + 4)
  if (!near(sec) || usec >= 1_000_000) {
    sec = le(at)
    usec = le(at + 4)
  }
  if (!near(sec) || usec >= 1_000_000) return undefined
  return { sec, nsec: usec * 1000 }
}

export function decodeIcmp(d: Dissection, span: Span, parent: Field | null): void {
  const L = ICMP_LAYOUT
  const at = span.start
  const b = d.bytes
  const inError = d.quoting
  // A quote that stops before this header: Wireshark's IP layer does not hand it over at all.
  if (inError && span.start >= Math.min(span.end, span.reported)) return
  d.enter(ICMP.icmp)
  d.protocolColumn = 'ICMP'
  d.info = ''
  const type = d.u8(span, at)
  const code = d.u8(span, at + L.code)
  // RFC 4884: the length of the quoted datagram, in 32-bit words (0: not given).
  let originalLength = d.u8(span, at + L.length)
  let typeName = ICMP_TYPES[type] ?? 'Unknown ICMP (obsolete or malformed?)'
  if (type === ICMP_TYPE.ROUTER_ADVERT && (code === 0 || code === 16)) typeName = 'Mobile IP Advertisement'
  if (type === ICMP_TYPE.ALT_HOST) originalLength = 0
  const codes = ICMP_CODES[type]
  const codeName = codes ? (codes[code] ?? `Unknown code: ${code}`) : undefined
  d.info = typeName.padEnd(20) + (codeName ? ` (${codeName})` : '')

  const captured = Math.min(span.end, span.reported) - at
  const reported = span.reported - at
  const node = d.attach(parent, ICMP.icmp, at, captured, 'Internet Control Message Protocol')
  d.add(node, ICMP.type, at, 1, type).text = `Type: ${type} (${typeName})`
  d.add(node, ICMP.code, at + L.code, 1, code).text = codeName ? `Code: ${code} (${codeName})` : `Code: ${code}`
  const checksum = d.u16(span, at + L.checksum)
  const checksumDefs = { checksum: ICMP.checksum, status: ICMP.checksumStatus }
  if (!d.fragmented && captured >= reported && !inError) {
    addVerifiedChecksum(d, node, checksumDefs, at + L.checksum, checksum, onesComplementSum(b, at, at + reported))
  } else {
    addUnverifiedChecksum(d, node, checksumDefs, at + L.checksum, checksum, inError ? 'in ICMP error packet' : 'fragmented datagram')
  }

  // The second word.
  const unused = (offset: number, length: number) => d.add(node, ICMP.unused, at + offset, length, d.slice(span, at + offset, length))
  const quotedLength = () => {
    d.uint(node, ICMP.length, span, at + L.length, 1)
    d.generated(node, ICMP.lengthOriginal, originalLength * 4, at + L.length, 1)
  }
  switch (type) {
    case ICMP_TYPE.UNREACH:
      if (originalLength > 0) {
        unused(4, 1)
        quotedLength()
        if (code === 4) d.uint(node, ICMP.mtu, span, at + L.mtu, 2)
        else unused(6, 2)
      } else if (code === 4) {
        unused(4, 2)
        d.uint(node, ICMP.mtu, span, at + L.mtu, 2)
      } else unused(4, 4)
      break
    case ICMP_TYPE.ROUTER_ADVERT: {
      d.uint(node, ICMP.numAddrs, span, at + 4, 1)
      d.uint(node, ICMP.addrEntrySize, span, at + 5, 1)
      const lifetime = d.uintField(node, ICMP.lifetime, span, at + 6, 2)
      lifetime.text = `Lifetime: ${lifetime.value} (${durationText(lifetime.value as number)})`
      break
    }
    case ICMP_TYPE.PARAM_PROBLEM:
      d.add(node, ICMP.pointer, at + 4, 1, d.u8(span, at + 4))
      if (originalLength > 0) {
        quotedLength()
        unused(6, 2)
      } else unused(5, 3)
      break
    case ICMP_TYPE.REDIRECT:
      d.need(span, at + 4, 4)
      d.add(node, ICMP.redirGw, at + 4, 4, ipv4Text(b, at + 4))
      break
    case ICMP_TYPE.TIME_EXCEEDED:
      if (originalLength > 0) {
        unused(4, 1)
        quotedLength()
        unused(6, 2)
      } else unused(4, 4)
      break
    case ICMP_TYPE.EXT_ECHO:
    case ICMP_TYPE.EXT_ECHO_REPLY: {
      d.uint(node, ICMP.ident, span, at + 4, 2)
      d.add(node, ICMP.identLe, at + 4, 2, d.u16le(span, at + 4))
      d.uint(node, ICMP.extEchoSeq, span, at + 6, 1)
      const flags = d.u8(span, at + 7)
      const defs =
        type === ICMP_TYPE.EXT_ECHO
          ? [ICMP.extEchoReqRes, ICMP.extEchoReqLocal]
          : [ICMP.extEchoRspState, ICMP.extEchoRspRes, ICMP.extEchoRspActive, ICMP.extEchoRspIpv4, ICMP.extEchoRspIpv6]
      for (const def of defs) d.bitField(node, def, at + 7, 1, flags)
      break
    }
    default:
      if (ID_SEQ_TYPES.has(type)) {
        const ident = d.uint(node, ICMP.ident, span, at + L.ident, 2)
        d.add(node, ICMP.identLe, at + L.ident, 2, d.u16le(span, at + L.ident))
        const seq = d.uint(node, ICMP.seq, span, at + L.seq, 2)
        const seqLe = d.u16le(span, at + L.seq)
        d.add(node, ICMP.seqLe, at + L.seq, 2, seqLe)
        d.info += ` id=${hex(ident, 4)}, seq=${seq}/${seqLe}`
        // Only over IPv4: ICMP carried by IPv6 has no IPv4 header to take the TTL from.
        if (d.network?.version === 4) d.info += `, ttl=${d.network.ttl}`
      }
  }

  // The rest of the message.
  if (QUOTING_TYPES.has(type)) {
    decodeIcmpQuote(d, span, node, type, originalLength)
    return
  }
  switch (type) {
    case ICMP_TYPE.ECHO_REPLY:
    case ICMP_TYPE.ECHO:
      decodeEchoData(d, span, node, type, checksum)
      break
    case ICMP_TYPE.ROUTER_ADVERT: {
      const count = b[at + 4]
      if (b[at + 5] !== 2) {
        capturedData(d, at + 8, span, node)
        break
      }
      for (let i = 0; i < count; i++) {
        const entry = at + 8 + i * 8
        d.need(span, entry, 4)
        d.add(node, ICMP.routerAddress, entry, 4, ipv4Text(b, entry))
        d.add(node, ICMP.prefLevel, entry + 4, 4, d.u32(span, entry + 4) | 0)
      }
      // Mobile IP extensions (RFC 5944) after the addresses are not decoded.
      break
    }
    case ICMP_TYPE.TIMESTAMP:
    case ICMP_TYPE.TIMESTAMP_REPLY: {
      const frameMs = (d.raw.tsSec % 86400) * 1000 + Math.floor(d.raw.tsNsec / 1_000_000)
      const defs = [ICMP.originateTimestamp, ICMP.receiveTimestamp, ICMP.transmitTimestamp]
      defs.forEach((def, i) => {
        const offset = at + 8 + 4 * i
        const field = d.uintField(node, def, span, offset, 4)
        const ms = bestGuessMsOfDay(d.u32(span, offset), d.u32le(span, offset), frameMs)
        field.text = `${def.title}: ${field.value} (${durationText(Math.floor(ms / 1000), ms % 1000)} after midnight UTC)`
      })
      break
    }
    case ICMP_TYPE.MASK_REQUEST:
    case ICMP_TYPE.MASK_REPLY:
      d.need(span, at + 8, 4)
      d.add(node, ICMP.addressMask, at + 8, 4, ipv4Text(b, at + 8))
      break
    case ICMP_TYPE.EXT_ECHO:
      if (reported > 8) decodeIcmpExtensions(d, span, node, at + 8)
      break
  }
}

/**
 * Matches an echo reply with its request (single pass: a request never learns of its reply),
 * adding "[Request frame: N]", the response time and " (request in N)" to a matched reply.
 */
export function matchEcho(d: Dissection, node: Field, key: string, isRequest: boolean, defs: { respTo: FieldDef; resptime: FieldDef }): void {
  const frameTime = { sec: d.raw.tsSec, nsec: d.raw.tsNsec }
  const request = d.context.echoMatch?.(key, isRequest, d.raw.no, frameTime)
  if (!request) return
  d.generated(node, defs.respTo, request.frame)
  const delta = timeDiff(frameTime, request.time)
  const ms = delta.sec * 1000 + delta.nsec / 1e6
  d.generated(node, defs.resptime, ms).text = `[${defs.resptime.title}: ${ms.toFixed(3)} ms]`
  d.info += ` (request in ${request.frame})`
}

/** Wireshark's get_best_guess_mstimeofday: a time of day in ms, in whichever byte order fits. */
function bestGuessMsOfDay(beValue: number, leValue: number, frameMs: number): number {
  const DAY = 86_400_000
  let be = beValue & 0x7fffffff
  let le = leValue & 0x7fffffff
  if (be < DAY && le >= DAY) return be
  if (le < DAY && be >= DAY) return le
  if (be < DAY && le < DAY) {
    const savedBe = be
    const savedLe = le
    if (be < frameMs && be <= DAY / 4 && frameMs >= DAY - DAY / 4) be += DAY
    if (le < frameMs && le <= DAY / 4 && frameMs >= DAY - DAY / 4) le += DAY
    return ((be - frameMs) >>> 0) < ((le - frameMs) >>> 0) ? savedBe : savedLe
  }
  return ((be - frameMs) >>> 0) < ((le - frameMs) >>> 0) ? be : le
}

function decodeEchoData(d: Dissection, span: Span, node: Field, type: number, checksum: number): void {
  const at = span.start
  if (!d.quoting && d.network) {
    const key = icmpEchoKey(type, checksum, d.u16(span, at + 4), d.u16(span, at + 6), d.network.src, d.network.dst)
    matchEcho(d, node, key, type === ICMP_TYPE.ECHO, { respTo: ICMP.respTo, resptime: ICMP.resptime })
  }
  const end = Math.min(span.end, span.reported)
  if (end - (at + 8) < 8) {
    capturedData(d, at + 8, span, node)
    return
  }
  const frameTime = { sec: d.raw.tsSec, nsec: d.raw.tsNsec }
  const stamp = echoTimestamp(d.bytes, at + 8, d.raw.tsSec)
  if (stamp) {
    d.add(node, ICMP.dataTime, at + 8, 8, absoluteTimeText(stamp)).text = `Timestamp from icmp data: ${absoluteTimeText(stamp)}`
    d.generated(node, ICMP.dataTimeRelative, timeDiff(frameTime, stamp), at + 8, 8)
    capturedData(d, at + 16, span, node)
  } else capturedData(d, at + 8, span, node)
}

/** The quoted IP packet of an error message, then any RFC 4884 extension structure. */
function decodeIcmpQuote(d: Dissection, span: Span, node: Field, type: number, originalLength: number): void {
  const at = span.start
  const b = d.bytes
  const reported = span.reported - at
  const quote = d.sub(span, at + 8)
  if (type === ICMP_TYPE.REDIRECT) {
    // At most the IP header and 64 bits of the original datagram.
    d.setLength(quote, (d.u8(span, at + 8) & 0x0f) * 4 + 8)
  } else if (originalLength && reported > 8 + originalLength * 4 && d.u16(span, at + 10) > originalLength * 4) {
    d.setLength(quote, ((b[at + 8] & 0x0f) + originalLength) * 4)
  }
  d.quoted(() => decodeIpv4(d, quote, node))
  completeQuotedTcp(d, node, quote)
  if (reported > 8 + 128 && d.u16(span, at + 10) <= 128) {
    decodeIcmpExtensions(d, span, node, at + 8 + (originalLength ? originalLength * 4 : 128))
  }
}

/**
 * RFC 792 quotes only 8 bytes of a TCP header: the ports and the sequence number. Wireshark's
 * TCP shows that much in an error packet (the sequence number as tcp.seq, raw), where the
 * TCP decoder stops after the ports for want of a full header.
 */
function completeQuotedTcp(d: Dissection, icmpNode: Field, quote: Span): void {
  const tcp = icmpNode.children?.findLast((child) => child.name === 'tcp')
  if (!tcp || tcp.children?.some((child) => child.name === 'tcp.seq_raw' || child.name === TCP_ANALYSIS.seq.name)) return
  const end = Math.min(quote.end, quote.reported)
  d.resize(tcp, Math.min(tcp.length, end - tcp.offset))
  if (tcp.offset + 8 > end) return
  const seq = ((d.bytes[tcp.offset + 4] << 24) | (d.bytes[tcp.offset + 5] << 16) | (d.bytes[tcp.offset + 6] << 8) | d.bytes[tcp.offset + 7]) >>> 0
  d.add(tcp, TCP_ANALYSIS.seq, tcp.offset + 4, 4, seq)
}

/**
 * RFC 4884 extension structure: a version/checksum header, then objects (RFC 4950 MPLS
 * stacks). Returns false when it could not read the structure (too short, unknown version).
 */
export function decodeIcmpExtensions(d: Dissection, span: Span, node: Field, at: number): boolean {
  const end = span.reported
  const length = end - at
  const ext = d.add(node, ICMP.ext, at, Math.max(0, length), null)
  ext.text = 'ICMP Multi-Part Extensions'
  if (length < 4) return false
  const version = d.u8(span, at) >> 4
  d.add(ext, ICMP.extVersion, at, 1, version)
  d.bitField(ext, ICMP.extReserved, at, 2, d.u16(span, at))
  const checksum = d.u16(span, at + 2)
  const defs = { checksum: ICMP.extChecksum, status: ICMP.extChecksumStatus }
  if (checksum === 0) {
    const missing = d.generated(ext, ICMP.extChecksum, 0, at + 2, 2)
    missing.text = '[Checksum: [missing]]'
    addChecksumStatus(d, ext, ICMP.extChecksumStatus, 3, at + 2)
  } else {
    d.need(span, at, length)
    addVerifiedChecksum(d, ext, defs, at + 2, checksum, onesComplementSum(d.bytes, at, end))
  }
  if (version !== 1 && version !== 2) {
    ext.text += ' (unsupported version)'
    return false
  }
  let offset = at + 4
  while (end - offset >= 4) {
    const objectLength = d.u16(span, offset)
    const truncated = Math.min(objectLength, end - offset)
    const objectEnd = offset + truncated
    const object = d.text(ext, offset, Math.max(truncated, 4), 'Unknown object')
    d.add(object, ICMP.extLength, offset, 2, objectLength)
    const classNum = d.uint(object, ICMP.extClass, span, offset + 2, 1)
    const cType = d.u8(span, offset + 3)
    if (objectLength < 4) {
      object.text = 'Object with bad length'
      break
    }
    if (classNum === 1 && cType === 1) {
      d.add(object, ICMP.extCType, offset + 3, 1, cType)
      object.text = 'MPLS Stack Entry'
      let entry = offset + 4
      for (; entry + 4 <= objectEnd && end - entry >= 4; entry += 4) {
        const word = d.u24(span, entry)
        const label = word >>> 4
        const expS = word & 0xff
        const stackEntry = d.text(object, entry, 4, '')
        d.bitField(stackEntry, ICMP.mplsLabel, entry, 3, word)
        d.bitField(stackEntry, ICMP.mplsExp, entry + 2, 1, expS)
        d.bitField(stackEntry, ICMP.mplsS, entry + 2, 1, expS)
        const ttl = d.uint(stackEntry, ICMP.mplsTtl, span, entry + 3, 1)
        stackEntry.text = `Label: ${label}, Exp: ${(expS >> 1) & 7}, S: ${expS & 1}, TTL: ${ttl}`
      }
      if (entry < objectEnd) d.add(object, ICMP.mplsData, entry, objectEnd - entry, d.slice(span, entry, objectEnd - entry))
    } else {
      // Interface information (RFC 5837) and identification (RFC 8335) objects are shown as data.
      d.add(object, ICMP.extCType, offset + 3, 1, cType)
      object.text = `${EXT_CLASSES[classNum] ?? 'Unknown object'} (${classNum}/${cType})`
      if (truncated > 4) d.add(object, ICMP.extData, offset + 4, truncated - 4, d.slice(span, offset + 4, truncated - 4))
    }
    if (truncated < objectLength) object.text += ' (truncated)'
    offset = objectEnd
  }
  return true
}

// ICMPv6 (RFC 4443) with Neighbor Discovery (RFC 4861) and MLD (RFC 2710, 3810), as
// Wireshark's packet-icmpv6.c shows it: the checksum verified over the IPv6 pseudo-header,
// echo replies matched to requests, ND targets and link-layer addresses in the Info column,
// and for error messages the quoted IPv6 packet decoded under the ICMPv6 node.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field } from '../field'
import { ipv6Text } from '../addresses'
import { hex } from '../format'
import { addressPair, capturedData, matchEcho, decodeIcmpExtensions } from './icmp'
import { addUnverifiedChecksum, addVerifiedChecksum, onesComplementSum } from '../checksum'
import { CHECKSUM_STATUS, EXT_ECHO_STATES, SET_NOT_SET } from '../names'
import { addFlags, decodeNdOptions, ROUTER_PREFERENCE } from './icmpv6-options'
import { decodeData } from './data'
import { decodeIpv6 } from './ipv6'

/** Wireshark's icmpv6_type_val. */
export const ICMPV6_TYPES: Readonly<Record<number, string>> = {
  1: 'Destination Unreachable',
  2: 'Packet Too Big',
  3: 'Time Exceeded',
  4: 'Parameter Problem',
  100: 'Private experimentation',
  101: 'Private experimentation',
  127: 'Reserved for expansion of ICMPv6 error messages',
  128: 'Echo (ping) request',
  129: 'Echo (ping) reply',
  130: 'Multicast Listener Query',
  131: 'Multicast Listener Report',
  132: 'Multicast Listener Done',
  133: 'Router Solicitation',
  134: 'Router Advertisement',
  135: 'Neighbor Solicitation',
  136: 'Neighbor Advertisement',
  137: 'Redirect',
  138: 'Router Renumbering',
  139: 'Node Information Query',
  140: 'Node Information Reply',
  141: 'Inverse Neighbor Discovery Solicitation',
  142: 'Inverse Neighbor Discovery Advertisement',
  143: 'Multicast Listener Report Message v2',
  144: 'Home Agent Address Discovery Request',
  145: 'Home Agent Address Discovery Reply',
  146: 'Mobile Prefix Solicitation',
  147: 'Mobile Prefix Advertisement',
  148: 'Certification Path Solicitation',
  149: 'Certification Path Advertisement',
  150: 'Experimental Mobility',
  151: 'Multicast Router Advertisement',
  152: 'Multicast Router Solicitation',
  153: 'Multicast Router Termination',
  154: 'FMIPv6',
  155: 'RPL Control',
  156: 'Locator Update',
  157: 'Duplicate Address Request',
  158: 'Duplicate Address Confirmation',
  159: 'MPL Control Message',
  160: 'Extended Echo request',
  161: 'Extended Echo reply',
  200: 'Private experimentation',
  201: 'Private experimentation',
  255: 'Reserved for expansion of ICMPv6 informational messages',
}

/** Code names, for the types that have them (the Info column shows them in parentheses). */
export const ICMPV6_CODES: Readonly<Record<number, { names: Readonly<Record<number, string>>; unknown: (code: number) => string }>> = {
  1: {
    names: {
      0: 'no route to destination',
      1: 'Administratively prohibited',
      2: 'Beyond scope of source address',
      3: 'Address unreachable',
      4: 'Port unreachable',
      5: 'Source address failed ingress/egress policy',
      6: 'Reject route to destination',
      7: 'Error in Source Routing Header',
    },
    unknown: () => 'Unknown',
  },
  3: { names: { 0: 'hop limit exceeded in transit', 1: 'fragment reassembly time exceeded' }, unknown: (c) => `Unknown (${c})` },
  4: {
    names: {
      0: 'erroneous header field encountered',
      1: 'unrecognized Next Header type encountered',
      2: 'unrecognized IPv6 option encountered',
      3: 'IPv6 First Fragment has incomplete IPv6 Header Chain',
    },
    unknown: (c) => `Unknown (${c})`,
  },
  138: { names: { 0: 'Command', 1: 'Result', 255: 'Sequence number reset' }, unknown: (c) => `Unknown (${c})` },
  139: { names: { 0: 'Query subject = IPv6 addresses', 1: 'Query subject = DNS name or empty', 2: 'Query subject = IPv4 addresses' }, unknown: (c) => `Unknown (${c})` },
  140: { names: { 0: 'Successful', 1: 'Refused', 2: 'Unknown query type' }, unknown: (c) => `Unknown (${c})` },
  160: { names: { 0: 'No error' }, unknown: (c) => `Unknown (${c})` },
  161: { names: { 0: 'No error', 1: 'Malformed Query', 2: 'No Such Interface', 3: 'No Such Table Entry', 4: 'Multiple Interfaces Satisfy Query' }, unknown: (c) => `Unknown (${c})` },
}

const MLDR_RECORD_TYPES: Record<number, string> = { 1: 'Include', 2: 'Exclude', 3: 'Changed to include', 4: 'Changed to exclude', 5: 'Allow new sources', 6: 'Block old sources' }

export const ICMPV6 = defineFields({
  icmpv6: { name: 'icmpv6', title: 'Internet Control Message Protocol v6', type: 'protocol', short: 'ICMPv6' },
  type: { name: 'icmpv6.type', title: 'Type', type: 'uint8', base: 'dec', values: ICMPV6_TYPES },
  code: { name: 'icmpv6.code', title: 'Code', type: 'uint8', base: 'dec' },
  checksum: { name: 'icmpv6.checksum', title: 'Checksum', type: 'uint16', base: 'hex' },
  checksumStatus: { name: 'icmpv6.checksum.status', title: 'Checksum Status', type: 'uint8', base: 'none', values: CHECKSUM_STATUS },
  reserved: { name: 'icmpv6.reserved', title: 'Reserved', type: 'bytes' },
  data: { name: 'icmpv6.data', title: 'Data', type: 'bytes' },
  mtu: { name: 'icmpv6.mtu', title: 'MTU', type: 'uint32', base: 'dec' },
  pointer: { name: 'icmpv6.pointer', title: 'Pointer', type: 'uint32', base: 'dec' },
  length: { name: 'icmpv6.length', title: 'Length of original datagram', type: 'uint8', base: 'dec' },
  echoIdentifier: { name: 'icmpv6.echo.identifier', title: 'Identifier', type: 'uint16', base: 'hex' },
  echoSequence: { name: 'icmpv6.echo.sequence_number', title: 'Sequence', type: 'uint16', base: 'dec' },
  respTo: { name: 'icmpv6.resp_to', title: 'Response To', type: 'framenum' },
  resptime: { name: 'icmpv6.resptime', title: 'Response Time', type: 'double' },
  raCurHopLimit: { name: 'icmpv6.nd.ra.cur_hop_limit', title: 'Cur hop limit', type: 'uint8', base: 'dec' },
  raFlag: { name: 'icmpv6.nd.ra.flag', title: 'Flags', type: 'uint8', base: 'hex' },
  raFlagM: { name: 'icmpv6.nd.ra.flag.m', title: 'Managed address configuration', type: 'bool', bitmask: 0x80, tfs: SET_NOT_SET },
  raFlagO: { name: 'icmpv6.nd.ra.flag.o', title: 'Other configuration', type: 'bool', bitmask: 0x40, tfs: SET_NOT_SET },
  raFlagH: { name: 'icmpv6.nd.ra.flag.h', title: 'Home Agent', type: 'bool', bitmask: 0x20, tfs: SET_NOT_SET },
  raFlagPrf: { name: 'icmpv6.nd.ra.flag.prf', title: 'Prf (Default Router Preference)', type: 'uint8', base: 'dec', bitmask: 0x18, values: ROUTER_PREFERENCE },
  raFlagP: { name: 'icmpv6.nd.ra.flag.p', title: 'Proxy', type: 'bool', bitmask: 0x04, tfs: SET_NOT_SET },
  raFlagRsv: { name: 'icmpv6.nd.ra.flag.rsv', title: 'Reserved', type: 'uint8', base: 'dec', bitmask: 0x03 },
  raRouterLifetime: { name: 'icmpv6.nd.ra.router_lifetime', title: 'Router lifetime (s)', type: 'uint16', base: 'dec' },
  raReachableTime: { name: 'icmpv6.nd.ra.reachable_time', title: 'Reachable time (ms)', type: 'uint32', base: 'dec' },
  raRetransTimer: { name: 'icmpv6.nd.ra.retrans_timer', title: 'Retrans timer (ms)', type: 'uint32', base: 'dec' },
  nsTarget: { name: 'icmpv6.nd.ns.target_address', title: 'Target Address', type: 'ipv6' },
  naFlag: { name: 'icmpv6.nd.na.flag', title: 'Flags', type: 'uint32', base: 'hex' },
  naFlagR: { name: 'icmpv6.nd.na.flag.r', title: 'Router', type: 'bool', bitmask: 0x80000000, tfs: SET_NOT_SET },
  naFlagS: { name: 'icmpv6.nd.na.flag.s', title: 'Solicited', type: 'bool', bitmask: 0x40000000, tfs: SET_NOT_SET },
  naFlagO: { name: 'icmpv6.nd.na.flag.o', title: 'Override', type: 'bool', bitmask: 0x20000000, tfs: SET_NOT_SET },
  naFlagRsv: { name: 'icmpv6.nd.na.flag.rsv', title: 'Reserved', type: 'uint32', base: 'dec', bitmask: 0x1fffffff },
  naTarget: { name: 'icmpv6.nd.na.target_address', title: 'Target Address', type: 'ipv6' },
  rdTarget: { name: 'icmpv6.nd.rd.target_address', title: 'Target Address', type: 'ipv6' },
  rdDestination: { name: 'icmpv6.rd.na.destination_address', title: 'Destination Address', type: 'ipv6' },
  mldMrd: { name: 'icmpv6.mld.maximum_response_delay', title: 'Maximum Response Delay [ms]', type: 'uint16', base: 'dec' },
  mldMulticastAddress: { name: 'icmpv6.mld.multicast_address', title: 'Multicast Address', type: 'ipv6' },
  mldMrc: { name: 'icmpv6.mld.maximum_response_code', title: 'Maximum Response Code', type: 'uint32', base: 'dec' },
  mldFlag: { name: 'icmpv6.mld.flag', title: 'Flags', type: 'uint8', base: 'hex' },
  mldFlagS: { name: 'icmpv6.mld.flag.s', title: 'Suppress Router-Side Processing', type: 'bool', bitmask: 0x08 },
  mldFlagQrv: { name: 'icmpv6.mld.flag.qrv', title: "QRV (Querier's Robustness Variable)", type: 'uint8', base: 'dec', bitmask: 0x07 },
  mldFlagRsv: { name: 'icmpv6.mld.flag.reserved', title: 'Reserved', type: 'uint8', base: 'dec', bitmask: 0xf0 },
  mldQqi: { name: 'icmpv6.mld.qqi', title: "QQIC (Querier's Query Interval Code)", type: 'uint32', base: 'dec' },
  mldNbSources: { name: 'icmpv6.mld.nb_sources', title: 'Number of Sources', type: 'uint16', base: 'dec' },
  mldSourceAddress: { name: 'icmpv6.mld.source_address', title: 'Source Address', type: 'ipv6' },
  mldrNbRecords: { name: 'icmpv6.mldr.nb_mcast_records', title: 'Number of Multicast Address Records', type: 'uint16', base: 'dec' },
  mldrMar: { name: 'icmpv6.mldr.mar', title: 'Multicast Address Record', type: 'none' },
  mldrRecordType: { name: 'icmpv6.mldr.mar.record_type', title: 'Record Type', type: 'uint8', base: 'dec', values: MLDR_RECORD_TYPES },
  mldrAuxDataLen: { name: 'icmpv6.mldr.mar.aux_data_len', title: 'Aux Data Len', type: 'uint8', base: 'dec' },
  mldrNbSources: { name: 'icmpv6.mldr.mar.nb_sources', title: 'Number of Sources', type: 'uint16', base: 'dec' },
  mldrMulticastAddress: { name: 'icmpv6.mldr.mar.multicast_address', title: 'Multicast Address', type: 'ipv6' },
  mldrSourceAddress: { name: 'icmpv6.mldr.mar.source_address', title: 'Source Address', type: 'ipv6' },
  mldrAuxData: { name: 'icmpv6.mldr.mar.auxiliary_data', title: 'Auxiliary Data', type: 'bytes' },
  mip6Identifier: { name: 'icmpv6.mip6.identifier', title: 'Identifier', type: 'uint16', base: 'dec_hex' },
  mip6HomeAgentAddress: { name: 'icmpv6.mip6.home_agent_address', title: 'Home Agent Address', type: 'ipv6' },
  mip6Flag: { name: 'icmpv6.mip6.flag', title: 'Flags', type: 'uint16', base: 'hex' },
  mip6FlagM: { name: 'icmpv6.mip6.flag.m', title: 'Managed address configuration', type: 'bool', bitmask: 0x8000, tfs: SET_NOT_SET },
  mip6FlagO: { name: 'icmpv6.mip6.flag.o', title: 'Other configuration', type: 'bool', bitmask: 0x4000, tfs: SET_NOT_SET },
  mip6FlagRsv: { name: 'icmpv6.mip6.flag.rsv', title: 'Reserved', type: 'uint16', base: 'dec', bitmask: 0x3fff },
  mcastRaQueryInterval: { name: 'icmpv6.mcast_ra.query_interval', title: 'Query Interval', type: 'uint16', base: 'dec' },
  mcastRaRobustness: { name: 'icmpv6.mcast_ra.robustness_variable', title: 'Robustness Variable', type: 'uint16', base: 'dec' },
  extEchoSeq: { name: 'icmpv6.ext.echo.seq', title: 'Sequence number', type: 'uint8', base: 'dec_hex' },
  extEchoReqRes: { name: 'icmpv6.ext.echo.req.res', title: 'Reserved', type: 'uint8', base: 'hex', bitmask: 0xfe },
  extEchoReqLocal: { name: 'icmpv6.ext.echo.req.local', title: 'Local bit', type: 'bool', bitmask: 0x01, tfs: SET_NOT_SET },
  extEchoRspState: { name: 'icmpv6.ext.echo.rsp.state', title: 'State', type: 'uint8', base: 'dec', bitmask: 0xe0, values: EXT_ECHO_STATES },
  extEchoRspRes: { name: 'icmpv6.ext.echo.rsp.res', title: 'Reserved', type: 'uint8', base: 'hex', bitmask: 0x18 },
  extEchoRspActive: { name: 'icmpv6.ext.echo.rsp.active', title: 'Active bit', type: 'bool', bitmask: 0x04, tfs: SET_NOT_SET },
  extEchoRspIpv4: { name: 'icmpv6.ext.echo.rsp.ipv4', title: 'IPv4 bit', type: 'bool', bitmask: 0x02, tfs: SET_NOT_SET },
  extEchoRspIpv6: { name: 'icmpv6.ext.echo.rsp.ipv6', title: 'IPv6 bit', type: 'bool', bitmask: 0x01, tfs: SET_NOT_SET },
})

export const ICMPV6_TYPE = {
  DEST_UNREACHABLE: 1,
  PACKET_TOO_BIG: 2,
  TIME_EXCEEDED: 3,
  PARAM_PROBLEM: 4,
  ECHO_REQUEST: 128,
  ECHO_REPLY: 129,
  MLD_QUERY: 130,
  MLD_REPORT: 131,
  MLD_DONE: 132,
  ROUTER_SOLICITATION: 133,
  ROUTER_ADVERTISEMENT: 134,
  NEIGHBOR_SOLICITATION: 135,
  NEIGHBOR_ADVERTISEMENT: 136,
  REDIRECT: 137,
  MLDV2_REPORT: 143,
  EXT_ECHO: 160,
  EXT_ECHO_REPLY: 161,
} as const

/** Types Wireshark decodes further than TCP Lens does (their body shows as icmpv6.data). */
const BODY_AS_DATA = new Set([138, 139, 140, 148, 149, 150, 154, 155, 156, 157, 158, 159])

/**
 * The echo-matching key. ICMPv6 replies differ from their request by the type byte (128 →
 * 129), so a reply's checksum is the request's − 0x0100; the key is the request's checksum.
 */
function icmpv6EchoKey(type: number, checksum: number, ident: number, seq: number, src: string, dst: string): string {
  let key: number
  if (type === ICMPV6_TYPE.ECHO_REQUEST) key = checksum === 0xffff ? 0 : checksum
  else key = ~onesComplementSum(Uint8Array.of((~checksum >> 8) & 0xff, ~checksum & 0xff, 0xfe, 0xff), 0, 4) & 0xffff
  return `icmpv6 ${addressPair(src, dst)} ${key} ${ident} ${seq}`
}

/** The sum over the IPv6 pseudo-header (RFC 8200 §8.1) and the message. */
function icmpv6Sum(d: Dissection, at: number, length: number): number {
  const net = d.network!
  let sum = onesComplementSum(net.srcBytes, 0, 16)
  sum = onesComplementSum(net.dstBytes, 0, 16, sum)
  sum = onesComplementSum(Uint8Array.of(length >>> 24, (length >>> 16) & 0xff, (length >>> 8) & 0xff, length & 0xff, 0, 0, 0, 58), 0, 8, sum)
  return onesComplementSum(d.bytes, at, at + length, sum)
}

export function decodeIcmpv6(d: Dissection, span: Span, parent: Field | null): void {
  const at = span.start
  const b = d.bytes
  const inError = d.quoting
  // A quote that stops before this header: Wireshark's IP layer does not hand it over at all.
  if (inError && span.start >= Math.min(span.end, span.reported)) return
  d.enter(ICMPV6.icmpv6)
  d.protocolColumn = 'ICMPv6'
  d.info = ''
  const captured = Math.max(0, Math.min(span.end, span.reported) - at)
  const reported = span.reported - at
  const node = d.attach(parent, ICMPV6.icmpv6, at, captured, ICMPV6.icmpv6.title)
  const type = d.u8(span, at)
  const typeField = d.add(node, ICMPV6.type, at, 1, type)
  if (ICMPV6_TYPES[type] === undefined) typeField.text = `Type: Unknown (${type})`
  d.info = ICMPV6_TYPES[type] ?? `Unknown (${type})`
  const code = d.u8(span, at + 1)
  const codeField = d.add(node, ICMPV6.code, at + 1, 1, code)
  const codes = ICMPV6_CODES[type]
  if (codes) {
    const codeName = codes.names[code] ?? codes.unknown(code)
    d.info += ` (${codeName})`
    codeField.text = `Code: ${code} (${codeName})`
  }
  const checksum = d.u16(span, at + 2)
  const defs = { checksum: ICMPV6.checksum, status: ICMPV6.checksumStatus }
  if (!d.fragmented && captured >= reported && !inError && d.network) {
    addVerifiedChecksum(d, node, defs, at + 2, checksum, icmpv6Sum(d, at, reported))
  } else {
    addUnverifiedChecksum(d, node, defs, at + 2, checksum, inError ? 'in ICMP error packet' : 'fragmented datagram')
  }
  let offset = at + 4
  const reservedBytes = (length: number) => {
    d.add(node, ICMPV6.reserved, offset, length, d.slice(span, offset, length))
    offset += length
  }

  switch (type) {
    case ICMPV6_TYPE.ECHO_REQUEST:
    case ICMPV6_TYPE.ECHO_REPLY: {
      const ident = d.uint(node, ICMPV6.echoIdentifier, span, offset, 2)
      const seq = d.uint(node, ICMPV6.echoSequence, span, offset + 2, 2)
      offset += 4
      d.info += ` id=${hex(ident, 4)}, seq=${seq}`
      if (d.network?.version === 6) d.info += `, hop limit=${d.network.ttl}`
      if (!inError && d.network) {
        const key = icmpv6EchoKey(type, checksum, ident, seq, d.network.src, d.network.dst)
        matchEcho(d, node, key, type === ICMPV6_TYPE.ECHO_REQUEST, { respTo: ICMPV6.respTo, resptime: ICMPV6.resptime })
      }
      capturedData(d, offset, span, node)
      break
    }
    case ICMPV6_TYPE.DEST_UNREACHABLE:
    case ICMPV6_TYPE.TIME_EXCEEDED: {
      const originalLength = d.u8(span, offset)
      if (originalLength) {
        // RFC 4884: the quoted datagram's length in 64-bit words, then extension objects.
        d.add(node, ICMPV6.length, offset, 1, originalLength)
        offset += 1
        reservedBytes(3)
      } else reservedBytes(4)
      decodeContained(d, d.sub(span, offset), node)
      if (originalLength) decodeIcmpv6Extensions(d, span, node, offset + 8 * originalLength)
      break
    }
    case ICMPV6_TYPE.PACKET_TOO_BIG:
      d.uint(node, ICMPV6.mtu, span, offset, 4)
      decodeContained(d, d.sub(span, offset + 4), node)
      break
    case ICMPV6_TYPE.PARAM_PROBLEM:
      d.uint(node, ICMPV6.pointer, span, offset, 4)
      decodeContained(d, d.sub(span, offset + 4), node)
      break
    case ICMPV6_TYPE.MLD_QUERY:
    case ICMPV6_TYPE.MLD_REPORT:
    case ICMPV6_TYPE.MLD_DONE:
      if (type === ICMPV6_TYPE.MLD_QUERY && captured >= 28) decodeMldv2Query(d, span, node, offset)
      else {
        d.uint(node, ICMPV6.mldMrd, span, offset, 2)
        offset += 2
        reservedBytes(2)
        d.need(span, offset, 16)
        d.add(node, ICMPV6.mldMulticastAddress, offset, 16, ipv6Text(b, offset))
      }
      break
    case ICMPV6_TYPE.ROUTER_SOLICITATION:
    case 141:
    case 142:
      reservedBytes(4)
      decodeNdOptions(d, span, node, offset)
      break
    case ICMPV6_TYPE.ROUTER_ADVERTISEMENT:
      d.uint(node, ICMPV6.raCurHopLimit, span, offset, 1)
      addFlags(d, node, ICMPV6.raFlag, offset + 1, 1, d.u8(span, offset + 1), [
        ICMPV6.raFlagM,
        ICMPV6.raFlagO,
        ICMPV6.raFlagH,
        ICMPV6.raFlagPrf,
        ICMPV6.raFlagP,
        ICMPV6.raFlagRsv,
      ])
      d.uint(node, ICMPV6.raRouterLifetime, span, offset + 2, 2)
      d.uint(node, ICMPV6.raReachableTime, span, offset + 4, 4)
      d.uint(node, ICMPV6.raRetransTimer, span, offset + 8, 4)
      decodeNdOptions(d, span, node, offset + 12)
      break
    case ICMPV6_TYPE.NEIGHBOR_SOLICITATION: {
      reservedBytes(4)
      d.need(span, offset, 16)
      const target = ipv6Text(b, offset)
      d.add(node, ICMPV6.nsTarget, offset, 16, target)
      d.info += ` for ${target}`
      decodeNdOptions(d, span, node, offset + 16)
      break
    }
    case ICMPV6_TYPE.NEIGHBOR_ADVERTISEMENT: {
      const flags = d.u32(span, offset)
      addFlags(d, node, ICMPV6.naFlag, offset, 4, flags, [ICMPV6.naFlagR, ICMPV6.naFlagS, ICMPV6.naFlagO, ICMPV6.naFlagRsv])
      offset += 4
      d.need(span, offset, 16)
      const target = ipv6Text(b, offset)
      d.add(node, ICMPV6.naTarget, offset, 16, target)
      const names = [flags & 0x80000000 ? 'rtr' : '', flags & 0x40000000 ? 'sol' : '', flags & 0x20000000 ? 'ovr' : ''].filter(Boolean)
      d.info += ` ${target} (${names.length ? names.join(', ') : 'none'})`
      decodeNdOptions(d, span, node, offset + 16)
      break
    }
    case ICMPV6_TYPE.REDIRECT:
      reservedBytes(4)
      d.need(span, offset, 32)
      d.add(node, ICMPV6.rdTarget, offset, 16, ipv6Text(b, offset))
      d.add(node, ICMPV6.rdDestination, offset + 16, 16, ipv6Text(b, offset + 16))
      decodeNdOptions(d, span, node, offset + 32)
      break
    case ICMPV6_TYPE.MLDV2_REPORT:
      decodeMldv2Report(d, span, node, offset)
      break
    case 144:
    case 146:
      d.uint(node, ICMPV6.mip6Identifier, span, offset, 2)
      offset += 2
      reservedBytes(2)
      break
    case 145:
      d.uint(node, ICMPV6.mip6Identifier, span, offset, 2)
      offset += 2
      reservedBytes(2)
      while (captured > offset - at) {
        d.need(span, offset, 16)
        d.add(node, ICMPV6.mip6HomeAgentAddress, offset, 16, ipv6Text(b, offset))
        offset += 16
      }
      break
    case 147:
      d.uint(node, ICMPV6.mip6Identifier, span, offset, 2)
      addFlags(d, node, ICMPV6.mip6Flag, offset + 2, 2, d.u16(span, offset + 2), [ICMPV6.mip6FlagM, ICMPV6.mip6FlagO, ICMPV6.mip6FlagRsv])
      decodeNdOptions(d, span, node, offset + 4)
      break
    case 151:
      d.uint(node, ICMPV6.mcastRaQueryInterval, span, offset, 2)
      d.uint(node, ICMPV6.mcastRaRobustness, span, offset + 2, 2)
      break
    case 152:
    case 153:
      break
    case ICMPV6_TYPE.EXT_ECHO:
    case ICMPV6_TYPE.EXT_ECHO_REPLY: {
      d.uint(node, ICMPV6.echoIdentifier, span, offset, 2)
      d.uint(node, ICMPV6.extEchoSeq, span, offset + 2, 1)
      const flags = d.u8(span, offset + 3)
      const bits =
        type === ICMPV6_TYPE.EXT_ECHO
          ? [ICMPV6.extEchoReqRes, ICMPV6.extEchoReqLocal]
          : [ICMPV6.extEchoRspState, ICMPV6.extEchoRspRes, ICMPV6.extEchoRspActive, ICMPV6.extEchoRspIpv4, ICMPV6.extEchoRspIpv6]
      for (const def of bits) d.bitField(node, def, offset + 3, 1, flags)
      if (type === ICMPV6_TYPE.EXT_ECHO) decodeIcmpv6Extensions(d, span, node, offset + 4)
      break
    }
    default:
      if (!BODY_AS_DATA.has(type)) {
        d.note('note', 'undecoded', `Dissector for ICMPv6 Type (${type}) code not implemented, Contact Wireshark developers if you want this supported`, node)
      }
      d.add(node, ICMPV6.data, offset, Math.max(0, captured - 4), b.slice(offset, at + captured))
  }
}

/** The packet an error message quotes: IPv6 if it looks like it, else data. */
function decodeContained(d: Dissection, quote: Span, node: Field): void {
  d.quoted(() => {
    if (d.u8(quote, quote.start) >> 4 === 6) decodeIpv6(d, quote, node)
    else decodeData(d, { ...quote, reported: Math.min(quote.end, quote.reported) }, node)
  })
}

/** MLDv2 query (RFC 3810 §5.1): codes that may be floating point, flags, sources. */
function decodeMldv2Query(d: Dissection, span: Span, node: Field, offset: number): void {
  let mrc = d.u16(span, offset)
  if (mrc >= 32768) mrc = ((mrc & 0x0fff) | 0x1000) * 2 ** (((mrc & 0x7000) >> 12) + 3)
  d.add(node, ICMPV6.mldMrc, offset, 2, mrc)
  offset += 2
  d.add(node, ICMPV6.reserved, offset, 2, d.slice(span, offset, 2))
  offset += 2
  d.need(span, offset, 16)
  d.add(node, ICMPV6.mldMulticastAddress, offset, 16, ipv6Text(d.bytes, offset))
  offset += 16
  addFlags(d, node, ICMPV6.mldFlag, offset, 1, d.u8(span, offset), [ICMPV6.mldFlagS, ICMPV6.mldFlagQrv, ICMPV6.mldFlagRsv])
  offset += 1
  let qqi = d.u8(span, offset)
  if (qqi >= 128) qqi = ((qqi & 0x0f) | 0x10) << (((qqi & 0x70) >> 4) + 3)
  d.add(node, ICMPV6.mldQqi, offset, 1, qqi)
  offset += 1
  const sources = d.uint(node, ICMPV6.mldNbSources, span, offset, 2)
  offset += 2
  for (let i = 0; i < sources; i++, offset += 16) {
    d.need(span, offset, 16)
    d.add(node, ICMPV6.mldSourceAddress, offset, 16, ipv6Text(d.bytes, offset))
  }
}

/** MLDv2 report (RFC 3810 §5.2): one subtree per multicast address record. */
function decodeMldv2Report(d: Dissection, span: Span, node: Field, offset: number): void {
  d.add(node, ICMPV6.reserved, offset, 2, d.slice(span, offset, 2))
  const records = d.uint(node, ICMPV6.mldrNbRecords, span, offset + 2, 2)
  offset += 4
  for (let i = 0; i < records; i++) {
    const record = d.add(node, ICMPV6.mldrMar, offset, 0, null)
    const start = offset
    const recordType = d.uint(record, ICMPV6.mldrRecordType, span, offset, 1)
    const auxLength = d.uint(record, ICMPV6.mldrAuxDataLen, span, offset + 1, 1)
    const sources = d.uint(record, ICMPV6.mldrNbSources, span, offset + 2, 2)
    offset += 4
    d.need(span, offset, 16)
    const group = ipv6Text(d.bytes, offset)
    d.add(record, ICMPV6.mldrMulticastAddress, offset, 16, group)
    offset += 16
    for (let s = 0; s < sources; s++, offset += 16) {
      d.need(span, offset, 16)
      d.add(record, ICMPV6.mldrSourceAddress, offset, 16, ipv6Text(d.bytes, offset))
    }
    if (auxLength) {
      d.add(record, ICMPV6.mldrAuxData, offset, auxLength * 4, d.slice(span, offset, auxLength * 4))
      offset += auxLength * 4
    }
    d.resize(record, offset - start)
    record.text = `Multicast Address Record ${MLDR_RECORD_TYPES[recordType] ?? `Unknown Record Type (${recordType})`}: ${group}`
  }
}

/**
 * RFC 4884 extensions after an ICMPv6 quote (or in an extended echo request). Wireshark calls
 * the ICMP extension dissector by handle here, so a structure it cannot read (too short, an
 * unknown version) also shows as data.
 */
function decodeIcmpv6Extensions(d: Dissection, span: Span, node: Field, at: number): void {
  if (at > span.reported) return
  if (!decodeIcmpExtensions(d, span, node, at)) capturedData(d, at, span, node)
}

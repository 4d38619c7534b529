// IPv4 (RFC 791): every header field, the options, fragments, and the hand-off to TCP, UDP,
// ICMP by protocol number.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field, type FieldDef } from '../field'
import { ipv4Text } from '../addresses'
import { bytesToHex, hex } from '../format'
import { CHECKSUM_STATUS, DSCP, ECN, IP_PROTOCOLS, SET_NOT_SET } from '../names'
import { addUnverifiedChecksum } from '../checksum'
import { ipProtocols } from '../registry'
import { decodeData } from './data'
import { decodeIpv4Options } from './ipv4-options'
import { ipv4FragmentKey, type Reassembled } from '../reassembly'

/** Byte layout of the fixed IPv4 header. */
export const IPV4_LAYOUT = { versionIhl: 0, dsfield: 1, totalLength: 2, id: 4, flagsFragment: 6, ttl: 8, protocol: 9, checksum: 10, src: 12, dst: 16, options: 20 } as const


export const IPV4 = defineFields({
  ip: { name: 'ip', title: 'Internet Protocol Version 4', type: 'protocol', short: 'IPv4' },
  version: { name: 'ip.version', title: 'Version', type: 'uint8', base: 'dec', bitmask: 0xf0 },
  hdrLen: { name: 'ip.hdr_len', title: 'Header Length', type: 'uint8', base: 'dec', bitmask: 0x0f },
  dsfield: { name: 'ip.dsfield', title: 'Differentiated Services Field', type: 'uint8', base: 'hex' },
  dscp: { name: 'ip.dsfield.dscp', title: 'Differentiated Services Codepoint', type: 'uint8', base: 'dec', bitmask: 0xfc, values: DSCP },
  ecn: { name: 'ip.dsfield.ecn', title: 'Explicit Congestion Notification', type: 'uint8', base: 'dec', bitmask: 0x03, values: ECN },
  len: { name: 'ip.len', title: 'Total Length', type: 'uint16', base: 'dec' },
  id: { name: 'ip.id', title: 'Identification', type: 'uint16', base: 'hex_dec' },
  flags: { name: 'ip.flags', title: 'Flags', type: 'uint8', base: 'hex', bitmask: 0xe0 },
  rb: { name: 'ip.flags.rb', title: 'Reserved bit', type: 'bool', bitmask: 0x80, tfs: SET_NOT_SET },
  df: { name: 'ip.flags.df', title: "Don't fragment", type: 'bool', bitmask: 0x40, tfs: SET_NOT_SET },
  mf: { name: 'ip.flags.mf', title: 'More fragments', type: 'bool', bitmask: 0x20, tfs: SET_NOT_SET },
  fragOffset: { name: 'ip.frag_offset', title: 'Fragment Offset', type: 'uint16', base: 'dec', bitmask: 0x1fff },
  ttl: { name: 'ip.ttl', title: 'Time to Live', type: 'uint8', base: 'dec' },
  proto: { name: 'ip.proto', title: 'Protocol', type: 'uint8', base: 'dec', values: IP_PROTOCOLS },
  checksum: { name: 'ip.checksum', title: 'Header Checksum', type: 'uint16', base: 'hex' },
  checksumStatus: { name: 'ip.checksum.status', title: 'Header checksum status', type: 'uint8', base: 'none', values: CHECKSUM_STATUS },
  src: { name: 'ip.src', title: 'Source Address', type: 'ipv4' },
  dst: { name: 'ip.dst', title: 'Destination Address', type: 'ipv4' },
  addr: { name: 'ip.addr', title: 'Source or Destination Address', type: 'ipv4' },
  srcHost: { name: 'ip.src_host', title: 'Source Host', type: 'string' },
  dstHost: { name: 'ip.dst_host', title: 'Destination Host', type: 'string' },
  host: { name: 'ip.host', title: 'Source or Destination Host', type: 'string' },
})

/** The fields of a reassembled datagram's fragment list (Wireshark's ip_frag_items / ipv6_frag_items). */
export interface FragmentDefs {
  fragments: FieldDef
  fragment: FieldDef
  overlap: FieldDef
  conflict: FieldDef
  count: FieldDef
  length: FieldDef
  data: FieldDef
}

function fragmentDefs(prefix: 'ip' | 'ipv6', version: 'IPv4' | 'IPv6'): FragmentDefs {
  return defineFields({
    fragments: { name: `${prefix}.fragments`, title: `${version} Fragments`, type: 'none' },
    fragment: { name: `${prefix}.fragment`, title: `${version} Fragment`, type: 'framenum' },
    overlap: { name: `${prefix}.fragment.overlap`, title: 'Fragment overlap', type: 'bool' },
    conflict: { name: `${prefix}.fragment.overlap.conflict`, title: 'Conflicting data in fragment overlap', type: 'bool' },
    count: { name: `${prefix}.fragment.count`, title: 'Fragment count', type: 'uint32', base: 'dec' },
    length: { name: `${prefix}.reassembled.length`, title: `Reassembled ${version} length`, type: 'uint32', base: 'dec' },
    data: { name: `${prefix}.reassembled.data`, title: `Reassembled ${version} data`, type: 'bytes' },
  })
}

export const IPV4_FRAGMENTS = fragmentDefs('ip', 'IPv4')
export const IPV6_FRAGMENTS = fragmentDefs('ipv6', 'IPv6')

/**
 * Adds the reassembled datagram as a byte source, with the fragment list under the IP node
 * ("[2 IPv4 Fragments (1632 bytes): #4(1480), #5(152)]"), and returns the source's index.
 */
export function addReassembled(d: Dissection, node: Field, defs: FragmentDefs, version: 'IPv4' | 'IPv6', done: Reassembled): number {
  const total = done.bytes.length
  const list = done.fragments.map((f) => `#${f.frame}(${f.length})`).join(', ')
  const fragments = d.generated(node, defs.fragments, null)
  fragments.text = `[${done.fragments.length} ${version} Fragments (${total} bytes): ${list}]`
  for (const f of done.fragments) {
    const item = d.generated(fragments, defs.fragment, f.frame)
    const last = f.offset + f.length - 1
    item.text = `[Frame: ${f.frame}, payload: ${f.offset}-${last} (${f.length} byte${f.length === 1 ? '' : 's'})${f.overlap ? ' [Overlap]' : ''}]`
    if (f.overlap) d.generated(item, defs.overlap, true)
    if (f.conflict) d.generated(item, defs.conflict, true)
  }
  d.generated(fragments, defs.count, done.fragments.length).text = `[Fragment count: ${done.fragments.length}]`
  d.generated(fragments, defs.length, total).text = `[Reassembled ${version} length: ${total}]`
  const source = d.addSource(`Reassembled ${version}`, done.bytes)
  d.withSource(source, () => {
    const data = d.add(fragments, defs.data, 0, total, done.bytes)
    data.text = `[Reassembled ${version} data: ${hexPreview(done.bytes)}]`
  })
  if (done.conflict) d.note('warn', 'reassemble', 'Conflicting data in fragment overlap', fragments)
  return source
}

/** Wireshark's 36-byte preview of a byte field: hex, then "…" if there is more. */
function hexPreview(bytes: Uint8Array): string {
  const out = bytesToHex(bytes.subarray(0, 36))
  return bytes.length > 36 ? `${out}\u2026` : out
}

export function decodeIpv4(d: Dissection, span: Span, parent: Field | null): void {
  const L = IPV4_LAYOUT
  const at = span.start
  const b = d.bytes
  d.need(span, at, 20)
  const versionIhl = b[at]
  const headerLength = (versionIhl & 0x0f) * 4
  const totalLength = (b[at + L.totalLength] << 8) | b[at + L.totalLength + 1]
  const src = ipv4Text(b, at + L.src)
  const dst = ipv4Text(b, at + L.dst)
  // The item is the header the IHL says, even a bogus one shorter than 20 bytes (as Wireshark's).
  const node = d.protocol(parent, IPV4.ip, at, Math.min(headerLength, span.end - at), `Internet Protocol Version 4, Src: ${src}, Dst: ${dst}`)
  d.protocolColumn = 'IPv4'
  if (!parent) {
    d.netSrc = src
    d.netDst = dst
    d.info = ''
  }
  d.bitField(node, IPV4.version, at, 1, versionIhl)
  const hdrLen = d.add(node, IPV4.hdrLen, at, 1, headerLength)
  hdrLen.bits = versionIhl & 0x0f
  hdrLen.text = `.... ${(versionIhl & 0x0f).toString(2).padStart(4, '0')} = Header Length: ${headerLength} bytes (${versionIhl & 0x0f})`
  // A header length or total length that contradicts the header: say so and decode nothing
  // above IP (Wireshark gives up here too, without calling the packet malformed).
  if (headerLength < 20) {
    d.info = `Bogus IP header length (${headerLength}, must be at least 20)`
    d.note('error', 'protocol', `Bogus IP header length (${headerLength}, must be at least 20)`, hdrLen)
    return
  }
  const dsField = d.uintField(node, IPV4.dsfield, span, at + L.dsfield, 1)
  const ds = dsField.value as number
  dsField.text = `Differentiated Services Field: ${hex(ds, 2)} (DSCP: ${DSCP[ds >> 2] ?? 'Unknown'}, ECN: ${ECN[ds & 3]})`
  d.bitField(dsField, IPV4.dscp, at + L.dsfield, 1, ds)
  d.bitField(dsField, IPV4.ecn, at + L.dsfield, 1, ds)
  const lengthField = d.add(node, IPV4.len, at + L.totalLength, 2, totalLength)
  if (totalLength < headerLength) {
    d.info = `Bogus IP length (${totalLength}, less than header length ${headerLength})`
    d.note('error', 'protocol', `Bogus IP length (${totalLength}, less than header length ${headerLength})`, lengthField)
    return
  }
  // The datagram ends where its total length says: anything after is the link's trailer.
  if (at + totalLength > span.reported) {
    d.note('error', 'protocol', `IPv4 total length exceeds packet length (${span.reported - at} bytes)`, lengthField)
  }
  d.setLength(span, totalLength)
  const id = d.uint(node, IPV4.id, span, at + L.id, 2)
  const flagsFragment = d.u16(span, at + L.flagsFragment)
  const flags = d.bitField(node, IPV4.flags, at + L.flagsFragment, 1, flagsFragment >> 8)
  flags.text = `${flagsText(flagsFragment >> 8)}`
  d.bitField(flags, IPV4.rb, at + L.flagsFragment, 1, flagsFragment >> 8)
  d.bitField(flags, IPV4.df, at + L.flagsFragment, 1, flagsFragment >> 8)
  d.bitField(flags, IPV4.mf, at + L.flagsFragment, 1, flagsFragment >> 8)
  // The field counts 8-byte units; the Info column speaks in bytes.
  d.bitField(node, IPV4.fragOffset, at + L.flagsFragment, 2, flagsFragment)
  const fragmentOffset = (flagsFragment & 0x1fff) * 8
  const ttl = d.uint(node, IPV4.ttl, span, at + L.ttl, 1)
  const protocol = d.uint(node, IPV4.proto, span, at + L.protocol, 1)
  addUnverifiedChecksum(d, node, { checksum: IPV4.checksum, status: IPV4.checksumStatus }, at + L.checksum, d.u16(span, at + L.checksum), undefined, 'validation disabled')
  addAddress(d, node, IPV4, at + L.src, 4, src, true)
  addAddress(d, node, IPV4, at + L.dst, 4, dst, false)
  if (headerLength > 20) decodeIpv4Options(d, span, node, at + L.options, headerLength - 20)

  d.network = {
    version: 4,
    src,
    dst,
    srcBytes: b.subarray(at + L.src, at + L.dst),
    dstBytes: b.subarray(at + L.dst, at + L.options),
    addresses: b.subarray(at + L.src, at + L.options),
    ttl,
    payloadLength: totalLength - headerLength,
  }
  const payload = d.sub(span, at + headerLength)
  const fragmentInfo = `Fragmented IP protocol (proto=${IP_PROTOCOLS[protocol] ?? 'Unknown'} ${protocol}, off=${fragmentOffset}, ID=${id.toString(16).padStart(4, '0')})`
  const more = (flagsFragment & 0x2000) !== 0
  if (fragmentOffset !== 0 || more) {
    d.fragmented = true
    // Reassembly (Wireshark's ip.defragment): a fragment whose payload was captured whole goes
    // into the table; until the datagram is complete the frame shows its payload as data, and
    // the frame that completes it decodes the transport layer from the reassembled bytes. Not
    // inside an ICMP error's quote, nor in a datagram that is itself reassembled.
    const length = totalLength - headerLength
    const table = d.context.reassembly
    if (table && !d.quoting && d.source === 0 && length > 0 && payload.end >= at + totalLength) {
      const done = table.add(ipv4FragmentKey(b, at + L.src, protocol, id), d.raw.no, fragmentOffset, b.subarray(at + headerLength, at + totalLength), more)
      if (!done) {
        d.info = fragmentInfo
        decodeData(d, payload, parent)
        return
      }
      const source = addReassembled(d, node, IPV4_FRAGMENTS, 'IPv4', done)
      d.fragmented = false
      d.network.payloadLength = done.bytes.length
      const whole = done.bytes.length
      d.withSource(source, () => dispatchIpProtocol(d, protocol, { start: 0, end: whole, reported: whole }, parent))
      return
    }
  }
  if (fragmentOffset !== 0) {
    // A later fragment not reassembled: its bytes are the middle of a datagram, not a header.
    d.info = fragmentInfo
    decodeData(d, payload, parent)
    return
  }
  dispatchIpProtocol(d, protocol, payload, parent)
}

/** Hands an IP payload to the decoder for its protocol number (shared with IPv6). */
export function dispatchIpProtocol(d: Dissection, protocol: number, payload: Span, parent: Field | null): void {
  const decoder = ipProtocols.get(protocol)
  if (decoder) {
    decoder(d, payload, parent)
    return
  }
  d.info = `${IP_PROTOCOLS[protocol] ?? 'Unknown'} (${protocol})`
  decodeData(d, payload, parent)
}

function flagsText(byte: number): string {
  const names: string[] = []
  if (byte & 0x80) names.push('Reserved bit')
  if (byte & 0x40) names.push("Don't fragment")
  if (byte & 0x20) names.push('More fragments')
  const bits = ((byte >> 5) & 7).toString(2).padStart(3, '0')
  return `${bits}. .... = Flags: 0x${(byte >> 5).toString(16)}${names.length ? ', ' + names.join(', ') : ''}`
}

/** The address fields of an IP version, as addAddress() files them. */
export interface IpAddressDefs {
  src: FieldDef
  dst: FieldDef
  addr: FieldDef
  srcHost: FieldDef
  dstHost: FieldDef
  host: FieldDef
}

/**
 * An IP source or destination: the field itself, then (hidden) the "either address" field and
 * the host names (with -n, the address text), so "ip.addr == …" and "ip.host == …" find it.
 */
export function addAddress(d: Dissection, node: Field, defs: IpAddressDefs, at: number, length: number, text: string, isSource: boolean): void {
  d.add(node, isSource ? defs.src : defs.dst, at, length, text)
  d.hidden(node, defs.addr, at, length, text)
  d.hidden(node, isSource ? defs.srcHost : defs.dstHost, at, length, text)
  d.hidden(node, defs.host, at, length, text)
}

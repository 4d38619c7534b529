// IPv6 (RFC 8200): the fixed header, then the chain of extension headers, then the payload.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field } from '../field'
import { ipv6Text } from '../addresses'
import { hex } from '../format'
import { DSCP, ECN, IP_PROTOCOLS } from '../names'
import { decodeData } from './data'
import { addAddress, addReassembled, dispatchIpProtocol, IPV4, IPV6_FRAGMENTS } from './ipv4'
import { ipv6FragmentKey } from '../reassembly'
import { decodeExtensionHeader, EXTENSION_HEADERS } from './ipv6-ext'

/** Byte layout of the fixed IPv6 header. */
export const IPV6_LAYOUT = { versionClassFlow: 0, payloadLength: 4, nextHeader: 6, hopLimit: 7, src: 8, dst: 24, end: 40 } as const


export const IPV6 = defineFields({
  ipv6: { name: 'ipv6', title: 'Internet Protocol Version 6', type: 'protocol', short: 'IPv6' },
  version: { name: 'ipv6.version', title: 'Version', type: 'uint8', base: 'dec', bitmask: 0xf0 },
  tclass: { name: 'ipv6.tclass', title: 'Traffic Class', type: 'uint32', base: 'hex', bitmask: 0x0ff00000 },
  dscp: { name: 'ipv6.tclass.dscp', title: 'Differentiated Services Codepoint', type: 'uint32', base: 'dec', bitmask: 0x0fc00000, values: DSCP },
  ecn: { name: 'ipv6.tclass.ecn', title: 'Explicit Congestion Notification', type: 'uint32', base: 'dec', bitmask: 0x00300000, values: ECN },
  flow: { name: 'ipv6.flow', title: 'Flow Label', type: 'uint24', base: 'hex', bitmask: 0x0fffff },
  plen: { name: 'ipv6.plen', title: 'Payload Length', type: 'uint16', base: 'dec' },
  nxt: { name: 'ipv6.nxt', title: 'Next Header', type: 'uint8', base: 'dec', values: IP_PROTOCOLS },
  hlim: { name: 'ipv6.hlim', title: 'Hop Limit', type: 'uint8', base: 'dec' },
  src: { name: 'ipv6.src', title: 'Source Address', type: 'ipv6' },
  dst: { name: 'ipv6.dst', title: 'Destination Address', type: 'ipv6' },
  addr: { name: 'ipv6.addr', title: 'Source or Destination Address', type: 'ipv6' },
  srcHost: { name: 'ipv6.src_host', title: 'Source Host', type: 'string' },
  dstHost: { name: 'ipv6.dst_host', title: 'Destination Host', type: 'string' },
  host: { name: 'ipv6.host', title: 'Source or Destination Host', type: 'string' },
})

export function decodeIpv6(d: Dissection, span: Span, parent: Field | null): void {
  const L = IPV6_LAYOUT
  const at = span.start
  const b = d.bytes
  d.need(span, at, 40)
  const src = ipv6Text(b, at + L.src)
  const dst = ipv6Text(b, at + L.dst)
  const node = d.protocol(parent, IPV6.ipv6, at, 40, `Internet Protocol Version 6, Src: ${src}, Dst: ${dst}`)
  d.protocolColumn = 'IPv6'
  if (!parent) {
    d.netSrc = src
    d.netDst = dst
    d.info = ''
  }
  const first = d.u32(span, at)
  d.bitField(node, IPV6.version, at, 1, b[at])
  // Wireshark also files the version under ip.version, so "ip.version == 6" finds IPv6.
  d.bitField(node, IPV4.version, at, 1, b[at]).hidden = true
  const tclass = d.bitField(node, IPV6.tclass, at, 4, first)
  const tc = tclass.value as number
  tclass.text = `.... ${bits(tc, 8).slice(0, 4)} ${bits(tc, 8).slice(4)} .... .... .... .... .... = Traffic Class: ${hex(tc, 2)} (DSCP: ${DSCP[tc >> 2] ?? 'Unknown'}, ECN: ${ECN[tc & 3]})`
  d.bitField(tclass, IPV6.dscp, at, 4, first)
  d.bitField(tclass, IPV6.ecn, at, 4, first)
  d.bitField(node, IPV6.flow, at + 1, 3, first & 0xffffff)
  const payloadLength = d.uint(node, IPV6.plen, span, at + L.payloadLength, 2)
  const next = d.uint(node, IPV6.nxt, span, at + L.nextHeader, 1)
  const hopLimit = d.uint(node, IPV6.hlim, span, at + L.hopLimit, 1)
  addAddress(d, node, IPV6, at + L.src, 16, src, true)
  addAddress(d, node, IPV6, at + L.dst, 16, dst, false)

  if (at + L.end + payloadLength > span.reported) {
    d.note('error', 'protocol', `IPv6 payload length exceeds framing length (${span.reported - at - 40} bytes)`, node)
  }
  if (payloadLength > 0) d.setLength(span, 40 + payloadLength)
  d.network = {
    version: 6,
    src,
    dst,
    srcBytes: b.subarray(at + L.src, at + L.dst),
    dstBytes: b.subarray(at + L.dst, at + L.end),
    addresses: b.subarray(at + L.src, at + L.end),
    ttl: hopLimit,
    payloadLength,
  }

  decodeChain(d, span, node, next, at + L.end, at + L.end + payloadLength, parent)
}

/**
 * Walks the extension headers from `offset` (next header `header`), then hands the payload to its
 * protocol. `payloadEnd` is where the IPv6 payload length says the packet ends. A fragment header
 * either ends the walk (the payload is a fragment) or, when its fragment completes a datagram
 * (reassembly on), the walk goes on in the reassembled bytes, as Wireshark's
 * "process post-fragment headers after reassembly".
 */
function decodeChain(d: Dissection, span: Span, node: Field, header: number, offset: number, payloadEnd: number, parent: Field | null): void {
  const L = IPV6_LAYOUT
  while (EXTENSION_HEADERS.has(header)) {
    const result = decodeExtensionHeader(d, span, header, offset, parent)
    const fragment = result.fragment
    if (fragment && (fragment.offset !== 0 || fragment.more)) {
      d.fragmented = true
      const after = offset + result.length
      const info = `IPv6 fragment (off=${fragment.offset} more=${fragment.more ? 'y' : 'n'} ident=${hex(fragment.ident, 8)} nxt=${result.next})`
      const table = d.context.reassembly
      if (table && !d.quoting && d.source === 0) {
        // Wireshark's ipv6.defragment: a fragment whose bytes were all captured goes into the
        // table; any other, even a first one, shows as fragment data.
        const length = payloadEnd - after
        const done = length >= 0 && span.end >= payloadEnd ? table.add(ipv6FragmentKey(d.bytes, span.start + L.src, fragment.ident), d.raw.no, fragment.offset, d.bytes.subarray(after, payloadEnd), fragment.more) : undefined
        if (!done) {
          d.info = info
          decodeData(d, d.sub(span, after), parent)
          return
        }
        const source = addReassembled(d, node, IPV6_FRAGMENTS, 'IPv6', done)
        d.fragmented = false
        const whole = done.bytes.length
        d.withSource(source, () => decodeChain(d, { start: 0, end: whole, reported: whole }, node, result.next, 0, whole, parent))
        return
      }
      if (fragment.offset !== 0) {
        d.info = info
        decodeData(d, d.sub(span, after), parent)
        return
      }
    }
    header = result.next
    offset += result.length
  }
  if (d.network) d.network.payloadLength = Math.max(0, payloadEnd - offset)
  if (header === 59) {
    // No Next Header: whatever follows is not a protocol.
    decodeData(d, d.sub(span, offset), parent)
    return
  }
  dispatchIpProtocol(d, header, d.sub(span, offset), parent)
}

function bits(value: number, width: number): string {
  return value.toString(2).padStart(width, '0')
}

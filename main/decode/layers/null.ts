// BSD loopback: LINKTYPE_NULL (0), whose 4-byte address family is in the capturing host's byte
// order, and LINKTYPE_LOOP (108), where it is in network byte order.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field } from '../field'
import { ETHERTYPES } from '../names'
import { etherTypes } from '../registry'
import { decodeData } from './data'
import { decodeIpv4 } from './ipv4'
import { decodeIpv6 } from './ipv6'
import type { Decoder } from '../registry'

const FAMILIES: Record<number, string> = { 2: 'IP', 7: 'OSI', 10: 'IPv6 (Linux)', 16: 'Appletalk', 23: 'Netware IPX/SPX, or IPv6 (Windows)', 24: 'IPv6', 28: 'IPv6', 30: 'IPv6' }

export const NULL = defineFields({
  null: { name: 'null', title: 'Null/Loopback', type: 'protocol', short: 'Null' },
  family: { name: 'null.family', title: 'Family', type: 'uint32', base: 'dec', values: FAMILIES },
  type: { name: 'null.type', title: 'Type', type: 'uint16', base: 'hex', values: ETHERTYPES },
})

/**
 * Address families that carry IP. BSD systems use 2 for IPv4 and, for IPv6, 24 (NetBSD,
 * OpenBSD), 28 (FreeBSD) or 30 (macOS). Linux's AF_INET6 (10) and Windows' (23) appear in
 * captures written on those systems too; tshark 4.0 shows them as data (and 23 as BSD's IPX).
 * TCP Lens decodes them as IPv6 when the packet says it is one (version 6), which an IPX
 * packet (it starts with 0xffff) never does.
 */
export const NULL_FAMILIES = new Map<number, Decoder>([
  [2, decodeIpv4],
  [24, decodeIpv6],
  [28, decodeIpv6],
  [30, decodeIpv6],
  [10, ipv6IfVersion6],
  [23, ipv6IfVersion6],
])

function ipv6IfVersion6(d: Dissection, span: Span, parent: Field | null): void {
  if (span.end > span.start && d.bytes[span.start] >> 4 === 6) decodeIpv6(d, span, parent)
  else decodeData(d, span, parent)
}

/** Hands the payload to `decoder`, or shows it as data when there is none. */
function decodeWith(decoder: Decoder | undefined, d: Dissection, payload: Span, parent: Field | null): void {
  if (decoder) decoder(d, payload, parent)
  else decodeData(d, payload, parent)
}

function decodeFamily(d: Dissection, span: Span, node: Field, parent: Field | null, family: number): void {
  const payload = d.sub(span, span.start + 4)
  if (family > 1500) {
    // Some systems put an ethertype here instead of an address family.
    d.add(node, NULL.type, span.start, 4, family & 0xffff)
    decodeWith(etherTypes.get(family & 0xffff), d, payload, parent)
    return
  }
  d.add(node, NULL.family, span.start, 4, family)
  decodeWith(NULL_FAMILIES.get(family), d, payload, parent)
}

/** The Null/Loopback node both link types start with (the 4-byte family is read by the caller). */
function nullNode(d: Dissection, span: Span, parent: Field | null): Field {
  d.need(span, span.start, 4)
  const node = d.protocol(parent, NULL.null, span.start, 4, 'Null/Loopback')
  d.protocolColumn = 'N/A'
  d.info = 'Null/Loopback'
  return node
}

export function decodeNull(d: Dissection, span: Span, parent: Field | null): void {
  const node = nullNode(d, span, parent)
  // Written in the capturing host's byte order: guess it, as Wireshark does (reading it as a
  // little-endian host would, then swapping when the value only makes sense swapped).
  let family = d.u32le(span, span.start)
  if ((family & 0xffff0000) !== 0) {
    if ((family & 0xff000000) === 0 && (family & 0x00ff0000) < 0x00060000) family >>>= 16
    else family = ((family & 0xff) << 24 | (family & 0xff00) << 8 | (family >>> 8) & 0xff00 | family >>> 24) >>> 0
  } else if ((family & 0xff) === 0 && (family & 0xff00) < 0x0600) {
    family = ((family & 0xff) << 8) | ((family >>> 8) & 0xff)
  }
  decodeFamily(d, span, node, parent, family)
}

/** LOOP: the family in network byte order, and never an ethertype (Wireshark's dissect_loop). */
export function decodeLoop(d: Dissection, span: Span, parent: Field | null): void {
  const node = nullNode(d, span, parent)
  const family = d.u32(span, span.start)
  d.add(node, NULL.family, span.start, 4, family)
  decodeWith(NULL_FAMILIES.get(family), d, d.sub(span, span.start + 4), parent)
}

// Linux "cooked" captures: SLL (LINKTYPE_LINUX_SLL = 113) and SLL2 (LINKTYPE_LINUX_SLL2 = 276),
// what libpcap writes when capturing on the "any" device.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field } from '../field'
import { ipv4Text, macText } from '../addresses'
import { ETHERTYPES } from '../names'
import { decodeData } from './data'
import { decodeEtherType } from './ethertype'

const PACKET_TYPES: Record<number, string> = {
  0: 'Unicast to us',
  1: 'Broadcast',
  2: 'Multicast',
  3: 'Unicast to another host',
  4: 'Sent by us',
}

const ADDRESS_TYPES: Record<number, string> = {
  1: 'Ethernet',
  6: 'IEEE 802',
  512: 'PPP',
  768: 'IPIP',
  772: 'Loopback',
  776: 'IPv6-in-IPv4',
  778: 'IP GRE',
  823: 'IEEE 802.15.4',
  65534: 'None',
}

/** Linux protocol numbers used when the protocol field is not an ethertype. */
const LINUX_PROTOCOLS: Record<number, string> = {
  0x0001: 'Raw 802.3',
  0x0002: 'AX.25',
  0x0003: 'All frames',
  0x0004: '802.2 LLC',
  0x0005: 'SNAP',
  0x000c: 'CAN',
  0x000d: 'CAN FD',
  0x0010: 'LocalTalk',
  0x0011: 'PPP',
}

export const SLL = defineFields({
  sll: { name: 'sll', title: 'Linux cooked capture v1', type: 'protocol', short: 'SLL' },
  sll2: { name: 'sll', title: 'Linux cooked capture v2', type: 'protocol', short: 'SLL' },
  pkttype: { name: 'sll.pkttype', title: 'Packet type', type: 'uint16', base: 'dec', values: PACKET_TYPES },
  pkttype8: { name: 'sll.pkttype', title: 'Packet type', type: 'uint8', base: 'dec', values: PACKET_TYPES },
  hatype: { name: 'sll.hatype', title: 'Link-layer address type', type: 'uint16', base: 'dec', values: ADDRESS_TYPES },
  halen: { name: 'sll.halen', title: 'Link-layer address length', type: 'uint16', base: 'dec' },
  halen8: { name: 'sll.halen', title: 'Link-layer address length', type: 'uint8', base: 'dec' },
  srcEth: { name: 'sll.src.eth', title: 'Source', type: 'ether' },
  srcIpv4: { name: 'sll.src.ipv4', title: 'Source', type: 'ipv4' },
  srcOther: { name: 'sll.src.other', title: 'Source', type: 'bytes' },
  unused: { name: 'sll.unused', title: 'Unused', type: 'bytes' },
  etype: { name: 'sll.etype', title: 'Protocol', type: 'uint16', base: 'hex', values: ETHERTYPES },
  ltype: { name: 'sll.ltype', title: 'Protocol', type: 'uint16', base: 'hex', values: LINUX_PROTOCOLS },
  reserved: { name: 'sll.reserved', title: 'Reserved', type: 'uint16', base: 'hex' },
  ifindex: { name: 'sll.ifindex', title: 'Interface index', type: 'uint32', base: 'dec' },
  trailer: { name: 'sll.trailer', title: 'Trailer', type: 'bytes' },
})

/** Address types whose 6-byte addresses are MAC addresses. */
const MAC_ADDRESS_TYPES = new Set([1, 6, 772, 774, 801, 802, 803, 804])

function addSource(d: Dissection, span: Span, node: Field, at: number, hatype: number, halen: number): void {
  const shown = Math.min(halen, 8)
  if (shown === 6 && MAC_ADDRESS_TYPES.has(hatype)) {
    d.need(span, at, 6)
    d.add(node, SLL.srcEth, at, 6, macText(d.bytes, at))
    d.linkSrc = macText(d.bytes, at)
  } else if (shown === 4 && (hatype === 778 || hatype === 768 || hatype === 776)) {
    d.need(span, at, 4)
    d.add(node, SLL.srcIpv4, at, 4, ipv4Text(d.bytes, at))
  } else if (shown > 0) {
    d.add(node, SLL.srcOther, at, shown, d.slice(span, at, shown))
  }
  if (shown < 8) d.add(node, SLL.unused, at + shown, 8 - shown, d.slice(span, at + shown, 8 - shown))
}

/** The protocol field: an ethertype, or (≤ 1500) a Linux protocol number. */
function addProtocol(d: Dissection, node: Field, protocol: number, at: number): void {
  d.add(node, protocol > 1500 ? SLL.etype : SLL.ltype, at, 2, protocol)
}

function decodePayload(d: Dissection, span: Span, node: Field, parent: Field | null, protocol: number, payloadAt: number): void {
  const payload = d.sub(span, payloadAt)
  if (protocol > 1500) decodeEtherType(d, protocol, payload, { node, span, trailer: SLL.trailer, fcsLength: 0 }, parent)
  else decodeData(d, payload, parent)
}

export function decodeSll(d: Dissection, span: Span, parent: Field | null): void {
  const at = span.start
  d.need(span, at, 16)
  const node = d.protocol(parent, SLL.sll, at, 16, 'Linux cooked capture v1')
  d.protocolColumn = 'SLL'
  d.uint(node, SLL.pkttype, span, at, 2)
  const hatype = d.uint(node, SLL.hatype, span, at + 2, 2)
  const halen = d.uint(node, SLL.halen, span, at + 4, 2)
  addSource(d, span, node, at + 6, hatype, halen)
  const protocol = d.u16(span, at + 14)
  addProtocol(d, node, protocol, at + 14)
  decodePayload(d, span, node, parent, protocol, at + 16)
}

export function decodeSll2(d: Dissection, span: Span, parent: Field | null): void {
  const at = span.start
  d.need(span, at, 20)
  const node = d.protocol(parent, SLL.sll2, at, 20, 'Linux cooked capture v2')
  d.protocolColumn = 'SLL'
  const protocol = d.u16(span, at)
  addProtocol(d, node, protocol, at)
  d.uint(node, SLL.ifindex, span, at + 4, 4)
  const hatype = d.uint(node, SLL.hatype, span, at + 8, 2)
  d.uint(node, SLL.pkttype8, span, at + 10, 1)
  const halen = d.uint(node, SLL.halen8, span, at + 11, 1)
  addSource(d, span, node, at + 12, hatype, halen)
  decodePayload(d, span, node, parent, protocol, at + 20)
}

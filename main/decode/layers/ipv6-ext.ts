// IPv6 extension headers: hop-by-hop options (0), routing (43), fragment (44), destination
// options (60). Each names the next header; the IPv6 decoder walks the chain.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field, type FieldDef } from '../field'
import { ipv6Text } from '../addresses'
import { IP_PROTOCOLS } from '../names'

const OPTION_NAMES: Record<number, string> = {
  0x00: 'Pad1',
  0x01: 'PadN',
  0x05: 'Router Alert',
  0x04: 'Tunnel Encapsulation Limit',
  0xc2: 'Jumbo Payload',
  0xc9: 'Home Address',
  0x63: 'RPL Option',
  0x26: 'Quick-Start',
  0x6d: 'MPL Option',
}
const ACTIONS: Record<number, string> = {
  0: 'Skip and continue',
  1: 'Discard packet',
  2: 'Discard packet and send ICMP Parameter Problem',
  3: 'Discard packet and send ICMP Parameter Problem if destination is not multicast',
}
const ROUTING_TYPES: Record<number, string> = { 0: 'Source Route', 2: 'Type 2 Routing', 3: 'RPL Source Route', 4: 'Segment Routing' }

function optionHeaderFields(prefix: 'hopopts' | 'dstopts', title: string) {
  return defineFields({
    header: { name: `ipv6.${prefix}`, title, type: 'protocol', short: 'IPv6' },
    nxt: { name: `ipv6.${prefix}.nxt`, title: 'Next Header', type: 'uint8', base: 'dec', values: IP_PROTOCOLS },
    len: { name: `ipv6.${prefix}.len`, title: 'Length', type: 'uint8', base: 'dec' },
    lenOct: { name: `ipv6.${prefix}.len_oct`, title: 'Length', type: 'uint16', base: 'dec', unit: ' bytes' },
  })
}

const HOPOPTS = optionHeaderFields('hopopts', 'IPv6 Hop-by-Hop Option')
const DSTOPTS = optionHeaderFields('dstopts', 'Destination Options for IPv6')

export const IPV6_OPT = defineFields({
  opt: { name: 'ipv6.opt', title: 'IPv6 Option', type: 'none' },
  type: { name: 'ipv6.opt.type', title: 'Type', type: 'uint8', base: 'hex', values: OPTION_NAMES },
  action: { name: 'ipv6.opt.type.action', title: 'Action', type: 'uint8', base: 'dec', bitmask: 0xc0, values: ACTIONS },
  change: { name: 'ipv6.opt.type.change', title: 'May Change', type: 'bool', bitmask: 0x20, tfs: ['Yes', 'No'] },
  rest: { name: 'ipv6.opt.type.rest', title: 'Low-Order Bits', type: 'uint8', base: 'hex', bitmask: 0x1f },
  length: { name: 'ipv6.opt.length', title: 'Length', type: 'uint8', base: 'dec' },
  pad1: { name: 'ipv6.opt.pad1', title: 'Pad1', type: 'none' },
  padn: { name: 'ipv6.opt.padn', title: 'PadN', type: 'bytes' },
  routerAlert: { name: 'ipv6.opt.router_alert', title: 'Router Alert', type: 'uint16', base: 'dec', values: { 0: 'MLD', 1: 'RSVP', 2: 'Active Networks' } },
  jumbo: { name: 'ipv6.opt.jumbo', title: 'Payload Length', type: 'uint32', base: 'dec' },
  tel: { name: 'ipv6.opt.tel', title: 'Tunnel Encapsulation Limit', type: 'uint8', base: 'dec' },
  unknown: { name: 'ipv6.opt.unknown', title: 'Unknown Option Payload', type: 'bytes' },
})

export const IPV6_ROUTING = defineFields({
  routing: { name: 'ipv6.routing', title: 'Routing Header for IPv6', type: 'protocol', short: 'IPv6' },
  nxt: { name: 'ipv6.routing.nxt', title: 'Next Header', type: 'uint8', base: 'dec', values: IP_PROTOCOLS },
  len: { name: 'ipv6.routing.len', title: 'Length', type: 'uint8', base: 'dec' },
  lenOct: { name: 'ipv6.routing.len_oct', title: 'Length', type: 'uint16', base: 'dec', unit: ' bytes' },
  type: { name: 'ipv6.routing.type', title: 'Type', type: 'uint8', base: 'dec', values: ROUTING_TYPES },
  segleft: { name: 'ipv6.routing.segleft', title: 'Segments Left', type: 'uint8', base: 'dec' },
  srcAddr: { name: 'ipv6.routing.src.addr', title: 'Address', type: 'ipv6' },
  srhLastEntry: { name: 'ipv6.routing.srh.last_entry', title: 'Last Entry', type: 'uint8', base: 'dec' },
  srhFlags: { name: 'ipv6.routing.srh.flags', title: 'Flags', type: 'uint8', base: 'hex' },
  srhTag: { name: 'ipv6.routing.srh.tag', title: 'Tag', type: 'bytes' },
  srhAddr: { name: 'ipv6.routing.srh.addr', title: 'Address', type: 'ipv6' },
  data: { name: 'ipv6.routing.unknown_data', title: 'Data', type: 'bytes' },
})

export const IPV6_FRAGMENT = defineFields({
  fraghdr: { name: 'ipv6.fraghdr', title: 'Fragment Header for IPv6', type: 'protocol', short: 'IPv6' },
  nxt: { name: 'ipv6.fraghdr.nxt', title: 'Next header', type: 'uint8', base: 'dec', values: IP_PROTOCOLS },
  reservedOctet: { name: 'ipv6.fraghdr.reserved_octet', title: 'Reserved octet', type: 'uint8', base: 'hex' },
  offset: { name: 'ipv6.fraghdr.offset', title: 'Offset', type: 'uint16', base: 'dec', bitmask: 0xfff8 },
  reservedBits: { name: 'ipv6.fraghdr.reserved_bits', title: 'Reserved bits', type: 'uint16', base: 'dec', bitmask: 0x0006 },
  more: { name: 'ipv6.fraghdr.more', title: 'More Fragments', type: 'bool', bitmask: 0x0001, tfs: ['Yes', 'No'] },
  ident: { name: 'ipv6.fraghdr.ident', title: 'Identification', type: 'uint32', base: 'hex' },
})

/** Next-header values that are extension headers TCP Lens walks through. */
export const EXTENSION_HEADERS = new Set([0, 43, 44, 60])

export interface ExtensionResult {
  next: number
  length: number
  fragment?: { offset: number; more: boolean; ident: number }
}

export function decodeExtensionHeader(d: Dissection, span: Span, type: number, at: number, parent: Field | null): ExtensionResult {
  switch (type) {
    case 0:
      return decodeOptionsHeader(d, span, at, parent, HOPOPTS)
    case 60:
      return decodeOptionsHeader(d, span, at, parent, DSTOPTS)
    case 43:
      return decodeRouting(d, span, at, parent)
    default:
      return decodeFragment(d, span, at, parent)
  }
}

function commonStart(d: Dissection, span: Span, node: Field, at: number, defs: { nxt: FieldDef; len: FieldDef; lenOct: FieldDef }): { next: number; length: number } {
  const next = d.uint(node, defs.nxt, span, at, 1)
  const len = d.uint(node, defs.len, span, at + 1, 1)
  const length = (len + 1) * 8
  d.generated(node, defs.lenOct, length, at + 1, 1)
  return { next, length }
}

function decodeOptionsHeader(d: Dissection, span: Span, at: number, parent: Field | null, defs: ReturnType<typeof optionHeaderFields>): ExtensionResult {
  const length = (d.u8(span, at + 1) + 1) * 8
  const node = d.protocol(parent, defs.header, at, length, defs.header.title)
  const { next } = commonStart(d, span, node, at, defs)
  d.need(span, at, length)
  let offset = at + 2
  const end = at + length
  while (offset < end) {
    const optionType = d.u8(span, offset)
    const name = OPTION_NAMES[optionType] ?? 'Unknown IPv6 Option'
    if (optionType === 0) {
      const option = d.subtree(node, IPV6_OPT.opt, offset, 1, `${name}`)
      addOptionType(d, option, offset, optionType)
      offset++
      continue
    }
    const optionLength = d.u8(span, offset + 1)
    const option = d.subtree(node, IPV6_OPT.opt, offset, 2 + optionLength, `${name}`)
    addOptionType(d, option, offset, optionType)
    d.uint(option, IPV6_OPT.length, span, offset + 1, 1)
    const value = offset + 2
    switch (optionType) {
      case 0x01:
        d.add(option, IPV6_OPT.padn, value, optionLength, d.slice(span, value, optionLength))
        break
      case 0x05:
        if (optionLength === 2) d.uint(option, IPV6_OPT.routerAlert, span, value, 2)
        break
      case 0x04:
        if (optionLength === 1) d.uint(option, IPV6_OPT.tel, span, value, 1)
        break
      case 0xc2:
        if (optionLength === 4) d.uint(option, IPV6_OPT.jumbo, span, value, 4)
        break
      default:
        if (optionLength > 0) d.add(option, IPV6_OPT.unknown, value, optionLength, d.slice(span, value, optionLength))
    }
    offset = value + optionLength
  }
  return { next, length }
}

function addOptionType(d: Dissection, option: Field, at: number, type: number): void {
  const field = d.add(option, IPV6_OPT.type, at, 1, type)
  d.bitField(field, IPV6_OPT.action, at, 1, type)
  d.bitField(field, IPV6_OPT.change, at, 1, type)
  d.bitField(field, IPV6_OPT.rest, at, 1, type)
}

function decodeRouting(d: Dissection, span: Span, at: number, parent: Field | null): ExtensionResult {
  const length = (d.u8(span, at + 1) + 1) * 8
  const routingType = d.u8(span, at + 2)
  const name = ROUTING_TYPES[routingType]
  const node = d.protocol(parent, IPV6_ROUTING.routing, at, length, `Routing Header for IPv6 (${name ?? `Type ${routingType}`})`)
  const { next } = commonStart(d, span, node, at, IPV6_ROUTING)
  d.uint(node, IPV6_ROUTING.type, span, at + 2, 1)
  d.uint(node, IPV6_ROUTING.segleft, span, at + 3, 1)
  d.need(span, at, length)
  if (routingType === 0 || routingType === 2) {
    for (let o = at + 8; o + 16 <= at + length; o += 16) d.add(node, IPV6_ROUTING.srcAddr, o, 16, ipv6Text(d.bytes, o))
  } else if (routingType === 4) {
    d.uint(node, IPV6_ROUTING.srhLastEntry, span, at + 4, 1)
    d.uint(node, IPV6_ROUTING.srhFlags, span, at + 5, 1)
    d.add(node, IPV6_ROUTING.srhTag, at + 6, 2, d.slice(span, at + 6, 2))
    for (let o = at + 8; o + 16 <= at + length; o += 16) d.add(node, IPV6_ROUTING.srhAddr, o, 16, ipv6Text(d.bytes, o))
  } else if (length > 4) {
    d.add(node, IPV6_ROUTING.data, at + 4, length - 4, d.slice(span, at + 4, length - 4))
  }
  return { next, length }
}

function decodeFragment(d: Dissection, span: Span, at: number, parent: Field | null): ExtensionResult {
  d.need(span, at, 8)
  const node = d.protocol(parent, IPV6_FRAGMENT.fraghdr, at, 8, 'Fragment Header for IPv6')
  const next = d.uint(node, IPV6_FRAGMENT.nxt, span, at, 1)
  d.uint(node, IPV6_FRAGMENT.reservedOctet, span, at + 1, 1)
  const word = d.u16(span, at + 2)
  d.bitField(node, IPV6_FRAGMENT.offset, at + 2, 2, word)
  d.bitField(node, IPV6_FRAGMENT.reservedBits, at + 2, 2, word)
  d.bitField(node, IPV6_FRAGMENT.more, at + 2, 2, word)
  const ident = d.uint(node, IPV6_FRAGMENT.ident, span, at + 4, 4)
  return { next, length: 8, fragment: { offset: (word >> 3) * 8, more: (word & 1) !== 0, ident } }
}

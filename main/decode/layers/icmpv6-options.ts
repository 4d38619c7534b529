// Neighbor Discovery options (RFC 4861 §4.6 and later RFCs): type-length-value items after the
// fixed part of RS, RA, NS, NA, Redirect and a few more ICMPv6 messages. The length counts
// 8-byte units; a zero length ends the list as malformed. As Wireshark shows them: one
// "ICMPv6 Option (name …)" subtree each, link-layer addresses also in the Info column.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field, type FieldDef } from '../field'
import { ipv6Text, macText } from '../addresses'
import { hex } from '../format'
import { SET_NOT_SET } from '../names'
import { absoluteTimeText } from './icmp'
import { decodeData } from './data'
import { decodeIpv6 } from './ipv6'

/** Wireshark's option_vals. */
export const ND_OPTION_TYPES: Readonly<Record<number, string>> = {
  1: 'Source link-layer address',
  2: 'Target link-layer address',
  3: 'Prefix information',
  4: 'Redirected header',
  5: 'MTU',
  6: 'NBMA Shortcut Limit Option',
  7: 'Advertisement Interval',
  8: 'Home Agent Information',
  9: 'Source Address List',
  10: 'Target Address List',
  11: 'CGA',
  12: 'RSA Signature',
  13: 'Timestamp',
  14: 'Nonce',
  15: 'Trust Anchor',
  16: 'Certificate',
  17: 'IP Address/Prefix Option',
  18: 'New Router Prefix Information',
  19: 'Link-layer Address',
  20: 'Neighbor Advertisement Acknowledgment',
  23: 'MAP',
  24: 'Route Information',
  25: 'Recursive DNS Server',
  26: 'RA Flags Extension',
  27: 'Handover Key Request',
  28: 'Handover Key Reply',
  29: 'Handover Assist Information',
  30: 'Mobile Node Identifier Option',
  31: 'DNS Search List Option',
  32: 'Proxy Signature (PS)',
  33: 'Address Registration Option',
  34: '6LoWPAN Context Option',
  35: 'Authoritative Border Router',
  36: '6LoWPAN Capability Indication Option',
  37: 'DHCP Captive-Portal',
  38: 'PREF64 Option',
  138: 'CARD Request',
  139: 'CARD Reply',
  253: 'RFC3692-style Experiment 1',
  254: 'RFC3692-style Experiment 2',
}

/** Default router / route preference (RFC 4191). */
export const ROUTER_PREFERENCE: Readonly<Record<number, string>> = { 0: 'Medium', 1: 'High', 2: 'Reserved', 3: 'Low' }
const INFINITY = { 0xffffffff: 'Infinity' }

export const ND_OPT = defineFields({
  opt: { name: 'icmpv6.opt', title: 'ICMPv6 Option', type: 'none' },
  type: { name: 'icmpv6.opt.type', title: 'Type', type: 'uint8', base: 'dec', values: ND_OPTION_TYPES },
  length: { name: 'icmpv6.opt.length', title: 'Length', type: 'uint8', base: 'dec' },
  reserved: { name: 'icmpv6.opt.reserved', title: 'Reserved', type: 'none' },
  padding: { name: 'icmpv6.opt.padding', title: 'Padding', type: 'none' },
  linkaddrMac: { name: 'icmpv6.opt.linkaddr', title: 'Link-layer address', type: 'ether' },
  srcLinkaddrMac: { name: 'icmpv6.opt.src_linkaddr', title: 'Source Link-layer address', type: 'ether' },
  targetLinkaddrMac: { name: 'icmpv6.opt.target_linkaddr', title: 'Target Link-layer address', type: 'ether' },
  linkaddr: { name: 'icmpv6.opt.linkaddr', title: 'Link-layer address', type: 'bytes' },
  srcLinkaddr: { name: 'icmpv6.opt.src_linkaddr', title: 'Source Link-layer address', type: 'bytes' },
  targetLinkaddr: { name: 'icmpv6.opt.target_linkaddr', title: 'Target Link-layer address', type: 'bytes' },
  linkaddrEui64: { name: 'icmpv6.opt.linkaddr_eui64', title: 'Link-layer address', type: 'string' },
  srcLinkaddrEui64: { name: 'icmpv6.opt.src_linkaddr_eui64', title: 'Source Link-layer address', type: 'string' },
  targetLinkaddrEui64: { name: 'icmpv6.opt.target_linkaddr_eui64', title: 'Target Link-layer address', type: 'string' },
  prefixLength: { name: 'icmpv6.opt.prefix.length', title: 'Prefix Length', type: 'uint8', base: 'dec' },
  prefixFlag: { name: 'icmpv6.opt.prefix.flag', title: 'Flag', type: 'uint8', base: 'hex' },
  prefixFlagL: { name: 'icmpv6.opt.prefix.flag.l', title: 'On-link flag(L)', type: 'bool', bitmask: 0x80, tfs: SET_NOT_SET },
  prefixFlagA: { name: 'icmpv6.opt.prefix.flag.a', title: 'Autonomous address-configuration flag(A)', type: 'bool', bitmask: 0x40, tfs: SET_NOT_SET },
  prefixFlagR: { name: 'icmpv6.opt.prefix.flag.r', title: 'Router address flag(R)', type: 'bool', bitmask: 0x20, tfs: SET_NOT_SET },
  prefixFlagReserved: { name: 'icmpv6.opt.prefix.flag.reserved', title: 'Reserved', type: 'uint8', base: 'dec', bitmask: 0x1f },
  prefixValidLifetime: { name: 'icmpv6.opt.prefix.valid_lifetime', title: 'Valid Lifetime', type: 'uint32', base: 'dec', values: INFINITY },
  prefixPreferredLifetime: { name: 'icmpv6.opt.prefix.preferred_lifetime', title: 'Preferred Lifetime', type: 'uint32', base: 'dec', values: INFINITY },
  prefix: { name: 'icmpv6.opt.prefix', title: 'Prefix', type: 'ipv6' },
  redirectedPacket: { name: 'icmpv6.opt.redirected_packet', title: 'Redirected Packet', type: 'none' },
  mtu: { name: 'icmpv6.opt.mtu', title: 'MTU', type: 'uint32', base: 'dec' },
  nbmaShortcutLimit: { name: 'icmpv6.opt.nbma.shortcut_limit', title: 'Shortcut Limit', type: 'uint8', base: 'dec' },
  advertisementInterval: { name: 'icmpv6.opt.advertisement_interval', title: 'Advertisement Interval', type: 'uint32', base: 'dec' },
  homeAgentPreference: { name: 'icmpv6.opt.home_agent_preference', title: 'Home Agent Preference', type: 'uint16', base: 'dec' },
  homeAgentLifetime: { name: 'icmpv6.opt.home_agent_lifetime', title: 'Home Agent Preference', type: 'uint16', base: 'dec' },
  ipv6Address: { name: 'icmpv6.opt.ipv6_address', title: 'IPv6 Address', type: 'ipv6' },
  timestamp: { name: 'icmpv6.opt.timestamp', title: 'Timestamp', type: 'string' },
  nonce: { name: 'icmpv6.opt.nonce', title: 'Nonce', type: 'bytes' },
  routeInfoFlag: { name: 'icmpv6.opt.route_info.flag', title: 'Flag', type: 'uint8', base: 'hex' },
  routePreference: { name: 'icmpv6.opt.route_info.flag.route_preference', title: 'Route Preference', type: 'uint8', base: 'dec', bitmask: 0x18, values: ROUTER_PREFERENCE },
  routeInfoReserved: { name: 'icmpv6.opt.route_info.flag.reserved', title: 'Reserved', type: 'uint8', base: 'dec', bitmask: 0xe7 },
  routeLifetime: { name: 'icmpv6.opt.route_lifetime', title: 'Route Lifetime', type: 'uint32', base: 'dec', values: INFINITY },
  rdnssLifetime: { name: 'icmpv6.opt.rdnss.lifetime', title: 'Lifetime', type: 'uint32', base: 'dec', values: { 0: 'RDNSS address MUST no longer be used', ...INFINITY } },
  rdnss: { name: 'icmpv6.opt.rdnss', title: 'Recursive DNS Servers', type: 'ipv6' },
  efo: { name: 'icmpv6.opt.efo', title: 'Flags Expansion Option', type: 'uint16', base: 'hex' },
  efoM: { name: 'icmpv6.opt.efo.m', title: 'Managed address configuration', type: 'bool', bitmask: 0x8000, tfs: SET_NOT_SET },
  efoO: { name: 'icmpv6.opt.efo.o', title: 'Other configuration', type: 'bool', bitmask: 0x4000, tfs: SET_NOT_SET },
  efoH: { name: 'icmpv6.opt.efo.h', title: 'Home Agent', type: 'bool', bitmask: 0x2000, tfs: SET_NOT_SET },
  efoPrf: { name: 'icmpv6.opt.efo.prf', title: 'Prf (Default Router Preference)', type: 'uint16', base: 'dec', bitmask: 0x1800, values: ROUTER_PREFERENCE },
  efoP: { name: 'icmpv6.opt.efo.p', title: 'Proxy', type: 'bool', bitmask: 0x0400, tfs: SET_NOT_SET },
  efoRsv: { name: 'icmpv6.opt.efo.rsv', title: 'Reserved', type: 'uint16', base: 'dec', bitmask: 0x02ff },
  dnsslLifetime: { name: 'icmpv6.opt.dnssl.lifetime', title: 'Lifetime', type: 'uint32', base: 'dec', values: { 0: 'DNSSL domain name MUST no longer be used', ...INFINITY } },
  dnssl: { name: 'icmpv6.opt.dnssl', title: 'Domain Names', type: 'string' },
  captivePortal: { name: 'icmpv6.opt.captive_portal', title: 'Captive Portal', type: 'string' },
  data: { name: 'icmpv6.data', title: 'Data', type: 'bytes' },
  unknownData: { name: 'icmpv6.unknown_data', title: 'Unknown Data', type: 'bytes' },
})

/** Link-layer address options change the Info column: " from …" (source), " is at …" (target). */
const LINK_INFO = { 1: ' from ', 2: ' is at ' } as const

/**
 * proto_tree_add_bitmask: a flags field, its named bits under it, and the bits that are set
 * (and the named values of multi-bit fields) appended to its line.
 */
export function addFlags(d: Dissection, parent: Field, def: FieldDef, offset: number, length: number, raw: number, bits: readonly FieldDef[]): Field {
  const field = d.add(parent, def, offset, length, raw)
  let text = `${def.title}: ${hex(raw, length * 2)}`
  for (const bitDef of bits) {
    const bit = d.bitField(field, bitDef, offset, length, raw)
    if (bitDef.type === 'bool') {
      if (bit.value) text += `, ${bitDef.title}`
    } else if (bitDef.values) {
      text += `, ${bitDef.title}: ${bitDef.values[bit.value as number] ?? 'Unknown'}`
    }
  }
  field.text = text
  return field
}

/** A field whose value may be one of a few special numbers: "Infinity (4294967295)" or just "600". */
function addSpecial(d: Dissection, parent: Field, def: FieldDef, span: Span, offset: number, length: number): Field {
  const field = d.uintField(parent, def, span, offset, length)
  const name = def.values?.[field.value as number]
  field.text = name !== undefined ? `${def.title}: ${name} (${field.value})` : `${def.title}: ${field.value}`
  return field
}

/** EUI-64 as Wireshark writes it: eight colon-separated bytes. */
function eui64Text(bytes: Uint8Array, offset: number): string {
  return macText(bytes, offset, 8)
}

/** A DNS name in RFC 1035 wire format (no compression in ND options); returns text and bytes used. */
function dnsName(d: Dissection, span: Span, offset: number, end: number): { name: string; used: number } {
  const labels: string[] = []
  let at = offset
  while (at < end) {
    const length = d.u8(span, at)
    at += 1
    if (length === 0) break
    d.need(span, at, length)
    labels.push(String.fromCharCode(...d.bytes.subarray(at, at + length)))
    at += length
  }
  return { name: labels.length ? labels.join('.') : '<Root>', used: at - offset }
}

/**
 * Decodes the options from `offset` to the end of the ICMPv6 message. A zero-length option
 * stops the walk, as malformed (Wireshark then stops decoding the message).
 */
export function decodeNdOptions(d: Dissection, span: Span, parent: Field, offset: number): void {
  const end = span.reported
  const b = d.bytes
  while (end > offset) {
    const optionLength = d.u8(span, offset + 1) * 8
    const node = d.add(parent, ND_OPT.opt, offset, Math.max(0, Math.min(optionLength, span.end - offset)), null)
    const type = d.u8(span, offset)
    const typeField = d.add(node, ND_OPT.type, offset, 1, type)
    const name = ND_OPTION_TYPES[type]
    if (name === undefined) typeField.text = `Type: Unknown (${type})`
    node.text = `ICMPv6 Option (${name ?? `Unknown ${type}`}`
    const lengthField = d.add(node, ND_OPT.length, offset + 1, 1, optionLength / 8)
    lengthField.text = `Length: ${optionLength / 8} (${optionLength} bytes)`
    if (optionLength === 0) {
      d.note('error', 'malformed', 'Invalid option length (Zero)', lengthField)
      return
    }
    let at = offset + 2
    const reserved = (length: number) => {
      d.need(span, at, length)
      d.add(node, ND_OPT.reserved, at, length, null).text = 'Reserved'
      at += length
    }
    switch (type) {
      case 1:
      case 2: {
        const source = type === 1
        if (optionLength === 8) {
          d.need(span, at, 6)
          const mac = macText(b, at)
          d.add(node, ND_OPT.linkaddrMac, at, 6, mac)
          d.hidden(node, source ? ND_OPT.srcLinkaddrMac : ND_OPT.targetLinkaddrMac, at, 6, mac)
          d.info += LINK_INFO[type] + mac
          node.text += ` : ${mac}`
        } else if (optionLength === 16 && d.u32(span, at + 8) === 0 && d.u16(span, at + 12) === 0) {
          const eui = eui64Text(b, at)
          d.add(node, ND_OPT.linkaddrEui64, at, 8, eui).text = `Link-layer address: ${eui} (${eui})`
          d.hidden(node, source ? ND_OPT.srcLinkaddrEui64 : ND_OPT.targetLinkaddrEui64, at, 8, eui)
          if (source) {
            d.hidden(node, ND_OPT.linkaddr, at, 8, b.slice(at, at + 8))
            d.hidden(node, ND_OPT.srcLinkaddr, at, 8, b.slice(at, at + 8))
          }
          d.add(node, ND_OPT.padding, at + 8, 6, null).text = 'Padding'
          // Wireshark writes " from" for a target EUI-64 too.
          d.info += ` from ${eui}`
          node.text += ` : ${eui}`
        } else {
          const bytes = d.slice(span, at, optionLength - 2)
          d.add(node, ND_OPT.linkaddr, at, optionLength - 2, bytes)
          d.hidden(node, source ? ND_OPT.srcLinkaddr : ND_OPT.targetLinkaddr, at, optionLength - 2, bytes)
        }
        at += optionLength
        break
      }
      case 3: {
        const prefixLength = d.uint(node, ND_OPT.prefixLength, span, at, 1)
        addFlags(d, node, ND_OPT.prefixFlag, at + 1, 1, d.u8(span, at + 1), [ND_OPT.prefixFlagL, ND_OPT.prefixFlagA, ND_OPT.prefixFlagR, ND_OPT.prefixFlagReserved])
        addSpecial(d, node, ND_OPT.prefixValidLifetime, span, at + 2, 4)
        addSpecial(d, node, ND_OPT.prefixPreferredLifetime, span, at + 6, 4)
        at += 10
        reserved(4)
        d.need(span, at, 16)
        const prefix = ipv6Text(b, at)
        d.add(node, ND_OPT.prefix, at, 16, prefix)
        node.text += ` : ${prefix}/${prefixLength}`
        at += 16
        break
      }
      case 4:
        reserved(6)
        if (optionLength > 8) {
          d.add(node, ND_OPT.redirectedPacket, at, optionLength - 8, null).text = 'Redirected Packet'
          const packet = d.sub(span, at, optionLength - 8)
          d.quoted(() => {
            if (d.u8(packet, at) >> 4 === 6) decodeIpv6(d, packet, node)
            else decodeData(d, packet, node)
          })
          at += optionLength - 8
        }
        break
      case 5: {
        reserved(2)
        const mtu = d.uint(node, ND_OPT.mtu, span, at, 4)
        node.text += ` : ${mtu}`
        at += 4
        break
      }
      case 6: {
        const limit = d.uint(node, ND_OPT.nbmaShortcutLimit, span, at, 1)
        node.text += ` : ${limit}`
        reserved(1)
        reserved(4)
        break
      }
      case 7: {
        reserved(2)
        const interval = d.uint(node, ND_OPT.advertisementInterval, span, at, 4)
        node.text += ` : ${interval}`
        at += 4
        break
      }
      case 8:
        reserved(2)
        d.uint(node, ND_OPT.homeAgentPreference, span, at, 2)
        d.uint(node, ND_OPT.homeAgentLifetime, span, at + 2, 2)
        at += 4
        break
      case 9:
      case 10:
        reserved(6)
        at = addAddressList(d, span, node, ND_OPT.ipv6Address, at, offset + optionLength)
        break
      case 13: {
        reserved(6)
        // RFC 3971: 48 bits of seconds, 16 bits of 1/64K fractions.
        const seconds = d.u32(span, at) * 65536 + d.u16(span, at + 4)
        const fraction = d.u16(span, at + 6)
        const text = absoluteTimeText({ sec: seconds, nsec: Math.floor((fraction * 1e9) / 65536) })
        d.add(node, ND_OPT.timestamp, at, 8, text).text = `Timestamp: ${text}`
        at += 8
        break
      }
      case 14:
        d.add(node, ND_OPT.nonce, at, optionLength - 2, d.slice(span, at, optionLength - 2))
        at += optionLength - 2
        break
      case 24: {
        const prefixLength = d.uint(node, ND_OPT.prefixLength, span, at, 1)
        const flags = d.u8(span, at + 1)
        addFlags(d, node, ND_OPT.routeInfoFlag, at + 1, 1, flags, [ND_OPT.routePreference, ND_OPT.routeInfoReserved])
        node.text += ` : ${ROUTER_PREFERENCE[(flags & 0x18) >> 3]}`
        addSpecial(d, node, ND_OPT.routeLifetime, span, at + 2, 4)
        at += 6
        if (optionLength === 8) node.text += ` ::/${prefixLength}`
        else if (optionLength === 16 || optionLength === 24) {
          const size = optionLength === 16 ? 8 : 16
          d.need(span, at, size)
          const full = new Uint8Array(16)
          full.set(b.subarray(at, at + size))
          const prefix = ipv6Text(full, 0)
          d.add(node, ND_OPT.prefix, at, size, prefix)
          node.text += ` ${prefix}/${prefixLength}`
          at += size
        } else d.note('warn', 'protocol', 'Invalid option length', lengthField)
        break
      }
      case 25:
        reserved(2)
        addSpecial(d, node, ND_OPT.rdnssLifetime, span, at, 4)
        at += 4
        at = addAddressList(d, span, node, ND_OPT.rdnss, at, offset + optionLength)
        break
      case 26:
        addFlags(d, node, ND_OPT.efo, at, 2, d.u16(span, at), [ND_OPT.efoM, ND_OPT.efoO, ND_OPT.efoH, ND_OPT.efoPrf, ND_OPT.efoP, ND_OPT.efoRsv])
        at += 2
        reserved(4)
        break
      case 31: {
        reserved(2)
        addSpecial(d, node, ND_OPT.dnsslLifetime, span, at, 4)
        at += 4
        while (at < offset + optionLength) {
          if (d.u8(span, at) === 0) {
            d.add(node, ND_OPT.padding, at, offset + optionLength - at, null).text = 'Padding'
            at = offset + optionLength
            break
          }
          const { name: domain, used } = dnsName(d, span, at, offset + optionLength)
          d.add(node, ND_OPT.dnssl, at, used, domain)
          node.text += ` ${domain}`
          at += used
        }
        break
      }
      case 37: {
        const url = d.slice(span, at, optionLength - 2)
        const text = String.fromCharCode(...url.subarray(0, url.indexOf(0) < 0 ? url.length : url.indexOf(0)))
        d.add(node, ND_OPT.captivePortal, at, optionLength - 2, text)
        at += optionLength - 2
        break
      }
      default: {
        // Options Wireshark decodes in more detail (SEND, FMIPv6, 6LoWPAN…) show as data here.
        if (!(type in ND_OPTION_TYPES)) {
          d.note('note', 'undecoded', `Dissector for ICMPv6 Option (${type}) code not implemented, Contact Wireshark developers if you want this supported`, node)
        }
        d.add(node, ND_OPT.data, at, optionLength - 2, d.slice(span, at, optionLength - 2))
        at += optionLength - 2
      }
    }
    offset += optionLength
    if (offset > at) {
      const unknown = d.add(node, ND_OPT.unknownData, at, offset - at, d.slice(span, at, offset - at))
      d.note('error', 'malformed', 'Unknown Data (not interpreted)', unknown)
    }
    node.text += ')'
  }
}

/** IPv6 addresses one after another up to `end`, each a field and a word in the option's line. */
function addAddressList(d: Dissection, span: Span, node: Field, def: FieldDef, at: number, end: number): number {
  while (at < end) {
    d.need(span, at, 16)
    const address = ipv6Text(d.bytes, at)
    d.add(node, def, at, 16, address)
    node.text += ` ${address}`
    at += 16
  }
  return at
}

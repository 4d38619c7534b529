// The header walk of the fast index pass: from the link layer down to TCP, reading only what the
// packet list and the TCP engine need, building no fields and allocating nothing.
//
// It follows the full decoder (main/decode/layers) step by step, including where that decoder
// stops: a read past the captured bytes, a bogus IP length, a later IP fragment, an extension
// header cut short. So a TCP header is reported exactly when DecodePass would hand a segment to
// the TCP engine, and with the same lengths. The rules below name the decoder each one mirrors;
// a change there must be made here too (test/unit/main/session/index-pass.test.ts compares the
// two on every fixture, and on randomly damaged frames).
//
// IP reassembly (on when the walk has a table, as DecodePass by default) follows layers/ipv4.ts
// and layers/ipv6.ts too: the walk feeds its own table the same fragments, and the frame that
// completes a datagram reports the TCP header inside the reassembled bytes (`tcpBytes`).
//
// A span is passed as (start, end, reported), as Dissection's Span: `end` is where the captured
// bytes of the layer stop, `reported` where its bytes on the wire stop (end ≤ reported).
//
// Offsets inside a header come from the decoder's byte-layout tables (ETH_LAYOUT, IPV4_LAYOUT,
// IPV6_LAYOUT, TCP_LAYOUT), so the two walks read the same bytes by construction.
import { ETH_LAYOUT } from './layers/ethernet'
import { IPV4_LAYOUT } from './layers/ipv4'
import { IPV6_LAYOUT } from './layers/ipv6'
import { TCP_LAYOUT } from './layers/tcp'
import { ipv4FragmentKey, ipv6FragmentKey, type IpReassembly } from './reassembly'

/** The network layer of a packet (bits 0–1 of its class). */
export const NET = { OTHER: 0, ARP: 1, IPV4: 2, IPV6: 3 } as const

/** What the IP layer carries (bits 2–4 of its class). */
export const TRANSPORT = { NONE: 0, TCP: 1 << 2, UDP: 2 << 2, ICMP: 3 << 2, ICMPV6: 4 << 2, OTHER: 5 << 2, FRAGMENT: 6 << 2 } as const

export const NET_MASK = 0x03
export const TRANSPORT_MASK = 0x1c

/** What the walk found in one frame. One instance is reused for every frame. */
export class HeaderWalk {
  /**
   * The bytes `tcpAt` points into: the frame's (undefined), or a datagram reassembled from
   * fragments. The addresses are always in the frame.
   */
  tcpBytes: Uint8Array | undefined = undefined
  /** The frame being walked (for the reassembly table's fragment list). */
  frame = 0
  /** NET | TRANSPORT: what the packet is, as far as the walk went. */
  kind = 0
  /** Where the TCP header starts, or −1 when the frame hands no segment to the TCP engine. */
  tcpAt = -1
  /** Bytes on the wire from the TCP header on (header and payload), as the IP lengths say. */
  tcpReported = 0
  /** The IP layer said the packet is a fragment (more to come, or not the first). */
  fragmented = false
  /** Where the IP source address starts; the destination follows it directly. */
  addressAt = 0
  /** 4 (IPv4) or 16 (IPv6); 0 when no IP header was read. */
  addressLength = 0

  /** With a table, fragmented IP datagrams are reassembled (DecodePass's default); else not. */
  constructor(readonly reassembly?: IpReassembly) {}

  reset(): void {
    this.tcpBytes = undefined
    this.kind = NET.OTHER
    this.tcpAt = -1
    this.tcpReported = 0
    this.fragmented = false
    this.addressAt = 0
    this.addressLength = 0
  }
}

const ETHERTYPE_IPV4 = 0x0800
const ETHERTYPE_ARP = 0x0806
const ETHERTYPE_IPV6 = 0x86dd
const ETHERTYPE_VLAN = 0x8100
const ETHERTYPE_QINQ = 0x9100
const ETHERTYPE_8021AD = 0x88a8

/** The largest type/length value that is an 802.3 length, not an ethertype. */
const MAX_802_3_LENGTH = 1500

/** Walks one frame's headers into `out` (reset first). Never throws. */
export function walkHeaders(bytes: Uint8Array, origLen: number, linkType: number, out: HeaderWalk, frame = 0): void {
  out.reset()
  out.frame = frame
  const end = bytes.length
  // Dissection.frameSpan: every captured byte is read, even past a smaller frame.len.
  const reported = origLen > end ? origLen : end
  switch (linkType) {
    case 0: // null.ts: BSD loopback, family in the capturing host's byte order
      if (4 <= end) nullFamily(bytes, end, reported, out)
      return
    case 108: // null.ts: OpenBSD loopback, family in network byte order
      if (4 <= end) loopFamily(bytes, u32(bytes, 0), end, reported, out)
      return
    case 1: // ethernet.ts
      if (ETH_LAYOUT.length <= end) {
        const type = u16(bytes, ETH_LAYOUT.type)
        if (type > MAX_802_3_LENGTH) etherType(bytes, type, ETH_LAYOUT.length, end, reported, out)
      }
      return
    case 12:
    case 14:
    case 101: {
      // raw.ts: either IP version, by the first nibble
      const version = end > 0 ? bytes[0]! >> 4 : -1
      if (version === 4) ipv4(bytes, 0, end, reported, out)
      else if (version === 6) ipv6(bytes, 0, end, reported, out)
      return
    }
    case 113: // sll.ts: Linux cooked v1, protocol at byte 14
      if (16 <= end) {
        const protocol = u16(bytes, 14)
        if (protocol > MAX_802_3_LENGTH) etherType(bytes, protocol, 16, end, reported, out)
      }
      return
    case 276: // sll.ts: Linux cooked v2, protocol at byte 0
      if (20 <= end) {
        const protocol = u16(bytes, 0)
        if (protocol > MAX_802_3_LENGTH) etherType(bytes, protocol, 20, end, reported, out)
      }
      return
    case 228: // LINKTYPE_IPV4: the IP decoder takes the frame, no version check
      ipv4(bytes, 0, end, reported, out)
      return
    case 229:
      ipv6(bytes, 0, end, reported, out)
      return
  }
}

/** null.ts decodeNull: guess the byte order of the family as Wireshark does. */
function nullFamily(bytes: Uint8Array, end: number, reported: number, out: HeaderWalk): void {
  let family = (bytes[0]! | (bytes[1]! << 8) | (bytes[2]! << 16) | (bytes[3]! << 24)) >>> 0
  if ((family & 0xffff0000) !== 0) {
    if ((family & 0xff000000) === 0 && (family & 0x00ff0000) < 0x00060000) family >>>= 16
    else family = (((family & 0xff) << 24) | ((family & 0xff00) << 8) | ((family >>> 8) & 0xff00) | (family >>> 24)) >>> 0
  } else if ((family & 0xff) === 0 && (family & 0xff00) < 0x0600) {
    family = ((family & 0xff) << 8) | ((family >>> 8) & 0xff)
  }
  // Some systems write an ethertype instead of an address family (no trailer logic there).
  if (family > MAX_802_3_LENGTH) etherType(bytes, family & 0xffff, 4, end, reported, out)
  else loopFamily(bytes, family, end, reported, out)
}

/** null.ts NULL_FAMILIES: which address families carry IP. */
function loopFamily(bytes: Uint8Array, family: number, end: number, reported: number, out: HeaderWalk): void {
  switch (family) {
    case 2:
      ipv4(bytes, 4, end, reported, out)
      return
    case 24:
    case 28:
    case 30:
      ipv6(bytes, 4, end, reported, out)
      return
    case 10:
    case 23:
      // Linux's and Windows' AF_INET6: IPv6 when the packet says so.
      if (end > 4 && bytes[4]! >> 4 === 6) ipv6(bytes, 4, end, reported, out)
      return
  }
}

/** ethertype.ts and vlan.ts: the ethertype dispatch, through any number of VLAN tags. */
function etherType(bytes: Uint8Array, type: number, start: number, end: number, reported: number, out: HeaderWalk): void {
  for (;;) {
    switch (type) {
      case ETHERTYPE_IPV4:
        ipv4(bytes, start, end, reported, out)
        return
      case ETHERTYPE_IPV6:
        ipv6(bytes, start, end, reported, out)
        return
      case ETHERTYPE_ARP:
        out.kind = NET.ARP
        return
      case ETHERTYPE_VLAN:
      case ETHERTYPE_QINQ:
        // An 802.1Q tag: TCI, then the inner type; a length (≤ 1500) means 802.3 data.
        if (start + 4 > end) return
        type = u16(bytes, start + 2)
        if (type <= MAX_802_3_LENGTH) return
        start += 4
        continue
      case ETHERTYPE_8021AD:
        // An 802.1ad service tag hands any inner type to the dispatch.
        if (start + 4 > end) return
        type = u16(bytes, start + 2)
        start += 4
        continue
      default:
        return
    }
  }
}

/** ipv4.ts decodeIpv4 (and ipv4-options.ts where it can stop the decode). */
function ipv4(bytes: Uint8Array, at: number, end: number, reported: number, out: HeaderWalk): void {
  const L = IPV4_LAYOUT
  if (at + L.options > end) return
  out.kind = NET.IPV4
  const headerLength = (bytes[at + L.versionIhl]! & 0x0f) * 4
  const totalLength = u16(bytes, at + L.totalLength)
  // Bogus header or total length: the decoder stops above IP.
  if (headerLength < L.options || totalLength < headerLength) return
  // setLength: the datagram ends where its total length says.
  if (at + totalLength < reported) {
    reported = at + totalLength
    if (end > reported) end = reported
  }
  // The options decoder (ipv4-options.ts) stops the decode only when bytes of the header are
  // missing, and then the TCP header after it is missing too: nothing to check here.
  out.addressAt = at + L.src
  out.addressLength = 4
  const flagsFragment = u16(bytes, at + L.flagsFragment)
  const fragmentOffset = (flagsFragment & 0x1fff) * 8
  const more = (flagsFragment & 0x2000) !== 0
  const protocol = bytes[at + L.protocol]!
  if (fragmentOffset !== 0 || more) {
    out.fragmented = true
    // Reassembly: a fragment whose payload was captured whole goes into the table.
    const table = out.reassembly
    if (table && totalLength > headerLength && end >= at + totalLength) {
      const done = table.add(ipv4FragmentKey(bytes, at + L.src, protocol, u16(bytes, at + L.id)), out.frame, fragmentOffset, bytes.subarray(at + headerLength, at + totalLength), more)
      if (!done) {
        out.kind |= TRANSPORT.FRAGMENT
        return
      }
      out.fragmented = false
      out.tcpBytes = done.bytes
      ipProtocol(protocol, 0, done.bytes.length, done.bytes.length, out)
      return
    }
  }
  if (fragmentOffset !== 0) {
    // A later fragment carries the middle of a datagram, not a transport header.
    out.kind |= TRANSPORT.FRAGMENT
    return
  }
  ipProtocol(protocol, at + headerLength, end, reported, out)
}

/** ipv6.ts decodeIpv6 and ipv6-ext.ts: the fixed header, then the extension headers. */
function ipv6(bytes: Uint8Array, at: number, end: number, reported: number, out: HeaderWalk): void {
  const L = IPV6_LAYOUT
  if (at + L.end > end) return
  out.kind = NET.IPV6
  const payloadLength = u16(bytes, at + L.payloadLength)
  if (payloadLength > 0 && at + L.end + payloadLength < reported) {
    reported = at + L.end + payloadLength
    if (end > reported) end = reported
  }
  out.addressAt = at + L.src
  out.addressLength = 16
  const frameBytes = bytes
  let header = bytes[at + L.nextHeader]!
  let offset = at + L.end
  let payloadEnd = at + L.end + payloadLength
  for (;;) {
    if (header === 0 || header === 60) {
      // Hop-by-hop or destination options.
      if (offset + 2 > end) return
      const length = (bytes[offset + 1]! + 1) * 8
      if (offset + length > end || !ipv6OptionsReadable(bytes, offset + 2, offset + length, end)) return
      header = bytes[offset]!
      offset += length
    } else if (header === 43) {
      // Routing: every byte of it is read.
      if (offset + 2 > end) return
      const length = (bytes[offset + 1]! + 1) * 8
      if (offset + length > end) return
      header = bytes[offset]!
      offset += length
    } else if (header === 44) {
      // Fragment: offset 0 with more to come is the first fragment; later ones carry no header.
      if (offset + 8 > end) return
      const word = u16(bytes, offset + 2)
      const fragmentOffset = (word >> 3) * 8
      const more = (word & 1) !== 0
      if (fragmentOffset !== 0 || more) {
        out.fragmented = true
        const after = offset + 8
        const table = out.reassembly
        if (table && bytes === frameBytes) {
          // Reassembly: a fragment whose bytes were all captured goes into the table; any other,
          // even a first one, is shown as fragment data. A completed datagram goes on with the
          // headers after the fragment header, in the reassembled bytes.
          const length = payloadEnd - after
          const done = length >= 0 && end >= payloadEnd ? table.add(ipv6FragmentKey(bytes, at + L.src, u32(bytes, offset + 4)), out.frame, fragmentOffset, bytes.subarray(after, payloadEnd), more) : undefined
          if (!done) {
            out.kind |= TRANSPORT.FRAGMENT
            return
          }
          out.fragmented = false
          header = bytes[offset]!
          bytes = done.bytes
          out.tcpBytes = bytes
          offset = 0
          end = reported = payloadEnd = bytes.length
          continue
        }
        if (fragmentOffset !== 0) {
          out.kind |= TRANSPORT.FRAGMENT
          return
        }
      }
      header = bytes[offset]!
      offset += 8
    } else {
      break
    }
  }
  // 59, No Next Header: nothing follows.
  if (header === 59) return
  ipProtocol(header, offset, end, reported, out)
}

/**
 * ipv6-ext.ts decodeOptionsHeader: each option's value is read (PadN, unknown options, and the
 * few with a fixed size), and a value that runs past the captured bytes stops the decode.
 */
function ipv6OptionsReadable(bytes: Uint8Array, offset: number, optionsEnd: number, end: number): boolean {
  while (offset < optionsEnd) {
    const type = bytes[offset]!
    if (type === 0) {
      offset++
      continue
    }
    if (offset + 2 > end) return false
    const length = bytes[offset + 1]!
    const value = offset + 2
    let reads: boolean
    if (type === 0x05) reads = length === 2
    else if (type === 0x04) reads = length === 1
    else if (type === 0xc2) reads = length === 4
    else reads = length > 0
    if (reads && value + length > end) return false
    offset = value + length
  }
  return true
}

/** ipv4.ts dispatchIpProtocol. */
function ipProtocol(protocol: number, at: number, end: number, reported: number, out: HeaderWalk): void {
  switch (protocol) {
    case 6:
      out.kind |= TRANSPORT.TCP
      // tcp.ts reads ports, numbers, offset/flags and window (16 bytes) before it tracks.
      if (at + TCP_LAYOUT.window + 2 <= end) {
        out.tcpAt = at
        out.tcpReported = reported - at
      }
      return
    case 17:
      out.kind |= TRANSPORT.UDP
      return
    case 1:
      out.kind |= TRANSPORT.ICMP
      return
    case 58:
      out.kind |= TRANSPORT.ICMPV6
      return
    default:
      out.kind |= TRANSPORT.OTHER
  }
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0
}

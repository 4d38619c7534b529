// Encodes one Ethernet II / IPv4 / TCP frame with correct lengths and checksums: all the bundled
// sample needs (the test fixtures have a fuller packet builder for every malformed case). The
// field offsets are the decoder's layout tables, and the checksum its one's complement sum.
import { parseIpv4 } from '../capture/address-text'
import { ByteBuilder } from '../capture/byte-builder'
import { onesComplementSum } from '../decode/checksum'
import { IPV4_LAYOUT } from '../decode/layers/ipv4'
import { TCP_LAYOUT } from '../decode/layers/tcp'

export interface TcpFrameSpec {
  srcMac: string
  dstMac: string
  srcIp: string
  dstIp: string
  srcPort: number
  dstPort: number
  seq: number
  ack: number
  /** TCP_FLAG bits. */
  flags: number
  window: number
  /** Option bytes, padded here with EOL to a multiple of 4. */
  options?: Uint8Array
  payload?: Uint8Array
  /** IPv4 identification. */
  ipId: number
  ttl?: number
}

const ETHERTYPE_IPV4 = 0x0800
const IPPROTO_TCP = 6
const IPV4_DONT_FRAGMENT = 0x4000

function macBytes(mac: string): Uint8Array {
  const parts = mac.split(':').map((part) => parseInt(part, 16))
  if (parts.length !== 6 || parts.some((n) => !(n >= 0 && n <= 255))) throw new RangeError(`not a MAC address: ${mac}`)
  return Uint8Array.from(parts)
}

function ipv4Bytes(text: string): Uint8Array {
  const bytes = parseIpv4(text)
  if (!bytes) throw new RangeError(`not an IPv4 address: ${text}`)
  return bytes
}

/** Fills the checksum field at `at` of `header` (still zero) with the Internet checksum over `covered`. */
function fillChecksum(header: Uint8Array, at: number, ...covered: Uint8Array[]): void {
  let sum = 0
  for (const part of covered) sum = onesComplementSum(part, 0, part.length, sum)
  new DataView(header.buffer, header.byteOffset).setUint16(at, ~sum & 0xffff)
}

function tcpSegment(spec: TcpFrameSpec, src: Uint8Array, dst: Uint8Array): Uint8Array {
  const options = spec.options ?? new Uint8Array(0)
  const padded = new Uint8Array(Math.ceil(options.length / 4) * 4)
  padded.set(options)
  const payload = spec.payload ?? new Uint8Array(0)
  const headerLength = TCP_LAYOUT.options + padded.length
  const out = new ByteBuilder(false, headerLength + payload.length)
  out.u16(spec.srcPort).u16(spec.dstPort).u32(spec.seq).u32(spec.ack)
  out.u16(((headerLength / 4) << 12) | spec.flags).u16(spec.window)
  out.u16(0).u16(0) // checksum (below), urgent pointer
  out.bytes(padded).bytes(payload)
  const segment = out.take()
  const pseudo = new ByteBuilder(false, 12).bytes(src).bytes(dst).u8(0).u8(IPPROTO_TCP).u16(segment.length).take()
  fillChecksum(segment, TCP_LAYOUT.checksum, pseudo, segment)
  return segment
}

export function encodeTcpFrame(spec: TcpFrameSpec): Uint8Array {
  const src = ipv4Bytes(spec.srcIp)
  const dst = ipv4Bytes(spec.dstIp)
  const segment = tcpSegment(spec, src, dst)
  const ip = new ByteBuilder(false, IPV4_LAYOUT.options)
  ip.u8(0x45).u8(0).u16(IPV4_LAYOUT.options + segment.length).u16(spec.ipId).u16(IPV4_DONT_FRAGMENT)
  ip.u8(spec.ttl ?? 64).u8(IPPROTO_TCP).u16(0).bytes(src).bytes(dst)
  const header = ip.take()
  fillChecksum(header, IPV4_LAYOUT.checksum, header)
  return new ByteBuilder(false, 14 + header.length + segment.length).bytes(macBytes(spec.dstMac)).bytes(macBytes(spec.srcMac)).u16(ETHERTYPE_IPV4).bytes(header).bytes(segment).take()
}

/** TCP option bytes (RFC 9293, 7323, 2018). */
export const TCP_OPTION = {
  nop: (): number[] => [1],
  mss: (mss: number): number[] => [2, 4, mss >> 8, mss & 0xff],
  windowScale: (shift: number): number[] => [3, 3, shift],
  sackPermitted: (): number[] => [4, 2],
  timestamps: (tsval: number, tsecr: number): number[] => [8, 10, ...u32(tsval), ...u32(tsecr)],
}

function u32(value: number): number[] {
  return [(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]
}

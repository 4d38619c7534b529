// Ethernet II and IEEE 802.3 frames (LINKTYPE_ETHERNET = 1).
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field, type FieldDef } from '../field'
import { macText } from '../addresses'
import { ETHERTYPES } from '../names'
import { decodeData } from './data'
import { addTrailer, decodeEtherType, ETH_TRAILER } from './ethertype'

/** Byte layout of the Ethernet header. */
export const ETH_LAYOUT = { dst: 0, src: 6, type: 12, length: 14 } as const

const LG = ['Locally administered address (this is NOT the factory default)', 'Globally unique address (factory default)'] as const
const IG = ['Group address (multicast/broadcast)', 'Individual address (unicast)'] as const

export const ETH = defineFields({
  eth: { name: 'eth', title: 'Ethernet II', type: 'protocol', short: 'Ethernet' },
  dst: { name: 'eth.dst', title: 'Destination', type: 'ether' },
  src: { name: 'eth.src', title: 'Source', type: 'ether' },
  addr: { name: 'eth.addr', title: 'Address', type: 'ether' },
  dstLg: { name: 'eth.dst.lg', title: 'LG bit', type: 'bool', bitmask: 0x020000, bitWidth: 24, tfs: LG },
  dstIg: { name: 'eth.dst.ig', title: 'IG bit', type: 'bool', bitmask: 0x010000, bitWidth: 24, tfs: IG },
  srcLg: { name: 'eth.src.lg', title: 'LG bit', type: 'bool', bitmask: 0x020000, bitWidth: 24, tfs: LG },
  srcIg: { name: 'eth.src.ig', title: 'IG bit', type: 'bool', bitmask: 0x010000, bitWidth: 24, tfs: IG },
  lg: { name: 'eth.lg', title: 'LG bit', type: 'bool', bitmask: 0x020000, bitWidth: 24, tfs: LG },
  ig: { name: 'eth.ig', title: 'IG bit', type: 'bool', bitmask: 0x010000, bitWidth: 24, tfs: IG },
  type: { name: 'eth.type', title: 'Type', type: 'uint16', base: 'hex', values: ETHERTYPES },
  len: { name: 'eth.len', title: 'Length', type: 'uint16', base: 'dec' },
})

/** The largest value of the type field that is an 802.3 length, not an ethertype. */
const MAX_802_3_LENGTH = 1500

export function decodeEthernet(d: Dissection, span: Span, parent: Field | null): void {
  const b = d.bytes
  const at = span.start
  d.need(span, at, 14)
  const typeOrLength = d.u16(span, at + ETH_LAYOUT.type)
  const dst = macText(b, at)
  const src = macText(b, at + 6)
  d.linkSrc = src
  d.linkDst = dst
  const is8023 = typeOrLength <= MAX_802_3_LENGTH
  const title = is8023 ? 'IEEE 802.3 Ethernet ' : `Ethernet II, Src: ${src}, Dst: ${dst}`
  const node = d.protocol(parent, ETH.eth, at, 14, title)
  d.protocolColumn = 'Ethernet'
  addAddress(d, span, node, at, dst, true)
  addAddress(d, span, node, at + 6, src, false)
  const payload = d.sub(span, at + 14)
  if (is8023) {
    d.info = 'IEEE 802.3 Ethernet '
    const lengthField = d.add(node, ETH.len, at + 12, 2, typeOrLength)
    decode8023(d, node, span, payload, typeOrLength, lengthField)
    return
  }
  d.add(node, ETH.type, at + 12, 2, typeOrLength)
  decodeEtherType(d, typeOrLength, payload, { node, span, trailer: ETH_TRAILER.trailer, fcsLength: -1 }, parent)
}

function addAddress(d: Dissection, span: Span, node: Field, at: number, text: string, isDst: boolean): void {
  const field = d.add(node, isDst ? ETH.dst : ETH.src, at, 6, text)
  d.add(field, ETH.addr, at, 6, text)
  const firstBytes = d.u24(span, at)
  d.bitField(field, isDst ? ETH.dstLg : ETH.srcLg, at, 3, firstBytes)
  d.bitField(field, isDst ? ETH.dstIg : ETH.srcIg, at, 3, firstBytes)
  d.bitField(field, ETH.lg, at, 3, firstBytes).hidden = true
  d.bitField(field, ETH.ig, at, 3, firstBytes).hidden = true
}

/**
 * An 802.3 frame: the length field says how much LLC data follows. TCP Lens shows the LLC
 * part as data; bytes past the length are padding or trailer.
 */
export function decode8023(d: Dissection, owner: Field, ownerSpan: Span, payload: Span, length: number, lengthField: Field, trailer: FieldDef = ETH_TRAILER.trailer): void {
  if (payload.start + length > payload.reported) {
    d.note('error', 'malformed', 'Length field value goes past the end of the payload', lengthField)
  } else {
    d.setLength(payload, length)
  }
  decodeData(d, payload, null)
  if (payload.reported < ownerSpan.reported && payload.reported < ownerSpan.end) {
    // Same rules as after an ethertype payload; the trailer belongs to the owner.
    addTrailer(d, { node: owner, span: ownerSpan, trailer, fcsLength: trailer === ETH_TRAILER.trailer ? -1 : 0 }, payload.reported)
  }
}

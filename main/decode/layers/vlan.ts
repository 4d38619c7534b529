// 802.1Q VLAN tags (ethertype 0x8100, and 0x9100 for Q-in-Q) and 802.1ad service tags (0x88a8),
// stacked to any depth: each tag hands its payload back to the ethertype dispatch.
import type { Dissection, Span } from '../dissection'
import { defineFields, type Field } from '../field'
import { ETHERTYPES } from '../names'
import { decode8023 } from './ethernet'
import { decodeEtherType } from './ethertype'

const PRIORITIES: Record<number, string> = {
  0: 'Best Effort (default)',
  1: 'Background',
  2: 'Excellent Effort',
  3: 'Critical Applications',
  4: 'Video, < 100ms latency and jitter',
  5: 'Voice, < 10ms latency and jitter',
  6: 'Internetwork Control',
  7: 'Network Control',
}

export const VLAN = defineFields({
  vlan: { name: 'vlan', title: '802.1Q Virtual LAN', type: 'protocol', short: 'VLAN' },
  priority: { name: 'vlan.priority', title: 'Priority', type: 'uint16', base: 'dec', bitmask: 0xe000, values: PRIORITIES },
  dei: { name: 'vlan.dei', title: 'DEI', type: 'bool', bitmask: 0x1000, tfs: ['Eligible', 'Ineligible'] },
  id: { name: 'vlan.id', title: 'ID', type: 'uint16', base: 'dec', bitmask: 0x0fff },
  etype: { name: 'vlan.etype', title: 'Type', type: 'uint16', base: 'hex', values: ETHERTYPES },
  len: { name: 'vlan.len', title: 'Length', type: 'uint16', base: 'dec' },
  trailer: { name: 'vlan.trailer', title: 'Trailer', type: 'bytes' },
})

export const IEEE8021AD = defineFields({
  ad: { name: 'ieee8021ad', title: 'IEEE 802.1ad', type: 'protocol', short: 'IEEE 802.1ad' },
  priority: { name: 'ieee8021ad.priority', title: 'Priority', type: 'uint16', base: 'dec', bitmask: 0xe000 },
  dei: { name: 'ieee8021ad.dei', title: 'DEI', type: 'uint16', base: 'dec', bitmask: 0x1000 },
  id: { name: 'ieee8021ad.id', title: 'ID', type: 'uint16', base: 'dec', bitmask: 0x0fff },
  etype: { name: 'ieee8021ad.etype', title: 'Type', type: 'uint16', base: 'hex', values: ETHERTYPES },
  trailer: { name: 'ieee8021ad.trailer', title: 'Trailer', type: 'bytes' },
})

/** An 802.1Q tag: priority, DEI, VLAN ID, then the inner ethertype (or an 802.3 length). */
export function decodeVlan(d: Dissection, span: Span, parent: Field | null): void {
  const at = span.start
  const tci = d.u16(span, at)
  const pri = tci >> 13
  const dei = (tci >> 12) & 1
  const id = tci & 0xfff
  const node = d.protocol(parent, VLAN.vlan, at, 4, `802.1Q Virtual LAN, PRI: ${pri}, DEI: ${dei}, ID: ${id}`)
  d.protocolColumn = 'VLAN'
  d.info = `PRI: ${pri}  DEI: ${dei}  ID: ${id}`
  d.bitField(node, VLAN.priority, at, 2, tci)
  d.bitField(node, VLAN.dei, at, 2, tci)
  d.bitField(node, VLAN.id, at, 2, tci)
  const type = d.u16(span, at + 2)
  const payload = d.sub(span, at + 4)
  if (type <= 1500) {
    const lengthField = d.add(node, VLAN.len, at + 2, 2, type)
    decode8023(d, node, span, payload, type, lengthField, VLAN.trailer)
    return
  }
  d.add(node, VLAN.etype, at + 2, 2, type)
  decodeEtherType(d, type, payload, { node, span, trailer: VLAN.trailer, fcsLength: 0 }, parent)
}

/** An 802.1ad service tag (the outer tag of Q-in-Q). */
export function decodeIeee8021ad(d: Dissection, span: Span, parent: Field | null): void {
  const at = span.start
  const tci = d.u16(span, at)
  const id = tci & 0xfff
  const node = d.protocol(parent, IEEE8021AD.ad, at, 4, `IEEE 802.1ad, ID: ${id}`)
  d.protocolColumn = '802.1ad'
  d.bitField(node, IEEE8021AD.priority, at, 2, tci)
  d.bitField(node, IEEE8021AD.dei, at, 2, tci)
  d.bitField(node, IEEE8021AD.id, at, 2, tci)
  const type = d.u16(span, at + 2)
  d.add(node, IEEE8021AD.etype, at + 2, 2, type)
  decodeEtherType(d, type, d.sub(span, at + 4), { node, span, trailer: IEEE8021AD.trailer, fcsLength: 0 }, parent)
}

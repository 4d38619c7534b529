// ARP (and RARP, Inverse ARP) as tshark 4.0.17 shows it (`tshark -n -T fields`, one pass).
// Every expected value below was checked against tshark on the same bytes.
import { describe, expect, it } from 'vitest'
import { fieldLabel } from '../../../../main/decode/format'
import { cell, decodeFrames as decode, find } from './decode-helpers'
import { ETHERTYPE, LINKTYPE, arp, concat, ethernet, parseIpv4, parseMac, sll, u16, type VlanTag } from '../../../fixtures/packets'

const MAC_A = '00:11:22:33:44:55'
const MAC_B = '66:77:88:99:aa:bb'
const BROADCAST = 'ff:ff:ff:ff:ff:ff'

function overEthernet(packet: Uint8Array, o: { dst?: string; src?: string; pad?: boolean; tags?: VlanTag[] } = {}): Uint8Array {
  return ethernet({ dst: o.dst ?? BROADCAST, src: o.src ?? MAC_A, etherType: ETHERTYPE.ARP, payload: packet, pad: o.pad, tags: o.tags })
}

const whoHas = overEthernet(arp({ op: 1, senderMac: MAC_A, senderIp: '10.0.0.1', targetIp: '10.0.0.2' }))
const isAt = overEthernet(arp({ op: 2, senderMac: MAC_B, senderIp: '10.0.0.2', targetMac: MAC_A, targetIp: '10.0.0.1' }), { dst: MAC_A, src: MAC_B, pad: false })

describe('decode/arp', () => {
  it('should decode a request: every field, the Info text and the link-layer columns', () => {
    const [f] = decode([whoHas])
    // tshark: 1 0x0800 6 4 1 00:11:22:33:44:55 10.0.0.1 00:00:00:00:00:00 10.0.0.2
    const names = ['arp.hw.type', 'arp.proto.type', 'arp.hw.size', 'arp.proto.size', 'arp.opcode', 'arp.src.hw_mac', 'arp.src.proto_ipv4', 'arp.dst.hw_mac', 'arp.dst.proto_ipv4']
    expect(names.map((n) => cell(f, n))).toEqual(['1', '0x0800', '6', '4', '1', MAC_A, '10.0.0.1', '00:00:00:00:00:00', '10.0.0.2'])
    // The Source and Destination columns come from the link layer.
    expect(f.columns).toEqual({ source: MAC_A, destination: BROADCAST, protocol: 'ARP', info: 'Who has 10.0.0.2? Tell 10.0.0.1' })
    expect(f.protocols.join(':')).toBe('eth:ethertype:arp')
  })

  it('should end the packet at its 28 bytes, so that the Ethernet padding after it shows', () => {
    const [f] = decode([whoHas])
    // tshark: eth.padding 000000000000000000000000000000000000 (60 − 14 − 28 = 18 bytes)
    expect(cell(f, 'eth.padding')).toBe('00'.repeat(18))
    expect(find(f, 'arp')[0].length).toBe(28)
  })

  it('should show a trailer after a short frame, and padding plus an FCS after a long one', () => {
    const [trailer] = decode([concat(isAt, Uint8Array.of(0xc0, 0xa8, 0x00, 0x72))])
    // A 46-byte frame (cs_arp_resolution.pcapng frame 2): tshark eth.trailer c0a80072
    expect(cell(trailer, 'eth.trailer')).toBe('c0a80072')
    expect(trailer.columns.info).toBe('10.0.0.2 is at 66:77:88:99:aa:bb')
    const extra = Uint8Array.from({ length: 34 }, (_, i) => i + 1)
    const [long] = decode([concat(isAt, extra)])
    // tshark: eth.trailer 0102…1e, eth.fcs 0x1f202122
    expect(cell(long, 'eth.trailer')).toBe('0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e')
    expect(cell(long, 'eth.fcs')).toBe('0x1f202122')
  })

  it('should label the tree as Wireshark does', () => {
    const [f] = decode([isAt])
    const node = find(f, 'arp')[0]
    expect(fieldLabel(node)).toBe('Address Resolution Protocol (reply)')
    expect(node.children!.map(fieldLabel)).toEqual([
      'Hardware type: Ethernet (1)',
      'Protocol type: IPv4 (0x0800)',
      'Hardware size: 6',
      'Protocol size: 4',
      'Opcode: reply (2)',
      'Sender MAC address: 66:77:88:99:aa:bb',
      'Sender IP address: 10.0.0.2',
      'Target MAC address: 00:11:22:33:44:55',
      'Target IP address: 10.0.0.1',
    ])
  })

  it('should tell gratuitous ARPs, announcements and probes apart (RFC 5227)', () => {
    const frames = decode([
      overEthernet(arp({ op: 1, senderMac: MAC_A, senderIp: '10.0.0.1', targetIp: '10.0.0.1' })),
      overEthernet(arp({ op: 2, senderMac: MAC_A, senderIp: '10.0.0.1', targetMac: BROADCAST, targetIp: '10.0.0.1' })),
      overEthernet(arp({ op: 1, senderMac: MAC_A, senderIp: '0.0.0.0', targetIp: '10.0.0.7' })),
      overEthernet(arp({ op: 1, senderMac: MAC_A, senderIp: '10.0.0.3', targetMac: MAC_B, targetIp: '10.0.0.3' })),
    ])
    expect(frames.map((f) => f.columns.info)).toEqual([
      'ARP Announcement for 10.0.0.1',
      'Gratuitous ARP for 10.0.0.1 (Reply)',
      'Who has 10.0.0.7? (ARP Probe)',
      'Gratuitous ARP for 10.0.0.3 (Request)',
    ])
    // tshark prints these flags only when they are true.
    expect(frames.map((f) => [cell(f, 'arp.isgratuitous'), cell(f, 'arp.isannouncement'), cell(f, 'arp.isprobe')])).toEqual([
      ['1', '1', ''],
      ['1', '', ''],
      ['', '', '1'],
      ['1', '', ''],
    ])
    expect(frames.map((f) => fieldLabel(find(f, 'arp')[0]))).toEqual([
      'Address Resolution Protocol (ARP Announcement)',
      'Address Resolution Protocol (reply/gratuitous ARP)',
      'Address Resolution Protocol (ARP Probe)',
      'Address Resolution Protocol (request/gratuitous ARP)',
    ])
  })

  it('should report an IPv4 address seen at a second MAC address', () => {
    const frames = decode([
      whoHas,
      overEthernet(arp({ op: 2, senderMac: MAC_A, senderIp: '10.0.0.1', targetMac: BROADCAST, targetIp: '10.0.0.1' })),
      overEthernet(arp({ op: 2, senderMac: MAC_B, senderIp: '10.0.0.1', targetMac: MAC_A, targetIp: '10.0.0.1' }), { src: MAC_B }),
    ])
    // tshark frame 3: "Gratuitous ARP for 10.0.0.1 (Reply) (duplicate use of 10.0.0.1 detected!)",
    // arp.duplicate-address-frame 2, arp.seconds-since-duplicate-address-frame 1
    const f = frames[2]
    expect(f.columns.info).toBe('Gratuitous ARP for 10.0.0.1 (Reply) (duplicate use of 10.0.0.1 detected!)')
    expect([cell(f, 'arp.duplicate-address-frame'), cell(f, 'arp.seconds-since-duplicate-address-frame')]).toEqual(['2', '1'])
    expect(f.tree.map(fieldLabel)).toContain('[Duplicate IP address detected for 10.0.0.1 (66:77:88:99:aa:bb) - also in use by 00:11:22:33:44:55 (frame 2)]')
    expect(f.expert).toContainEqual(expect.objectContaining({ severity: 'warn', group: 'sequence', message: 'Duplicate IP address configured (10.0.0.1)' }))
    expect(frames[1].columns.info).toBe('Gratuitous ARP for 10.0.0.1 (Reply)')
  })

  it('should name RARP and Inverse ARP in the Protocol column', () => {
    const frames = decode([
      overEthernet(arp({ op: 3, senderMac: MAC_A, senderIp: '0.0.0.0', targetMac: MAC_A, targetIp: '0.0.0.0' })),
      overEthernet(arp({ op: 4, senderMac: MAC_B, senderIp: '10.0.0.2', targetMac: MAC_A, targetIp: '10.0.0.9' })),
      overEthernet(arp({ op: 8, senderMac: MAC_A, senderIp: '10.0.0.1', targetMac: MAC_B, targetIp: '0.0.0.0' })),
      overEthernet(arp({ op: 9, senderMac: MAC_B, senderIp: '10.0.0.2', targetMac: MAC_A, targetIp: '10.0.0.1' })),
      overEthernet(arp({ op: 99, senderMac: MAC_A, senderIp: '10.0.0.1', targetIp: '10.0.0.2' })),
    ])
    expect(frames.map((f) => [f.columns.protocol, f.columns.info])).toEqual([
      ['RARP', 'Who is 00:11:22:33:44:55? Tell 00:11:22:33:44:55'],
      ['RARP', '00:11:22:33:44:55 is at 10.0.0.9'],
      ['Inverse ARP', 'Who is 66:77:88:99:aa:bb? Tell 00:11:22:33:44:55'],
      ['Inverse ARP', '66:77:88:99:aa:bb is at 10.0.0.2'],
      ['ARP', 'Unknown ARP opcode 0x0063'],
    ])
    expect(fieldLabel(find(frames[4], 'arp.opcode')[0])).toBe('Opcode: Unknown (99)')
    expect(fieldLabel(find(frames[4], 'arp')[0])).toBe('Address Resolution Protocol (opcode 0x0063)')
  })

  it('should show protocol addresses other than IPv4 as bytes', () => {
    const packet = concat(u16(1), u16(0x86dd), [6, 16], u16(1), parseMac(MAC_A), new Uint8Array(16), parseMac(MAC_B), new Uint8Array(16))
    const [f] = decode([overEthernet(packet)])
    // tshark: arp.src.proto 00…00, "Gratuitous ARP for 00000000000000000000000000000000 (Request)"
    expect(cell(f, 'arp.src.proto')).toBe('00'.repeat(16))
    expect(cell(f, 'arp.src.proto_ipv4')).toBe('')
    expect(f.columns.info).toBe(`Gratuitous ARP for ${'00'.repeat(16)} (Request)`)
  })

  it('should come through VLAN tags and Linux cooked captures', () => {
    const [tagged] = decode([overEthernet(arp({ op: 1, senderMac: MAC_A, senderIp: '10.0.0.1', targetIp: '10.0.0.2' }), { tags: [{ vid: 5 }] })])
    // tshark: frame.protocols eth:ethertype:vlan:ethertype:arp, eth.padding of 14 zero bytes
    expect(tagged.protocols.join(':')).toBe('eth:ethertype:vlan:ethertype:arp')
    expect(cell(tagged, 'eth.padding')).toBe('00'.repeat(14))
    const cooked = sll({ packetType: 4, address: MAC_A, protocol: ETHERTYPE.ARP, payload: arp({ op: 1, senderMac: MAC_A, senderIp: '10.0.0.1', targetIp: '10.0.0.2' }) })
    const [f] = decode([cooked], LINKTYPE.LINUX_SLL)
    // tshark: sll:ethertype:arp, Source 00:11:22:33:44:55, no Destination
    expect(f.protocols.join(':')).toBe('sll:ethertype:arp')
    expect(f.columns).toEqual({ source: MAC_A, destination: '', protocol: 'ARP', info: 'Who has 10.0.0.2? Tell 10.0.0.1' })
  })

  it('should mark a packet shorter than its sizes as malformed, and one cut by the capture as short', () => {
    const short = concat(u16(1), u16(0x0800), [6, 4], u16(1), parseMac(MAC_A), parseIpv4('10.0.0.1'))
    const [malformed, cut] = decode([overEthernet(short, { pad: false }), { bytes: whoHas.subarray(0, 30), origLen: 60 }])
    // tshark: _ws.malformed "[Malformed Packet: ARP/RARP]|_ws.malformed", Info "[Malformed Packet]", opcode 1
    expect(cell(malformed, 'arp.opcode')).toBe('1')
    expect(malformed.stopped).toEqual({ kind: 'malformed', layer: 'ARP/RARP' })
    expect(malformed.columns.info).toBe('[Malformed Packet]')
    expect(malformed.columns.protocol).toBe('ARP')
    // tshark: "[Packet size limited during capture]", the header fields up to the opcode
    expect(cut.stopped).toEqual({ kind: 'short', layer: 'ARP/RARP' })
    expect(cut.columns.info).toBe('[Packet size limited during capture]')
    expect(cell(cut, 'arp.opcode')).toBe('1')
    expect(fieldLabel(find(cut, 'arp')[0])).toBe('Address Resolution Protocol')
  })
})

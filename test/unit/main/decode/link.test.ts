// Link layers as tshark 4.0 decodes them: which layers, which fields, padding, trailers, FCS.
import { describe, expect, it } from 'vitest'
import { AF, ETHERTYPE, IPPROTO, bsdLoop, bsdNull, concat, ethernet, ipv4, ipv6, sll, sll2, tcp } from '../../../fixtures/packets'
import { frameOf, HOST } from '../../../fixtures/scenarios'
import { cell, decodeOne } from './decode-helpers'

const SRC = HOST.client.mac
const DST = HOST.server.mac
const syn = (ip: { src: string; dst: string }) => tcp({ srcPort: 40000, dstPort: 80, seq: 1, flags: ['SYN'], window: 64240, ip })
const up4 = { src: HOST.client.ipv4, dst: HOST.server.ipv4 }
const up6 = { src: HOST.client.ipv6, dst: HOST.server.ipv6 }
const v4 = ipv4({ ...up4, protocol: IPPROTO.TCP, payload: syn(up4) })
const v6 = ipv6({ ...up6, nextHeader: IPPROTO.TCP, payload: syn(up6) })

describe('decode/link: Ethernet', () => {
  it('should decode an Ethernet II frame into eth, ethertype, ip, tcp', () => {
    const frame = decodeOne(frameOf(v4))
    expect(cell(frame, 'frame.protocols')).toBe('eth:ethertype:ip:tcp')
    expect(cell(frame, 'eth.src')).toBe(SRC)
    expect(cell(frame, 'eth.addr')).toBe(`${DST}|${SRC}`)
    expect(cell(frame, 'eth.type')).toBe('0x0800')
    expect(cell(frame, 'eth.dst.lg')).toBe('1')
    expect(cell(frame, 'eth.dst.ig')).toBe('0')
  })

  it('should call zero bytes up to 60 padding, and anything else a trailer', () => {
    const padded = decodeOne(ethernet({ src: SRC, dst: DST, etherType: ETHERTYPE.IPV4, payload: v4, pad: true }))
    expect(cell(padded, 'eth.padding')).toBe('000000000000')
    expect(cell(padded, 'eth.trailer')).toBe('')
    const noisy = decodeOne(concat(ethernet({ src: SRC, dst: DST, etherType: ETHERTYPE.IPV4, payload: v4, pad: false }), Uint8Array.of(1, 2, 3, 4, 5, 6)))
    expect(cell(noisy, 'eth.padding')).toBe('')
    expect(cell(noisy, 'eth.trailer')).toBe('010203040506')
  })

  it('should take the last 4 bytes of a 64-byte frame with room to spare for an (unverified) FCS', () => {
    const frame = decodeOne(concat(ethernet({ src: SRC, dst: DST, etherType: ETHERTYPE.IPV4, payload: v4, pad: true }), Uint8Array.of(0xde, 0xad, 0xbe, 0xef)))
    expect(cell(frame, 'eth.padding')).toBe('000000000000')
    expect(cell(frame, 'eth.fcs')).toBe('0xdeadbeef')
    expect(cell(frame, 'eth.fcs.status')).toBe('2')
  })

  it('should decode stacked 802.1ad and 802.1Q tags, each handing on its ethertype', () => {
    const frame = decodeOne(ethernet({ src: SRC, dst: DST, etherType: ETHERTYPE.IPV4, payload: v4, tags: [{ tpid: 0x88a8, vid: 200 }, { vid: 10, pcp: 5 }, { vid: 20 }] }))
    expect(cell(frame, 'frame.protocols')).toBe('eth:ethertype:ieee8021ad:ethertype:vlan:ethertype:vlan:ethertype:ip:tcp')
    expect(cell(frame, 'ieee8021ad.id')).toBe('200')
    expect(cell(frame, 'vlan.id')).toBe('10|20')
    expect(cell(frame, 'vlan.priority')).toBe('5|0')
    expect(cell(frame, 'vlan.etype')).toBe('0x8100|0x0800')
  })

  it('should show an unknown ethertype as data, with the type in the Protocol column', () => {
    const frame = decodeOne(ethernet({ src: SRC, dst: DST, etherType: 0x8864, payload: Uint8Array.of(0x11, 0, 0, 1, 0, 2, 0xc0, 0x21) }))
    expect(cell(frame, 'frame.protocols')).toBe('eth:ethertype:data')
    expect(frame.columns.protocol).toBe('0x8864')
    expect(frame.columns.info).toBe('PPPoE Session')
  })
})

describe('decode/link: Linux cooked, loopback, raw IP', () => {
  it('should decode SLL (113) and SLL2 (276) with their address and protocol fields', () => {
    const v1 = decodeOne(sll({ packetType: 4, address: SRC, protocol: ETHERTYPE.IPV4, payload: v4 }), 113)
    expect(cell(v1, 'frame.protocols')).toBe('sll:ethertype:ip:tcp')
    expect(cell(v1, 'sll.pkttype')).toBe('4')
    expect(cell(v1, 'sll.src.eth')).toBe(SRC)
    expect(cell(v1, 'sll.unused')).toBe('0000')
    expect(cell(v1, 'sll.etype')).toBe('0x0800')
    const v2 = decodeOne(sll2({ packetType: 0, interfaceIndex: 3, address: SRC, protocol: ETHERTYPE.IPV6, payload: v6 }), 276)
    expect(cell(v2, 'frame.protocols')).toBe('sll:ethertype:ipv6:tcp')
    expect(cell(v2, 'sll.ifindex')).toBe('3')
  })

  it('should read the BSD loopback family in either byte order, and LOOP in network order', () => {
    for (const order of ['little', 'big'] as const) {
      const frame = decodeOne(bsdNull(AF.INET, v4, order), 0)
      expect(cell(frame, 'null.family')).toBe('2')
      expect(cell(frame, 'frame.protocols')).toBe('null:ip:tcp')
    }
    for (const family of [AF.INET6_BSD, AF.INET6_FREEBSD, AF.INET6_DARWIN]) {
      expect(cell(decodeOne(bsdNull(family, v6, 'big'), 0), 'frame.protocols')).toBe('null:ipv6:tcp')
    }
    expect(cell(decodeOne(bsdLoop(AF.INET6_BSD, v6), 108), 'frame.protocols')).toBe('null:ipv6:tcp')
  })

  it('should also decode IPv6 under the Linux (10) and Windows (23) families, where tshark shows data', () => {
    for (const family of [AF.INET6_LINUX, AF.INET6_WINDOWS]) {
      const frame = decodeOne(bsdNull(family, v6, 'little'), 0)
      expect(cell(frame, 'frame.protocols')).toBe('null:ipv6:tcp')
      expect(cell(frame, 'ipv6.src')).toBe('2001:db8::10')
    }
    // Family 23 is IPX on BSD: a packet that is not IPv6 stays data.
    const ipx = decodeOne(bsdNull(AF.INET6_WINDOWS, Uint8Array.of(0xff, 0xff, 0, 30), 'little'), 0)
    expect(cell(ipx, 'frame.protocols')).toBe('null:data')
  })

  it('should tell IPv4 from IPv6 by the version nibble on raw IP, and take 228/229 as they say', () => {
    expect(cell(decodeOne(v4, 101), 'frame.protocols')).toBe('raw:ip:tcp')
    expect(cell(decodeOne(v6, 12), 'frame.protocols')).toBe('raw:ipv6:tcp')
    expect(cell(decodeOne(v4, 228), 'frame.protocols')).toBe('ip:tcp')
    expect(cell(decodeOne(v6, 229), 'frame.protocols')).toBe('ipv6:tcp')
  })

  it('should show the bytes of a link type it does not decode as data, and say so', () => {
    const frame = decodeOne(Uint8Array.of(1, 2, 3), 147)
    expect(cell(frame, 'data.len')).toBe('3')
    expect(frame.columns.info).toMatch(/not supported/)
  })
})

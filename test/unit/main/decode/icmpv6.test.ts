// ICMPv6, Neighbor Discovery and MLD as tshark 4.0.17 shows them (`tshark -n -T fields`, one
// pass). Every expected value below was checked against tshark on the same bytes.
import { describe, expect, it } from 'vitest'
import { fieldLabel } from '../../../../main/decode/format'
import { cell, decodeFrames as decode, find } from './decode-helpers'
import {
  ETHERTYPE,
  IPPROTO,
  concat,
  ethernet,
  icmpv6,
  icmpv6DestinationUnreachable,
  icmpv6Echo,
  ipv6,
  ndOption,
  neighborAdvertisement,
  neighborSolicitation,
  parseIpv6,
  routerAdvertisement,
  text,
  u16,
  u32,
  udp,
} from '../../../fixtures/packets'

const A = 'fe80::1'
const B = 'fe80::2'
const G = '2001:db8::1'
const MAC_A = '00:11:22:33:44:55'
const MAC_B = '66:77:88:99:aa:bb'

function overIpv6(message: Uint8Array, o: { src?: string; dst?: string; hopLimit?: number } = {}): Uint8Array {
  return ethernet({
    dst: MAC_B,
    src: MAC_A,
    etherType: ETHERTYPE.IPV6,
    payload: ipv6({ src: o.src ?? A, dst: o.dst ?? B, nextHeader: IPPROTO.ICMPV6, payload: message, hopLimit: o.hopLimit ?? 64 }),
  })
}

/** A message of any type, its checksum right for the addresses it travels between. */
function message(type: number, code: number, body: Uint8Array, o: { src?: string; dst?: string; hopLimit?: number } = {}): Uint8Array {
  return overIpv6(icmpv6({ type, code, body, ip: { src: o.src ?? A, dst: o.dst ?? B } }), o)
}

describe('decode/icmpv6', () => {
  const echoData = text('0123456789abcdef')
  const request = overIpv6(icmpv6Echo({ id: 0x1234, seq: 1, ip: { src: A, dst: B }, data: echoData }))
  const reply = overIpv6(icmpv6Echo({ reply: true, id: 0x1234, seq: 1, ip: { src: B, dst: A }, data: echoData }), { src: B, dst: A })

  it('should decode an echo request and match its reply', () => {
    const [req, rep] = decode([request, reply])
    // tshark: 128 0 0x413c 1 0x1234 1, data.len 16; the reply "(request in 1)"
    expect(['icmpv6.type', 'icmpv6.code', 'icmpv6.checksum', 'icmpv6.checksum.status', 'icmpv6.echo.identifier', 'icmpv6.echo.sequence_number', 'data.len'].map((n) => cell(req, n))).toEqual([
      '128',
      '0',
      '0x413c',
      '1',
      '0x1234',
      '1',
      '16',
    ])
    expect(req.columns).toEqual({ source: A, destination: B, protocol: 'ICMPv6', info: 'Echo (ping) request id=0x1234, seq=1, hop limit=64' })
    expect(rep.columns.info).toBe('Echo (ping) reply id=0x1234, seq=1, hop limit=64 (request in 1)')
    expect(cell(rep, 'icmpv6.resp_to')).toBe('1')
    const lines = find(rep, 'icmpv6')[0].children!.filter((c) => !c.hidden).map(fieldLabel)
    expect(lines).toEqual([
      'Type: Echo (ping) reply (129)',
      'Code: 0',
      'Checksum: 0x403c [correct]',
      '[Checksum Status: Good]',
      'Identifier: 0x1234',
      'Sequence: 1',
      '[Response To: 1]',
      '[Response Time: 1000.000 ms]',
      'Data (16 bytes)',
    ])
  })

  it('should verify the checksum over the IPv6 pseudo-header', () => {
    const [f] = decode([overIpv6(icmpv6({ type: 128, code: 0, body: concat(u16(1), u16(2)), ip: { src: A, dst: B }, checksum: 0x1111 }))])
    // tshark: icmpv6.checksum.status 0, expert "Bad checksum [should be 0x82b5]"
    expect(cell(f, 'icmpv6.checksum.status')).toBe('0')
    expect(f.expert.map((e) => e.message)).toContain('Bad checksum [should be 0x82b5]')
  })

  it('should put a solicitation target and the source link-layer address in the Info column', () => {
    const [f] = decode([overIpv6(neighborSolicitation({ target: B, sourceLinkAddress: MAC_A, ip: { src: A, dst: 'ff02::1:ff00:2' } }), { dst: 'ff02::1:ff00:2', hopLimit: 255 })])
    // tshark: icmpv6.nd.ns.target_address fe80::2, icmpv6.opt.type 1, icmpv6.opt.length 1
    expect([cell(f, 'icmpv6.nd.ns.target_address'), cell(f, 'icmpv6.opt.type'), cell(f, 'icmpv6.opt.length'), cell(f, 'icmpv6.opt.linkaddr')]).toEqual([B, '1', '1', MAC_A])
    expect(f.columns.info).toBe('Neighbor Solicitation for fe80::2 from 00:11:22:33:44:55')
    const option = find(f, 'icmpv6.opt')[0]
    expect(fieldLabel(option)).toBe('ICMPv6 Option (Source link-layer address : 00:11:22:33:44:55)')
    expect(option.children!.filter((c) => !c.hidden).map(fieldLabel)).toEqual([
      'Type: Source link-layer address (1)',
      'Length: 1 (8 bytes)',
      'Link-layer address: 00:11:22:33:44:55',
    ])
    // A duplicate address probe (from ::) carries no option.
    const [dad] = decode([overIpv6(neighborSolicitation({ target: B, ip: { src: '::', dst: 'ff02::1:ff00:2' } }), { src: '::', dst: 'ff02::1:ff00:2', hopLimit: 255 })])
    expect(dad.columns.info).toBe('Neighbor Solicitation for fe80::2')
  })

  it('should show an advertisement with its flags and where the target is', () => {
    const [f] = decode([
      overIpv6(neighborAdvertisement({ target: B, solicited: true, override: true, targetLinkAddress: MAC_B, ip: { src: B, dst: A } }), { src: B, dst: A, hopLimit: 255 }),
      message(136, 0, concat(u32(0x80000000), parseIpv6(B))),
    ])
    expect(f.columns.info).toBe('Neighbor Advertisement fe80::2 (sol, ovr) is at 66:77:88:99:aa:bb')
    expect(cell(f, 'icmpv6.nd.na.target_address')).toBe(B)
    const flags = find(f, 'icmpv6.nd.na.flag')[0]
    expect(fieldLabel(flags)).toBe('Flags: 0x60000000, Solicited, Override')
    expect(flags.children!.map(fieldLabel)).toEqual([
      '0... .... .... .... .... .... .... .... = Router: Not set',
      '.1.. .... .... .... .... .... .... .... = Solicited: Set',
      '..1. .... .... .... .... .... .... .... = Override: Set',
      '...0 0000 0000 0000 0000 0000 0000 0000 = Reserved: 0',
    ])
    const [, router] = decode([f.raw.bytes, message(136, 0, concat(u32(0x80000000), parseIpv6(B)))])
    expect(router.columns.info).toBe('Neighbor Advertisement fe80::2 (rtr)')
  })

  it('should decode a router advertisement and its options', () => {
    const ra = routerAdvertisement({
      managed: true,
      other: true,
      routerLifetime: 1800,
      reachableTime: 30000,
      retransTimer: 1000,
      options: [
        ndOption.sourceLinkAddress(MAC_B),
        ndOption.mtu(1500),
        ndOption.prefixInformation({ prefix: '2001:db8:1::', length: 64 }),
        concat([24, 2, 48, 0x08], u32(600), parseIpv6('2001:db8:2::').slice(0, 8)),
      ],
      ip: { src: B, dst: 'ff02::1' },
    })
    const [f] = decode([overIpv6(ra, { src: B, dst: 'ff02::1', hopLimit: 255 })])
    // tshark: icmpv6.opt.type 1|5|3|24, icmpv6.opt.length 1|1|4|2
    expect([cell(f, 'icmpv6.opt.type'), cell(f, 'icmpv6.opt.length'), cell(f, 'icmpv6.opt.mtu'), cell(f, 'icmpv6.opt.prefix')]).toEqual([
      '1|5|3|24',
      '1|1|4|2',
      '1500',
      '2001:db8:1::|2001:db8:2::',
    ])
    expect(f.columns.info).toBe('Router Advertisement from 66:77:88:99:aa:bb')
    expect(fieldLabel(find(f, 'icmpv6.nd.ra.flag')[0])).toBe('Flags: 0xc0, Managed address configuration, Other configuration, Prf (Default Router Preference): Medium')
    expect(find(f, 'icmpv6.opt').map(fieldLabel)).toEqual([
      'ICMPv6 Option (Source link-layer address : 66:77:88:99:aa:bb)',
      'ICMPv6 Option (MTU : 1500)',
      'ICMPv6 Option (Prefix information : 2001:db8:1::/64)',
      'ICMPv6 Option (Route Information : High 2001:db8:2::/48)',
    ])
    expect(fieldLabel(find(f, 'icmpv6.opt.prefix.flag')[0])).toBe('Flag: 0xc0, On-link flag(L), Autonomous address-configuration flag(A)')
  })

  it('should decode the RA options of tcpdump_icmpv6.pcap: RDNSS, DNSSL, advertisement interval, home agent', () => {
    const options = [
      concat([25, 5, 0, 0], u32(5), parseIpv6('abcd::efef'), parseIpv6('1234:5678::1')),
      concat([31, 7, 0, 0], u32(5), [7], text('example'), [3], text('com'), [0], [7], text('example'), [3], text('org'), [0], [4], text('dom1'), [4], text('dom2'), [3], text('tld'), [0], new Uint8Array(7)),
      concat([7, 1, 0, 0], u32(5000)),
      concat([8, 1, 0, 0], u16(50001), u16(15)),
    ]
    const [f] = decode([overIpv6(routerAdvertisement({ flags: 0x20, routerLifetime: 15, options, ip: { src: B, dst: 'ff02::1' } }), { src: B, dst: 'ff02::1', hopLimit: 255 })])
    expect(find(f, 'icmpv6.opt').map(fieldLabel)).toEqual([
      'ICMPv6 Option (Recursive DNS Server abcd::efef 1234:5678::1)',
      'ICMPv6 Option (DNS Search List Option example.com example.org dom1.dom2.tld)',
      'ICMPv6 Option (Advertisement Interval : 5000)',
      'ICMPv6 Option (Home Agent Information)',
    ])
    expect(cell(f, 'icmpv6.opt.dnssl')).toBe('example.com|example.org|dom1.dom2.tld')
    expect(fieldLabel(find(f, 'icmpv6.nd.ra.flag')[0])).toBe('Flags: 0x20, Home Agent, Prf (Default Router Preference): Medium')
  })

  it('should show MLD queries and reports by type, with their records', () => {
    const frames = decode([
      message(130, 0, concat(u16(1000), u16(0), parseIpv6('::')), { dst: 'ff02::1', hopLimit: 1 }),
      message(130, 0, concat(u16(0x8123), u16(0), parseIpv6('ff05::1'), [0x0a, 200], u16(1), parseIpv6('2001:db8::9')), { dst: 'ff05::1', hopLimit: 1 }),
      message(143, 0, concat(u16(0), u16(2), [1, 0], u16(2), parseIpv6('ff05::2'), parseIpv6('2001:db8::a'), parseIpv6('2001:db8::b'), [6, 1], u16(0), parseIpv6('ff05::3'), u32(0xdeadbeef)), {
        dst: 'ff02::16',
        hopLimit: 1,
      }),
      message(131, 0, concat(u16(0), u16(0), parseIpv6('ff02::fb')), { dst: 'ff02::fb', hopLimit: 1 }),
    ])
    expect(frames.map((f) => f.columns.info)).toEqual(['Multicast Listener Query', 'Multicast Listener Query', 'Multicast Listener Report Message v2', 'Multicast Listener Report'])
    // MLDv1 (24 bytes) has a delay, MLDv2 a response code that may be floating point.
    expect(fieldLabel(find(frames[0], 'icmpv6.mld.maximum_response_delay')[0])).toBe('Maximum Response Delay [ms]: 1000')
    expect(fieldLabel(find(frames[1], 'icmpv6.mld.maximum_response_code')[0])).toBe('Maximum Response Code: 35096')
    expect(fieldLabel(find(frames[1], 'icmpv6.mld.qqi')[0])).toBe("QQIC (Querier's Query Interval Code): 3072")
    expect(fieldLabel(find(frames[1], 'icmpv6.mld.flag')[0])).toBe('Flags: 0x0a, Suppress Router-Side Processing')
    expect(find(frames[2], 'icmpv6.mldr.mar').map(fieldLabel)).toEqual(['Multicast Address Record Include: ff05::2', 'Multicast Address Record Block old sources: ff05::3'])
    expect(cell(frames[2], 'icmpv6.mldr.mar.source_address')).toBe('2001:db8::a|2001:db8::b')
    expect(cell(frames[2], 'icmpv6.mldr.mar.auxiliary_data')).toBe('deadbeef')
  })

  it('should decode the IPv6 packet an error quotes under the ICMPv6 node', () => {
    const original = ipv6({ src: B, dst: G, nextHeader: IPPROTO.UDP, payload: udp({ srcPort: 5000, dstPort: 53, payload: text('query'), ip: { src: B, dst: G } }) })
    const [f] = decode([overIpv6(icmpv6DestinationUnreachable({ code: 4, original, ip: { src: G, dst: B } }), { src: G, dst: B })])
    // tshark: frame.protocols eth:ethertype:ipv6:icmpv6:ipv6:udp:data, ipv6.src 2001:db8::1|fe80::2, udp.stream 0
    expect(f.protocols.join(':')).toBe('eth:ethertype:ipv6:icmpv6:ipv6:udp:data')
    expect(cell(f, 'ipv6.src')).toBe('2001:db8::1|fe80::2')
    expect([cell(f, 'udp.srcport'), cell(f, 'udp.stream'), cell(f, 'data.len')]).toEqual(['5000', '0', '5'])
    expect(f.columns).toEqual({ source: G, destination: B, protocol: 'ICMPv6', info: 'Destination Unreachable (Port unreachable)' })
    const inner = ipv6({ src: B, dst: G, nextHeader: IPPROTO.ICMPV6, payload: icmpv6Echo({ id: 9, seq: 3, ip: { src: B, dst: G }, data: text('abcd') }) })
    const [exceeded] = decode([message(3, 0, concat(u32(0), inner), { src: G, dst: B })])
    // tshark: icmpv6.type 3|128, icmpv6.checksum.status 1|2, Info "Time Exceeded (hop limit exceeded in transit)"
    expect([cell(exceeded, 'icmpv6.type'), cell(exceeded, 'icmpv6.checksum.status')]).toEqual(['3|128', '1|2'])
    expect(exceeded.columns.info).toBe('Time Exceeded (hop limit exceeded in transit)')
  })

  it('should stop the options at a zero length, as malformed', () => {
    const [f] = decode([message(135, 0, concat(u32(0), parseIpv6(B), [1, 0, 1, 2, 3, 4, 5, 6]))])
    // tshark: icmpv6.opt.length 0, _ws.malformed "_ws.malformed", Info "Neighbor Solicitation for fe80::2"
    expect([cell(f, 'icmpv6.opt.length'), cell(f, '_ws.malformed')]).toEqual(['0', '_ws.malformed'])
    expect(f.expert).toContainEqual(expect.objectContaining({ severity: 'error', group: 'malformed', message: 'Invalid option length (Zero)' }))
    expect(f.columns.info).toBe('Neighbor Solicitation for fe80::2')
  })

  it('should name types it has no decoder for and show their body as data', () => {
    const [f] = decode([message(200, 0, text('private'))])
    // tshark: Info "Private experimentation", icmpv6.data 70726976617465, an undecoded note
    expect(f.columns.info).toBe('Private experimentation')
    expect(cell(f, 'icmpv6.data')).toBe('70726976617465')
    expect(f.expert.map((e) => e.group)).toContain('undecoded')
  })
})

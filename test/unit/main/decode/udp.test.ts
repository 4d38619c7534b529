// UDP as tshark 4.0.17 shows it (`tshark -n -T fields`, protocols above UDP switched off, as
// test/fixtures/tshark/decode-reference.sh runs it). Every expected value below was checked
// against tshark on the same bytes.
import { describe, expect, it } from 'vitest'
import { fieldLabel } from '../../../../main/decode/format'
import { cell, decodeFrames as decode, find } from './decode-helpers'
import { ETHERTYPE, IPPROTO, ethernet, fromHex, icmp, ipv4, ipv6, text, udp } from '../../../fixtures/packets'

const A = '10.0.0.1'
const B = '10.0.0.2'
const MAC_A = '00:11:22:33:44:55'
const MAC_B = '66:77:88:99:aa:bb'
const pay = text('hello world!')

function overIpv4(datagram: Uint8Array, o: { totalLength?: number; moreFragments?: boolean; src?: string; dst?: string } = {}): Uint8Array {
  return ethernet({ dst: MAC_B, src: MAC_A, etherType: ETHERTYPE.IPV4, payload: ipv4({ src: o.src ?? A, dst: o.dst ?? B, protocol: IPPROTO.UDP, payload: datagram, ...o }) })
}

function overIpv6(datagram: Uint8Array): Uint8Array {
  return ethernet({ dst: MAC_B, src: MAC_A, etherType: ETHERTYPE.IPV6, payload: ipv6({ src: 'fe80::1', dst: 'fe80::2', nextHeader: IPPROTO.UDP, payload: datagram }) })
}

describe('decode/udp', () => {
  // The first frame of cs_dns_query_response.pcapng, rebuilt:
  //   0x0000:  0005 5d21 994c 0016 ce6e 8b24 0800 4500  ..]!.L...n.$..E.
  //   0x0010:  003b 0e1f 0000 8011 78c9 c0a8 0072 cd98  .;......x....r..
  //   0x0020:  2517 0424 0035 0027 036d 180f 0100 0001  %..$.5.'.m......
  //   0x0030:  0000 0000 0000 0977 6972 6573 6861 726b  .......wireshark
  //   0x0040:  036f 7267 0000 0100 01                   .org.....
  const dnsQuery = ethernet({
    dst: '00:05:5d:21:99:4c',
    src: '00:16:ce:6e:8b:24',
    etherType: ETHERTYPE.IPV4,
    payload: ipv4({
      src: '192.168.0.114',
      dst: '205.152.37.23',
      protocol: IPPROTO.UDP,
      id: 0x0e1f,
      ttl: 128,
      payload: udp({ srcPort: 1060, dstPort: 53, payload: fromHex('180f010000010000000000000977697265736861726b036f72670000010001'), ip: { src: '192.168.0.114', dst: '205.152.37.23' } }),
    }),
  })

  it('should decode every header field as tshark prints it', () => {
    const [f] = decode([dnsQuery])
    // tshark: 1060 53 1060|53 39 0x036d 2 0 180f…0001 31
    expect(cell(f, 'udp.srcport')).toBe('1060')
    expect(cell(f, 'udp.dstport')).toBe('53')
    expect(cell(f, 'udp.port')).toBe('1060|53')
    expect(cell(f, 'udp.length')).toBe('39')
    expect(cell(f, 'udp.checksum')).toBe('0x036d')
    expect(cell(f, 'udp.checksum.status')).toBe('2')
    expect(cell(f, 'udp.stream')).toBe('0')
    expect(cell(f, 'udp.payload')).toBe('180f010000010000000000000977697265736861726b036f72670000010001')
    expect(cell(f, 'data.len')).toBe('31')
    expect(f.protocols.join(':')).toBe('eth:ethertype:ip:udp:data')
  })

  it('should name itself in the Protocol and Info columns, with the arrow', () => {
    const [f] = decode([dnsQuery])
    expect(f.columns).toEqual({ source: '192.168.0.114', destination: '205.152.37.23', protocol: 'UDP', info: '1060 \u2192 53 Len=31' })
  })

  it('should label the tree as Wireshark does', () => {
    const [f] = decode([dnsQuery])
    const udpNode = find(f, 'udp')[0]
    expect(fieldLabel(udpNode)).toBe('User Datagram Protocol, Src Port: 1060, Dst Port: 53')
    const lines = udpNode.children!.filter((c) => !c.hidden).map(fieldLabel)
    // tshark -V, with udp.calculate_timestamps on (the default):
    expect(lines).toEqual([
      'Source Port: 1060',
      'Destination Port: 53',
      'Length: 39',
      'Checksum: 0x036d [unverified]',
      '[Checksum Status: Unverified]',
      '[Stream index: 0]',
      '[Timestamps]',
      'UDP payload (31 bytes)',
    ])
    const times = udpNode.children!.find((c) => c.text === '[Timestamps]')!.children!.map(fieldLabel)
    expect(times).toEqual(['[Time since first frame: 0.000000000 seconds]', '[Time since previous frame: 0.000000000 seconds]'])
  })

  it('should give both directions of a conversation the same udp.stream, and a new pair the next one', () => {
    const frames = decode([
      overIpv4(udp({ srcPort: 1000, dstPort: 53, payload: pay })),
      overIpv4(udp({ srcPort: 2000, dstPort: 2001, payload: pay })),
      overIpv4(udp({ srcPort: 53, dstPort: 1000, payload: pay }), { src: B, dst: A }),
      overIpv4(udp({ srcPort: 53, dstPort: 1000, payload: pay })), // A:53 → B:1000 is another pair
    ])
    expect(frames.map((f) => cell(f, 'udp.stream'))).toEqual(['0', '1', '0', '2'])
    // Times are per stream: frame 3 is 2 s after frame 1, its stream's previous frame.
    expect(cell(frames[2], 'udp.time_relative')).toBe('2.000000000')
    expect(cell(frames[2], 'udp.time_delta')).toBe('2.000000000')
  })

  it('should call a zero checksum "not present" over IPv4 and "illegal" over IPv6', () => {
    const [v4, v6] = decode([overIpv4(udp({ srcPort: 1000, dstPort: 53, payload: pay })), overIpv6(udp({ srcPort: 546, dstPort: 547, payload: pay }))])
    // tshark: 0x0000 3 "1000 → 53 Len=12" / 0x0000 4 "546 → 547 Len=12 [ILLEGAL CHECKSUM (0)]"
    expect([cell(v4, 'udp.checksum'), cell(v4, 'udp.checksum.status'), v4.columns.info]).toEqual(['0x0000', '3', '1000 \u2192 53 Len=12'])
    expect(fieldLabel(find(v4, 'udp.checksum')[0])).toBe('Checksum: 0x0000 [zero-value ignored]')
    expect([cell(v6, 'udp.checksum.status'), v6.columns.info]).toEqual(['4', '546 \u2192 547 Len=12 [ILLEGAL CHECKSUM (0)]'])
    expect(fieldLabel(find(v6, 'udp.checksum')[0])).toBe('Checksum: 0x0000 [zero-value illegal]')
    expect(v6.expert.map((e) => e.message)).toContain('Illegal checksum value (0)')
  })

  it('should end the payload where the UDP length says when that is before the IP payload ends', () => {
    // tshark: udp.length 10, Len=2, udp.payload all 12 bytes after the header (its label says
    // 2 bytes), data.len 2, eth.padding from the IP length (6 zero bytes).
    const [f] = decode([overIpv4(udp({ srcPort: 1000, dstPort: 53, payload: pay, length: 10 }))])
    expect(f.columns.info).toBe('1000 \u2192 53 Len=2')
    expect(cell(f, 'udp.payload')).toBe('68656c6c6f20776f726c6421')
    expect(fieldLabel(find(f, 'udp.payload')[0])).toBe('UDP payload (2 bytes)')
    expect([cell(f, 'data.data'), cell(f, 'data.len')]).toEqual(['6865', '2'])
    expect(cell(f, 'eth.padding')).toBe('000000000000')
  })

  it('should flag a length beyond the IP payload as malformed and go on', () => {
    // tshark: _ws.malformed "_ws.malformed", "1000 → 53 [BAD UDP LENGTH 40 > IP PAYLOAD LENGTH] Len=32", data.len 12
    const [f] = decode([overIpv4(udp({ srcPort: 1000, dstPort: 53, payload: pay, length: 40 }))])
    expect(f.columns.info).toBe('1000 \u2192 53 [BAD UDP LENGTH 40 > IP PAYLOAD LENGTH] Len=32')
    expect(fieldLabel(find(f, 'udp.length')[0])).toBe('Length: 40 (bogus, payload length 20)')
    expect(cell(f, '_ws.malformed')).toBe('_ws.malformed')
    expect(f.expert).toContainEqual(expect.objectContaining({ severity: 'error', group: 'malformed', message: 'Bad length value 40 > IP payload length' }))
    expect(cell(f, 'data.len')).toBe('12')
    expect(f.stopped).toBeUndefined()
  })

  it('should stop after a length below 8, without a checksum or a stream', () => {
    // tshark: frame.protocols eth:ethertype:ip:udp, "1000 → 53 [BAD UDP LENGTH 4 < 8]"
    const [f] = decode([overIpv4(udp({ srcPort: 1000, dstPort: 53, payload: pay, length: 4 }))])
    expect(f.protocols.join(':')).toBe('eth:ethertype:ip:udp')
    expect(f.columns.info).toBe('1000 \u2192 53 [BAD UDP LENGTH 4 < 8]')
    expect(fieldLabel(find(f, 'udp.length')[0])).toBe('Length: 4 (bogus, must be >= 8)')
    expect([cell(f, 'udp.checksum'), cell(f, 'udp.stream'), cell(f, '_ws.malformed')]).toEqual(['', '', '_ws.malformed'])
  })

  it('should not judge the length of a fragment, whose datagram goes on in later fragments (IP reassembly off)', () => {
    // tshark -o ip.defragment:FALSE: "1000 → 53 Len=32", no expert
    const [f] = decode([overIpv4(udp({ srcPort: 1000, dstPort: 53, payload: pay, length: 40 }), { moreFragments: true })], 1, { reassembleIp: false })
    expect(f.columns.info).toBe('1000 \u2192 53 Len=32')
    expect(cell(f, '_ws.malformed')).toBe('')
  })

  it('should show as data only what the capture kept of the payload', () => {
    // Cut by the snapshot length 3 bytes into the payload. tshark: udp.payload 68656c,
    // data.len 3, Info "1000 → 53 Len=12", nothing marked short.
    const full = overIpv4(udp({ srcPort: 1000, dstPort: 53, payload: pay }))
    const [f] = decode([{ bytes: full.subarray(0, 45), origLen: 60 }])
    expect([cell(f, 'udp.payload'), cell(f, 'data.len'), f.columns.info]).toEqual(['68656c', '3', '1000 \u2192 53 Len=12'])
    expect(f.stopped).toBeUndefined()
  })

  it('should mark a header cut by the snapshot length as short, not malformed', () => {
    // tshark: udp.srcport 1000, "1000 → 53[Packet size limited during capture]"
    const full = overIpv4(udp({ srcPort: 1000, dstPort: 53, payload: pay }))
    const [f] = decode([{ bytes: full.subarray(0, 38), origLen: 60 }])
    expect(cell(f, 'udp.srcport')).toBe('1000')
    expect(cell(f, 'udp.length')).toBe('')
    expect(f.stopped).toEqual({ kind: 'short', layer: 'UDP' })
    expect(f.columns.info.startsWith('1000 \u2192 53')).toBe(true)
    expect(f.columns.info.endsWith('[Packet size limited during capture]')).toBe(true)
  })

  it('should note a traceroute probe port', () => {
    // tshark expert: "Possible traceroute: hop #2, attempt #3" (port 33440)
    const [f] = decode([overIpv4(udp({ srcPort: 33440, dstPort: 53, payload: pay }))])
    expect(f.expert).toContainEqual(expect.objectContaining({ severity: 'chat', group: 'sequence', message: 'Possible traceroute: hop #2, attempt #3' }))
  })

  it('should decode a UDP header quoted by an ICMP error without taking over the columns', () => {
    // tshark: frame.protocols eth:ethertype:ip:icmp:ip:udp, udp.length 300 without complaint,
    // udp.stream 0, Info "Destination unreachable (Port unreachable)".
    const quoted = ipv4({ src: B, dst: A, protocol: IPPROTO.UDP, payload: udp({ srcPort: 7, dstPort: 9, payload: pay, length: 300 }) })
    const frame = ethernet({ dst: MAC_B, src: MAC_A, etherType: ETHERTYPE.IPV4, payload: ipv4({ src: A, dst: B, protocol: IPPROTO.ICMP, payload: icmp({ type: 3, code: 3, payload: quoted }) }) })
    const [f] = decode([frame])
    expect(f.protocols.join(':')).toBe('eth:ethertype:ip:icmp:ip:udp:data')
    expect([cell(f, 'udp.length'), cell(f, 'udp.stream'), cell(f, '_ws.malformed')]).toEqual(['300', '0', ''])
    expect(f.columns).toEqual({ source: A, destination: B, protocol: 'ICMP', info: 'Destination unreachable (Port unreachable)' })
    // No conversation times inside an error packet.
    expect(cell(f, 'udp.time_relative')).toBe('')
  })
})

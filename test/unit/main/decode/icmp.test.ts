// ICMP as tshark 4.0.17 shows it (`tshark -n -T fields`, one pass, protocols above the ones
// TCP Lens decodes switched off). Every expected value below was checked against tshark on
// the same bytes.
import { describe, expect, it } from 'vitest'
import { fieldLabel } from '../../../../main/decode/format'
import { cell, decodeFrames as decode, find } from './decode-helpers'
import {
  ETHERTYPE,
  IPPROTO,
  concat,
  ethernet,
  icmp,
  icmpDestinationUnreachable,
  icmpEcho,
  icmpTimeExceeded,
  ipv4,
  parseIpv4,
  tcp,
  text,
  u16,
  u32,
  u32le,
  udp,
} from '../../../fixtures/packets'

const A = '10.0.0.1'
const B = '10.0.0.2'
const ROUTER = '10.0.0.254'
const data = text('abcdefghijklmnopqrstuvwabcdefghi')

function overIpv4(message: Uint8Array, o: { src?: string; dst?: string; moreFragments?: boolean } = {}): Uint8Array {
  return ethernet({ dst: '66:77:88:99:aa:bb', src: '00:11:22:33:44:55', etherType: ETHERTYPE.IPV4, payload: ipv4({ src: A, dst: B, protocol: IPPROTO.ICMP, payload: message, ...o }) })
}

const request = overIpv4(icmpEcho({ id: 0x0500, seq: 0x3400, data }))
const reply = overIpv4(icmpEcho({ reply: true, id: 0x0500, seq: 0x3400, data }), { src: B, dst: A })

describe('decode/icmp', () => {
  it('should decode an echo request with both byte orders of its identifier and sequence number', () => {
    const [f] = decode([request])
    // tshark: 8 0 0x145c 1 1280 5 13312 52, data.len 32
    expect(['icmp.type', 'icmp.code', 'icmp.checksum', 'icmp.checksum.status', 'icmp.ident', 'icmp.ident_le', 'icmp.seq', 'icmp.seq_le', 'data.len'].map((n) => cell(f, n))).toEqual([
      '8',
      '0',
      '0x145c',
      '1',
      '1280',
      '5',
      '13312',
      '52',
      '32',
    ])
    expect(f.protocols.join(':')).toBe('eth:ethertype:ip:icmp:data')
    // The type name is padded to 20 characters, as Wireshark's "%-20s".
    expect(f.columns).toEqual({ source: A, destination: B, protocol: 'ICMP', info: 'Echo (ping) request  id=0x0500, seq=13312/52, ttl=64' })
  })

  it('should label the tree as Wireshark does', () => {
    const [, f] = decode([request, reply])
    const lines = find(f, 'icmp')[0].children!.filter((c) => !c.hidden).map(fieldLabel)
    expect(lines).toEqual([
      'Type: 0 (Echo (ping) reply)',
      'Code: 0',
      'Checksum: 0x1c5c [correct]',
      '[Checksum Status: Good]',
      'Identifier (BE): 1280 (0x0500)',
      'Identifier (LE): 5 (0x0005)',
      'Sequence Number (BE): 13312 (0x3400)',
      'Sequence Number (LE): 52 (0x0034)',
      '[Request frame: 1]',
      '[Response time: 1000.000 ms]',
      'Data (32 bytes)',
    ])
  })

  it('should match a reply with its request, in one pass (a request never learns of its reply)', () => {
    const [req, rep] = decode([request, reply])
    expect(req.columns.info).toBe('Echo (ping) request  id=0x0500, seq=13312/52, ttl=64')
    expect(rep.columns.info).toBe('Echo (ping) reply    id=0x0500, seq=13312/52, ttl=64 (request in 1)')
    expect(cell(rep, 'icmp.resp_to')).toBe('1')
  })

  it('should match the latest request and only the first reply to it', () => {
    // tshark: frame 3 (a second reply) matches nothing; frame 6 answers frame 5, not 4.
    const frames = decode([request, reply, reply, request, request, reply])
    expect(frames.map((f) => cell(f, 'icmp.resp_to'))).toEqual(['', '1', '', '', '', '5'])
  })

  it('should verify the checksum and say what it should have been', () => {
    const [f] = decode([overIpv4(icmpEcho({ id: 3, seq: 3, data, checksum: 0x1234 }))])
    // tshark: icmp.checksum.status 0, "Checksum: 0x1234 incorrect, should be 0x4d56"
    expect(cell(f, 'icmp.checksum.status')).toBe('0')
    expect(fieldLabel(find(f, 'icmp.checksum')[0])).toBe('Checksum: 0x1234 incorrect, should be 0x4d56')
    expect(f.expert).toContainEqual(expect.objectContaining({ severity: 'warn', group: 'checksum', message: 'Bad checksum [should be 0x4d56]' }))
  })

  it('should leave the checksum of a fragment unverified (IP reassembly off)', () => {
    // tshark -o ip.defragment:FALSE: icmp.checksum.status 2, "Checksum: 0x6663 [unverified] [fragmented datagram]"
    const [f] = decode([overIpv4(icmpEcho({ id: 1, seq: 6, data: text('abcdefgh') }), { moreFragments: true })], 1, { reassembleIp: false })
    expect(cell(f, 'icmp.checksum.status')).toBe('2')
    expect(fieldLabel(find(f, 'icmp.checksum')[0])).toBe('Checksum: 0x6663 [unverified] [fragmented datagram]')
  })

  it('should read a sender clock at the start of the echo data, in either byte order', () => {
    // A Linux-style struct timeval (little endian), 0.5 s before the frame's time.
    // tshark: icmp.data_time "Nov 14, 2023 22:13:19.500000000 UTC", relative 0.500000000, data.len 16
    const [f] = decode([overIpv4(icmpEcho({ id: 1, seq: 1, data: concat(u32le(1_699_999_999), u32le(500_000), text('0123456789abcdef')) }))])
    expect(cell(f, 'icmp.data_time')).toBe('Nov 14, 2023 22:13:19.500000000 UTC')
    expect(cell(f, 'icmp.data_time_relative')).toBe('0.500000000')
    expect(cell(f, 'data.len')).toBe('16')
  })

  it('should decode the quoted IPv4 and UDP headers of a port unreachable under the ICMP node', () => {
    const original = ipv4({ src: B, dst: A, protocol: IPPROTO.UDP, ttl: 1, payload: udp({ srcPort: 33435, dstPort: 53, payload: text('query data here'), ip: { src: B, dst: A } }) })
    const [f] = decode([overIpv4(icmpDestinationUnreachable({ code: 3, original }))])
    // tshark: frame.protocols eth:ethertype:ip:icmp:ip:udp, ip.src 10.0.0.1|10.0.0.2,
    // udp.stream 0, Source/Destination from the outer header, Info the ICMP text.
    expect(f.protocols.join(':')).toBe('eth:ethertype:ip:icmp:ip:udp')
    expect(cell(f, 'ip.src')).toBe('10.0.0.1|10.0.0.2')
    expect([cell(f, 'udp.srcport'), cell(f, 'udp.stream'), cell(f, 'udp.checksum.status')]).toEqual(['33435', '0', '2'])
    expect(f.columns).toEqual({ source: A, destination: B, protocol: 'ICMP', info: 'Destination unreachable (Port unreachable)' })
    const icmpNode = find(f, 'icmp')[0]
    expect(icmpNode.children!.map((c) => c.name)).toContain('ip')
    expect(icmpNode.children!.map((c) => c.name)).toContain('udp')
    expect(fieldLabel(find(f, 'icmp.unused')[0])).toBe('Unused: 00000000')
    // The frame is still the ICMP message: its network header is the outer one.
    expect(f.network?.src).toBe(A)
  })

  it('should give fragmentation needed its MTU, and show the 8 quoted TCP bytes as ports and sequence number', () => {
    const original = ipv4({ src: B, dst: A, protocol: IPPROTO.TCP, payload: tcp({ srcPort: 40000, dstPort: 80, seq: 1000, flags: 0x18, payload: text('GET / HTTP/1.1') }) })
    const [f] = decode([overIpv4(icmpDestinationUnreachable({ code: 4, original, nextHopMtu: 1400 }))])
    // tshark: icmp.mtu 1400, tcp.srcport 40000, tcp.seq 1000 (raw), no tcp.seq_raw, nothing malformed
    expect([cell(f, 'icmp.mtu'), cell(f, 'tcp.srcport'), cell(f, 'tcp.dstport'), cell(f, 'tcp.seq')]).toEqual(['1400', '40000', '80', '1000'])
    expect(f.columns.info).toBe('Destination unreachable (Fragmentation needed)')
    expect(f.columns.protocol).toBe('ICMP')
    expect(f.stopped).toBeUndefined()
    // A quoted TCP header is not a TCP segment of this frame.
    expect(f.tcp).toBeUndefined()
  })

  it('should decode a time exceeded that quotes an echo request, whose checksum it cannot check', () => {
    const original = ipv4({ src: B, dst: '8.8.8.8', protocol: IPPROTO.ICMP, ttl: 1, payload: icmpEcho({ id: 7, seq: 9, data }) })
    const [f] = decode([overIpv4(icmpTimeExceeded({ code: 0, original }), { src: ROUTER, dst: B })])
    // tshark: icmp.type 11|8, icmp.checksum.status 1|2, icmp.ident 7, Source 10.0.0.254
    expect([cell(f, 'icmp.type'), cell(f, 'icmp.checksum.status'), cell(f, 'icmp.ident')]).toEqual(['11|8', '1|2', '7'])
    expect(f.columns.info).toBe('Time-to-live exceeded (Time to live exceeded in transit)')
    expect(f.columns.source).toBe(ROUTER)
    expect(fieldLabel(find(f, 'icmp.checksum')[1])).toBe('Checksum: 0x4d4c [unverified] [in ICMP error packet]')
  })

  it('should write the other messages as Wireshark does in the Info column', () => {
    const quote = ipv4({ src: B, dst: A, protocol: IPPROTO.UDP, payload: udp({ srcPort: 5000, dstPort: 6000, payload: text('query data here') }) }).slice(0, 28)
    const frames = decode([
      overIpv4(icmp({ type: 5, code: 1, rest: parseIpv4('10.0.0.99'), payload: quote })),
      overIpv4(icmp({ type: 13, code: 0, rest: concat(u16(9), u16(1)), payload: new Uint8Array(12) })),
      overIpv4(icmp({ type: 10, code: 0 })),
      overIpv4(icmp({ type: 9, code: 0, rest: Uint8Array.of(1, 2, 0x0e, 0x10), payload: concat(u32(0x0a0000fe), u32(0xffffffff)) })),
      overIpv4(icmp({ type: 3, code: 99, payload: quote })),
      overIpv4(icmp({ type: 99, code: 5, payload: text('abc') })),
      overIpv4(icmp({ type: 12, code: 0, rest: Uint8Array.of(20, 7, 0, 0), payload: quote })),
    ])
    expect(frames.map((f) => f.columns.info)).toEqual([
      'Redirect             (Redirect for host)',
      'Timestamp request    id=0x0009, seq=1/256, ttl=64',
      'Router solicitation ',
      'Mobile IP Advertisement (Normal router advertisement)',
      'Destination unreachable (Unknown code: 99)',
      'Unknown ICMP (obsolete or malformed?)',
      'Parameter problem    (Pointer indicates the error)',
    ])
    expect(cell(frames[0], 'icmp.redir_gw')).toBe('10.0.0.99')
    expect(fieldLabel(find(frames[3], 'icmp.lifetime')[0])).toBe('Lifetime: 3600 (1 hour)')
    expect(cell(frames[3], 'icmp.pref_level')).toBe('-1')
    expect(fieldLabel(find(frames[6], 'icmp.length.original_datagram')[0])).toBe('[Length of original datagram: 28]')
  })

  it('should show the time of day of timestamp messages', () => {
    const [f] = decode([overIpv4(icmp({ type: 14, code: 0, rest: concat(u16(1), u16(2)), payload: concat(u32(3_723_004), u32(86_399_999), u32(0x80000005)) }))])
    expect(find(f, 'icmp.originate_timestamp').map(fieldLabel)).toEqual(['Originate Timestamp: 3723004 (1 hour, 2 minutes, 3.004 seconds after midnight UTC)'])
    expect(find(f, 'icmp.transmit_timestamp').map(fieldLabel)).toEqual(['Transmit Timestamp: 2147483653 (23 hours, 18 minutes, 6.208 seconds after midnight UTC)'])
  })

  it('should decode RFC 4884/4950 extensions after a long quote', () => {
    const original = ipv4({ src: B, dst: A, protocol: IPPROTO.UDP, payload: udp({ srcPort: 5000, dstPort: 6000, payload: text('query data here') }) }).slice(0, 28)
    const extension = Uint8Array.of(0x20, 0, 0, 0, 0, 8, 1, 1, 0, 1, 0x41, 0xff)
    const [f] = decode([overIpv4(icmp({ type: 11, code: 0, payload: concat(original, new Uint8Array(100), extension) }))])
    // tshark: "ICMP Multi-Part Extensions" with version 2, an MPLS Stack Entry "Label: 20, Exp: 0, S: 1, TTL: 255"
    expect(cell(f, 'icmp.ext.version')).toBe('2')
    expect(cell(f, 'icmp.mpls.label')).toBe('20')
    expect(cell(f, 'icmp.mpls.ttl')).toBe('255')
    const labels = find(f, 'icmp.mpls.label').map(fieldLabel)
    expect(labels).toEqual(['0000 0000 0000 0001 0100 .... = Label: 20'])
  })

  it('should name ICMP in frame.protocols but add no tree node when even the header is cut short', () => {
    const [f] = decode([{ bytes: request.subarray(0, 36), origLen: 74 }])
    // tshark: frame.protocols eth:ethertype:ip:icmp, no icmp.type, Info "[Packet size limited during capture]"
    expect(f.protocols.join(':')).toBe('eth:ethertype:ip:icmp')
    expect(cell(f, 'icmp.type')).toBe('')
    expect(f.columns.info).toBe('[Packet size limited during capture]')
    expect(f.stopped).toEqual({ kind: 'short', layer: 'ICMP' })
  })

  it('should leave the checksum of a cut-short message unverified and stop where the bytes stop', () => {
    const [f] = decode([{ bytes: request.subarray(0, 40), origLen: 74 }])
    // tshark: icmp.checksum.status 2, icmp.ident 1280, no icmp.seq
    expect([cell(f, 'icmp.checksum.status'), cell(f, 'icmp.ident'), cell(f, 'icmp.seq')]).toEqual(['2', '1280', ''])
    expect(f.columns.info.startsWith('Echo (ping) request ')).toBe(true)
    expect(f.columns.info.endsWith('[Packet size limited during capture]')).toBe(true)
  })
})

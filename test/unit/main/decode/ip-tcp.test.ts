// IPv4, IPv6 and TCP headers as tshark 4.0 shows them, including the broken ones.
import { describe, expect, it } from 'vitest'
import { IPPROTO, ipv4, ipv4Option, ipv6, tcp, tcpOption } from '../../../fixtures/packets'
import { frameOf, HOST } from '../../../fixtures/scenarios'
import { cell, decodeOne, find } from './decode-helpers'

const A = HOST.client.ipv4
const B = HOST.server.ipv4
const segment = (o: Partial<Parameters<typeof tcp>[0]> = {}) => tcp({ srcPort: 40000, dstPort: 80, seq: 1000, ack: 0, flags: ['SYN'], window: 64240, ip: { src: A, dst: B }, ...o })
const v4 = (payload: Uint8Array, o: Partial<Parameters<typeof ipv4>[0]> = {}) => frameOf(ipv4({ src: A, dst: B, protocol: IPPROTO.TCP, payload, id: 0x317f, ...o }))

describe('decode/ipv4', () => {
  it('should decode every header field with tshark\'s values', () => {
    const frame = decodeOne(v4(segment(), { dscp: 46, ttl: 63, dontFragment: true }))
    expect(cell(frame, 'ip.version')).toBe('4')
    expect(cell(frame, 'ip.hdr_len')).toBe('20')
    expect(cell(frame, 'ip.dsfield')).toBe('0xb8')
    expect(cell(frame, 'ip.dsfield.dscp')).toBe('46')
    expect(cell(frame, 'ip.id')).toBe('0x317f')
    expect(cell(frame, 'ip.flags')).toBe('0x02')
    expect(cell(frame, 'ip.flags.df')).toBe('1')
    expect(cell(frame, 'ip.ttl')).toBe('63')
    expect(cell(frame, 'ip.proto')).toBe('6')
    expect(cell(frame, 'ip.checksum.status')).toBe('2')
    expect(cell(frame, 'ip.addr')).toBe(`${A}|${B}`)
    expect(find(frame, 'ip.flags')[0].text).toBe("010. .... = Flags: 0x2, Don't fragment")
  })

  it('should decode options, and show one it does not know as text', () => {
    const frame = decodeOne(v4(segment(), { options: [ipv4Option.routerAlert(0), ipv4Option.nop(), ipv4Option.eol()] }))
    expect(cell(frame, 'ip.hdr_len')).toBe('28')
    expect(cell(frame, 'ip.opt.type')).toBe('148|1|0')
    expect(cell(frame, 'ip.opt.ra')).toBe('0')
  })

  it('should count the fragment offset in 8-byte units, and not decode a later fragment\'s bytes as a header', () => {
    const frame = decodeOne(v4(segment(), { fragmentOffset: 1480, moreFragments: true }))
    expect(cell(frame, 'ip.frag_offset')).toBe('185')
    expect(cell(frame, 'frame.protocols')).toBe('eth:ethertype:ip:data')
    expect(frame.columns.info).toBe('Fragmented IP protocol (proto=TCP 6, off=1480, ID=317f)')
  })

  it('should stop at a header length below 20 or a total length below the header, with tshark\'s words', () => {
    const badIhl = decodeOne(v4(segment(), { ihl: 4 }))
    expect(badIhl.columns.info).toBe('Bogus IP header length (16, must be at least 20)')
    expect(cell(badIhl, 'frame.protocols')).toBe('eth:ethertype:ip')
    expect(badIhl.expert.map((e) => e.severity)).toContain('error')
    const short = decodeOne(v4(segment(), { totalLength: 16 }))
    expect(short.columns.info).toBe('Bogus IP length (16, less than header length 20)')
  })
})

describe('decode/ipv6', () => {
  it('should decode the fixed header and walk the extension headers to TCP', () => {
    const ip = ipv6({
      src: HOST.client.ipv6,
      dst: HOST.server.ipv6,
      nextHeader: IPPROTO.TCP,
      trafficClass: 0x20,
      flowLabel: 0xe7947,
      payload: tcp({ srcPort: 40000, dstPort: 80, flags: ['SYN'], ip: { src: HOST.client.ipv6, dst: HOST.server.ipv6 } }),
      extensions: [{ kind: 'hop-by-hop' }, { kind: 'destination' }],
    })
    const frame = decodeOne(frameOf(ip))
    expect(cell(frame, 'frame.protocols')).toBe('eth:ethertype:ipv6:ipv6.hopopts:ipv6.dstopts:tcp')
    expect(cell(frame, 'ipv6.tclass')).toBe('0x00000020')
    expect(cell(frame, 'ipv6.flow')).toBe('0x0e7947')
    expect(cell(frame, 'ip.version')).toBe('6')
    expect(cell(frame, 'ipv6.hopopts.len_oct')).toBe('8')
  })

  it('should name every DSCP codepoint the way IPv4 does (tshark: AF12, VOICE-ADMIT…)', () => {
    for (const [dscp, name] of [[12, 'AF12'], [44, 'VOICE-ADMIT'], [20, 'AF22']] as const) {
      const frame = decodeOne(frameOf(ipv6({ src: '2001:db8::1', dst: '2001:db8::2', nextHeader: 59, trafficClass: dscp << 2, payload: new Uint8Array(4) })))
      const tclass = find(frame, 'ipv6.tclass')[0]!
      expect(tclass.text).toBe(`.... ${(dscp << 2).toString(2).padStart(8, '0').slice(0, 4)} ${(dscp << 2).toString(2).padStart(8, '0').slice(4)} .... .... .... .... .... = Traffic Class: 0x${(dscp << 2).toString(16).padStart(2, '0')} (DSCP: ${name}, ECN: Not-ECT)`)
    }
  })
})

describe('decode/tcp', () => {
  it('should decode every header field, the 12 flag bits and the option values', () => {
    const options = [tcpOption.mss(1460), tcpOption.sackPermitted(), tcpOption.timestamps(1000, 0), tcpOption.nop(), tcpOption.windowScale(7)]
    const frame = decodeOne(v4(segment({ options })))
    expect(cell(frame, 'tcp.srcport')).toBe('40000')
    expect(cell(frame, 'tcp.port')).toBe('40000|80')
    expect(cell(frame, 'tcp.seq_raw')).toBe('1000')
    expect(cell(frame, 'tcp.hdr_len')).toBe('40')
    expect(cell(frame, 'tcp.flags')).toBe('0x0002')
    expect(cell(frame, 'tcp.len')).toBe('0')
    expect(cell(frame, 'tcp.option_kind')).toBe('2|4|8|1|3')
    expect(cell(frame, 'tcp.options.mss_val')).toBe('1460')
    expect(cell(frame, 'tcp.options.wscale.multiplier')).toBe('128')
    expect(cell(frame, 'tcp.options.timestamp.tsval')).toBe('1000')
    expect(frame.columns.info).toBe('40000 → 80 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 SACK_PERM TSval=1000 TSecr=0 WS=128')
  })

  it('should spell all nine flags and the reserved bits in tcp.flags.str', () => {
    const frame = decodeOne(v4(segment({ flags: ['FIN', 'SYN', 'RST', 'PSH', 'ACK', 'URG', 'ECE', 'CWR', 'AE'], reserved: 7 })))
    expect(cell(frame, 'tcp.flags')).toBe('0x0fff')
    expect(cell(frame, 'tcp.flags.str')).toBe('RRRACEUAPRSF')
    expect(cell(frame, 'tcp.flags.res')).toBe('1')
    expect(cell(frame, 'tcp.flags.ae')).toBe('1')
  })

  it('should take the segment length from the IP length when the capture cut the frame', () => {
    const whole = v4(segment({ flags: ['PSH', 'ACK'], payload: new Uint8Array(1000) }))
    const frame = decodeOne({ bytes: whole.subarray(0, 100), origLen: whole.length })
    expect(cell(frame, 'tcp.len')).toBe('1000')
    expect(cell(frame, 'data.len')).toBe(String(100 - 54))
    expect(frame.stopped).toBeUndefined()
  })

  it('should stop at a data offset below 5, as tshark: "bogus TCP header length"', () => {
    const frame = decodeOne(v4(segment({ dataOffset: 4 })))
    expect(frame.columns.info).toBe('40000 → 80 [SYN] Seq=0 Win=64240, bogus TCP header length (16, must be at least 20)')
    expect(cell(frame, 'tcp.flags')).toBe('')
  })

  it('should mark the frame malformed at TCP when the IP length cuts the TCP header', () => {
    const frame = decodeOne(v4(segment(), { totalLength: 28 }))
    expect(frame.stopped).toEqual({ kind: 'malformed', layer: 'TCP' })
    expect(cell(frame, '_ws.malformed')).toBe('[Malformed Packet: TCP]|_ws.malformed')
    expect(frame.columns.info).toBe('40000 → 80[Malformed Packet]')
  })

  it('should say the capture was cut short, not malformed, when the snapshot length cut the header', () => {
    const whole = v4(segment())
    const frame = decodeOne({ bytes: whole.subarray(0, 40), origLen: whole.length })
    expect(frame.stopped).toEqual({ kind: 'short', layer: 'TCP' })
    expect(cell(frame, '_ws.malformed')).toBe('')
  })

  it('should decode TFO, MPTCP and unknown options', () => {
    const request = decodeOne(v4(segment({ options: [tcpOption.fastOpen()] })))
    expect(cell(request, 'tcp.options.tfo.request')).toBe('1')
    const cookie = decodeOne(v4(segment({ options: [tcpOption.fastOpen(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8)), tcpOption.nop(), tcpOption.nop()] })))
    expect(cell(cookie, 'tcp.options.tfo.cookie')).toBe('0102030405060708')
    const mptcp = decodeOne(v4(segment({ options: [tcpOption.mptcpCapable(0x0123456789abcdefn)] })))
    expect(cell(mptcp, 'frame.protocols')).toBe('eth:ethertype:ip:tcp:mptcp')
    expect(cell(mptcp, 'tcp.options.mptcp.subtype')).toBe('0')
    const unknown = decodeOne(v4(segment({ options: [tcpOption.raw(99, Uint8Array.of(0xde, 0xad))] })))
    expect(cell(unknown, 'tcp.options.unknown.payload')).toBe('dead')
  })
})

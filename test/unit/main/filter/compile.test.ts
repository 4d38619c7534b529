import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../../../main/filter'
import { compiled, fakeFrame, selects } from './filter-helpers'

const ip = (text: string) => text.split('.').reduce((n, part) => n * 256 + Number(part), 0)
const bytes = (...values: number[]) => Uint8Array.from(values)
const text = (value: string) => new TextEncoder().encode(value)

// A SYN from 10.0.0.1:2826 to 10.0.0.2:80, as the filter sees it.
const syn = fakeFrame({
  frame: [bytes(0, 5, 0x5d)],
  tcp: [bytes(0x0b, 0x0a, 0x00, 0x50, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0x02)],
  'ip.src': [ip('10.0.0.1')],
  'ip.dst': [ip('10.0.0.2')],
  'ip.addr': [ip('10.0.0.1'), ip('10.0.0.2')],
  'tcp.srcport': [2826],
  'tcp.dstport': [80],
  'tcp.port': [2826, 80],
  'tcp.flags': [0x002],
  'tcp.flags.syn': [1],
  'tcp.flags.ack': [0],
  'tcp.len': [0],
  'tcp.seq_raw': [0xdc022474],
  'tcp.analysis.flags': [null],
  'frame.time_relative': [132_627_000n],
  'frame.protocols': ['eth:ethertype:ip:tcp'],
  'eth.src': [bytes(0x00, 0x21, 0x6a, 0x5b, 0x7d, 0x4a)],
  'tcp.payload': [text('GET / HTTP/1.1')],
})
const web = fakeFrame({ 'tcp.port': [80, 80], 'tcp.srcport': [80], 'tcp.dstport': [80] })
const udp = fakeFrame({ 'udp.port': [53, 5353], udp: [bytes()] })

describe('filter/compile: what a filter selects', () => {
  it('should test a bare field or protocol for presence', () => {
    expect(selects('tcp', syn)).toBe(true)
    expect(selects('udp', syn)).toBe(false)
    expect(selects('tcp.analysis.flags', syn)).toBe(true)
    expect(selects('tcp.flags.ack', syn)).toBe(true)
  })

  it('should make == true when any occurrence equals', () => {
    expect(selects('tcp.port == 80', syn)).toBe(true)
    expect(selects('ip.addr eq 10.0.0.2', syn)).toBe(true)
    expect(selects('tcp.port any_eq 443', syn)).toBe(false)
  })

  it('should make != true only when every occurrence differs and there is one (tshark: tcp.port != 80 selects nothing where every frame has port 80)', () => {
    expect(selects('tcp.port != 80', syn)).toBe(false)
    expect(selects('tcp.port != 443', syn)).toBe(true)
    expect(selects('tcp.port ne 443', web)).toBe(true)
    expect(selects('udp.port != 80', syn)).toBe(false)
  })

  it('should make ~= and !== (any_ne) true when some occurrence differs, === (all_eq) when all are equal', () => {
    expect(selects('tcp.port ~= 80', syn)).toBe(true)
    expect(selects('tcp.port !== 80', syn)).toBe(true)
    expect(selects('tcp.port any_ne 80', web)).toBe(false)
    expect(selects('tcp.port === 80', syn)).toBe(false)
    expect(selects('tcp.port all_eq 80', web)).toBe(true)
    expect(selects('udp.port === 80', syn)).toBe(false)
  })

  it('should order with any occurrence, and make a comparison with an absent field false', () => {
    expect(selects('tcp.port > 2000', syn)).toBe(true)
    expect(selects('tcp.port lt 80', syn)).toBe(false)
    expect(selects('tcp.port <= 80', syn)).toBe(true)
    expect(selects('udp.port > 0', syn)).toBe(false)
    expect(selects('!(udp.port > 0)', syn)).toBe(true)
  })

  it('should combine tests with && || ! and their words', () => {
    expect(selects('tcp.flags.syn == 1 && tcp.flags.ack == 0', syn)).toBe(true)
    expect(selects('tcp.flags.syn == 1 and not tcp.flags.ack == 0', syn)).toBe(false)
    expect(selects('udp or tcp.len == 0', syn)).toBe(true)
    expect(selects('!tcp', udp)).toBe(true)
  })

  it('should test membership in sets of values and ranges', () => {
    expect(selects('tcp.port in {443, 80}', syn)).toBe(true)
    expect(selects('tcp.port in {1..100}', syn)).toBe(true)
    expect(selects('tcp.port in {81..2825}', syn)).toBe(false)
    expect(selects('tcp.srcport in {tcp.dstport, 2826}', syn)).toBe(true)
    expect(selects('ip.addr in {192.168.0.0/16, 10.0.0.0/8}', syn)).toBe(true)
    expect(selects('frame.time_relative in {0.1..0.2}', syn)).toBe(true)
  })

  it('should compare addresses with networks (ip.addr == 10.0.0.0/8)', () => {
    expect(selects('ip.addr == 10.0.0.0/8', syn)).toBe(true)
    expect(selects('ip.src == 10.0.0.2/31', syn)).toBe(false)
    expect(selects('ip.src == 10.0.0.0/0', syn)).toBe(true)
    expect(selects('ip.addr != 10.0.0.0/8', syn)).toBe(false)
  })

  it('should make a bare arithmetic result true when it is non-zero (tshark: tcp.flags & 0x02 selects SYNs)', () => {
    expect(selects('tcp.flags & 0x02', syn)).toBe(true)
    expect(selects('tcp.flags & 0x10', syn)).toBe(false)
    expect(selects('tcp.flags & 0x12 == 0x02', syn)).toBe(true)
    expect(selects('tcp.len + 1', syn)).toBe(true)
    expect(selects('tcp.len + 0', syn)).toBe(false)
  })

  it('should do arithmetic as 4.0 does (tcp.srcport + 1 == 2827, constants on the right may add up)', () => {
    expect(selects('tcp.srcport + 1 == 2827', syn)).toBe(true)
    expect(selects('tcp.srcport - tcp.dstport == 2746', syn)).toBe(true)
    expect(selects('tcp.dstport * 2 == 160', syn)).toBe(true)
    expect(selects('tcp.dstport / 3 == 26', syn)).toBe(true)
    expect(selects('tcp.dstport % 7 == 3', syn)).toBe(true)
    expect(selects('tcp.dstport == 79+1', syn)).toBe(true)
    expect(selects('-tcp.dstport == -80', syn)).toBe(true)
    expect(selects('tcp.dstport / 0 == 1', syn)).toBe(false)
  })

  it('should never match a negative number against an unsigned field (tshark: tcp.srcport > -1 selects nothing)', () => {
    expect(selects('tcp.srcport == -80', syn)).toBe(false)
    expect(selects('tcp.srcport > -1', syn)).toBe(false)
  })

  it('should slice bytes, protocols and addresses (tcp[13] & 0x02, frame[0:2] == 00:05)', () => {
    expect(selects('tcp[13] & 0x02', syn)).toBe(true)
    expect(selects('tcp[13] == 02', syn)).toBe(true)
    expect(selects('tcp[13] == 2', syn)).toBe(true)
    expect(selects('tcp[12:2] == 80:02', syn)).toBe(true)
    expect(selects('tcp[12-13] == 80:02', syn)).toBe(true)
    expect(selects('tcp[-2:] == 80:02', syn)).toBe(true)
    expect(selects('tcp[:2] == 0b:0a', syn)).toBe(true)
    expect(selects('tcp[0,2] == 0b:00', syn)).toBe(true)
    expect(selects('frame[0:2] == 00:05', syn)).toBe(true)
    expect(selects('frame[100]', syn)).toBe(false)
    expect(selects('ip.src[0] == 0a', syn)).toBe(true)
    expect(selects('eth.src[0:2] == 00:21', syn)).toBe(true)
    expect(selects('tcp.payload[0:3] == "GET"', syn)).toBe(true)
  })

  it('should find bytes and strings with contains, case-sensitively', () => {
    expect(selects('tcp.payload contains "GET"', syn)).toBe(true)
    expect(selects('tcp.payload contains "get"', syn)).toBe(false)
    expect(selects('tcp.payload contains 48:54:54:50', syn)).toBe(true)
    expect(selects('eth.src contains 6a:5b', syn)).toBe(true)
    expect(selects('frame.protocols contains "tcp"', syn)).toBe(true)
    expect(selects('tcp contains 80:02', syn)).toBe(true)
  })

  it('should match regular expressions case-insensitively by default, as 4.0 does (tshark: matches "s" finds "S"; (?-i) turns it off)', () => {
    expect(selects('tcp.payload matches "^get /"', syn)).toBe(true)
    expect(selects('tcp.payload matches "(?-i)^get"', syn)).toBe(false)
    expect(selects('tcp.payload matches "(?i)HTTP/1\\\\.[01]"', syn)).toBe(true)
    expect(selects('frame.protocols ~ "ip:tcp$"', syn)).toBe(true)
    expect(selects('tcp.payload matches r"\\d\\.\\d"', syn)).toBe(true)
  })

  it('should compare times in seconds and strings by value', () => {
    expect(selects('frame.time_relative > 0.1', syn)).toBe(true)
    expect(selects('frame.time_relative == 0.132627', syn)).toBe(true)
    expect(selects('frame.time_relative < -1', syn)).toBe(false)
    expect(selects('frame.protocols == "eth:ethertype:ip:tcp"', syn)).toBe(true)
  })

  it('should compare two fields with each other', () => {
    expect(selects('tcp.srcport > tcp.dstport', syn)).toBe(true)
    expect(selects('tcp.flags.syn == tcp.flags.ack', syn)).toBe(false)
  })

  it('should read fields by layer (ip.src#1; tcp.port#1 is both ports of the first TCP header)', () => {
    expect(selects('ip.src#1 == 10.0.0.1', syn)).toBe(true)
    expect(selects('ip.src#2 == 10.0.0.1', syn)).toBe(false)
    expect(selects('tcp.port#1 == 80', syn)).toBe(true)
    expect(selects('tcp.port#2 == 80', syn)).toBe(false)
    expect(selects('ip.src#[1-2] == 10.0.0.1', syn)).toBe(true)
  })

  it('should have the functions of 4.0: len, count, string, upper, lower, max, min, abs', () => {
    expect(selects('len(tcp.payload) == 14', syn)).toBe(true)
    expect(selects('len(tcp.port) == 2', syn)).toBe(true)
    expect(selects('len(eth.src) == 6', syn)).toBe(true)
    expect(selects('count(tcp.port) == 2', syn)).toBe(true)
    expect(selects('count(udp.port) == 0', syn)).toBe(false)
    expect(selects('string(tcp.srcport) == "2826"', syn)).toBe(true)
    expect(selects('string(ip.src) == "10.0.0.1"', syn)).toBe(true)
    expect(selects('upper(frame.protocols) contains "TCP"', syn)).toBe(true)
    expect(selects('lower(frame.protocols) == "eth:ethertype:ip:tcp"', syn)).toBe(true)
    expect(selects('max(tcp.srcport, tcp.dstport) == 2826', syn)).toBe(true)
    expect(selects('min(tcp.srcport, tcp.dstport) == 80', syn)).toBe(true)
    expect(selects('max(tcp.dstport, 100) == 100', syn)).toBe(true)
    expect(selects('abs(-tcp.dstport) == 80', syn)).toBe(true)
  })

  it('should list every field it reads once, each marked presence-only when only its presence is asked', () => {
    const filter = compiled('tcp && tcp.port == 80 || tcp.port > 1 && tcp.analysis.flags && !udp')
    expect(filter.fields.map((f) => [f.name, f.presenceOnly])).toEqual([
      ['tcp', true],
      ['tcp.port', false],
      ['tcp.analysis.flags', true],
      ['udp', true],
    ])
    expect(compiled('tcp && tcp[0] == 0').fields.map((f) => [f.name, f.presenceOnly])).toEqual([['tcp', false]])
    expect(filter.fields[1].def.type).toBe('uint16')
    expect(filter.text).toBe('tcp && tcp.port == 80 || tcp.port > 1 && tcp.analysis.flags && !udp')
  })

  it('should refuse an empty filter with a clear error rather than fail', () => {
    const result = compileFilter('   ')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatchObject({ code: 'empty-filter', start: 0, end: 3 })
  })

  it('should not throw when a frame hands it values of an unexpected shape', () => {
    const odd = fakeFrame({ 'tcp.port': ['x', null, bytes(1)], tcp: [7], 'frame.protocols': [5] })
    for (const filter of ['tcp.port == 80', 'tcp.port in {1..2}', 'tcp contains 00', 'tcp[0] == 1', 'frame.protocols matches "x"', 'len(tcp) == 1', 'tcp.port & 1']) {
      expect(() => compiled(filter).matches(odd), filter).not.toThrow()
    }
  })
})

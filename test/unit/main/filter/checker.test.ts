import { describe, expect, it } from 'vitest'
import { compileError, fakeFrame, selects } from './filter-helpers'

const flags = (syn: number, df: number) => fakeFrame({ 'tcp.flags.syn': [syn], 'ip.flags.df': [df], 'tcp.checksum.status': [2], 'ip.proto': [6] })
const setSyn = flags(1, 1)
const noSyn = flags(0, 0)

/** The error's English, Chinese and the text it points at. */
function refused(text: string) {
  const error = compileError(text)
  return { en: error.message.en, zh: error.message['zh-CN'], at: text.slice(error.start, error.end), code: error.code }
}

describe('filter/checker: names', () => {
  it('should refuse an unknown name, pointing at it (tshark: tcp.nonexistent is neither a field nor a protocol name.)', () => {
    expect(refused('tcp.nonexistent')).toEqual({
      en: 'tcp.nonexistent is neither a field nor a protocol name.',
      zh: 'tcp.nonexistent 既不是字段也不是协议名。',
      at: 'tcp.nonexistent',
      code: 'unknown-field',
    })
    expect(refused('tcp && dns').at).toBe('dns')
  })

  it('should refuse a literal on the left of a comparison (tshark: Left side of "==" expression must be a field or function, not 80.)', () => {
    expect(refused('80 == tcp.port')).toMatchObject({ en: 'Left side of "==" expression must be a field or function, not 80.', at: '80' })
    expect(refused('"abc" == tcp.payload').en).toBe('Left side of "==" expression must be a field or function, not "abc".')
    expect(refused('tcp.nonexistent == 1').at).toBe('tcp.nonexistent')
    expect(refused('tcp.srcport == 80 == 1').at).toBe('80')
  })

  it('should read a known field name on the right as that field (tshark: ip.proto and tcp are not of compatible types.)', () => {
    expect(refused('ip.proto == tcp')).toMatchObject({ en: 'ip.proto and tcp are not of compatible types.', at: 'tcp' })
  })

  it('should refuse a bare function and a bare literal', () => {
    expect(refused('len(tcp.payload)')).toMatchObject({ en: 'You cannot test whether a function is present.', at: 'len' })
    expect(refused('1 || tcp').en).toBe('1 is neither a field nor a protocol name.')
  })
})

describe('filter/checker: literals', () => {
  it('should read integers in decimal, hex, octal and binary (tshark: tcp.seq == 0b1)', () => {
    const seq = fakeFrame({ 'tcp.seq': [80] })
    for (const literal of ['80', '0x50', '0120', '0b1010000', "'P'"]) expect(selects(`tcp.seq == ${literal}`, seq), literal).toBe(true)
  })

  it("should refuse what is not a number, and numbers too big for the field's type", () => {
    expect(refused('tcp.srcport == abc')).toMatchObject({ en: '"abc" is not a valid number.', at: 'abc' })
    expect(refused('tcp.srcport == 80.0').en).toBe('"80.0" is not a valid number.')
    expect(refused('tcp.srcport == 080').en).toBe('"080" is not a valid number.')
    expect(refused('tcp.srcport == 70000')).toMatchObject({ en: '"70000" too big for this field, maximum 65535.', at: '70000' })
    expect(refused('ip.ttl == 256').en).toBe('"256" too big for this field, maximum 255.')
  })

  it('should refuse a quoted number for an integer field (tshark: Unsigned integer (4 bytes) cannot be converted from a string ("60").)', () => {
    expect(refused('frame.len > "60"')).toMatchObject({ en: 'Unsigned integer (4 bytes) cannot be converted from a string ("60").', at: '"60"' })
    expect(refused('tcp.port in {80, "x"}').at).toBe('"x"')
  })

  it('should read booleans as 4.0 does: any integer (non-zero is true), True/TRUE/False/FALSE, and the field texts in any case', () => {
    expect(selects('tcp.flags.syn == 1', setSyn)).toBe(true)
    expect(selects('tcp.flags.syn == 2', setSyn)).toBe(true)
    expect(selects('tcp.flags.syn == 0x0', noSyn)).toBe(true)
    expect(selects('tcp.flags.syn == True', setSyn)).toBe(true)
    expect(selects('tcp.flags.syn == TRUE', setSyn)).toBe(true)
    expect(selects('tcp.flags.syn == FALSE', noSyn)).toBe(true)
    expect(selects('tcp.flags.syn == Set', setSyn)).toBe(true)
    expect(selects('ip.flags.df == set', setSyn)).toBe(true)
    expect(selects('ip.flags.df == "not set"', noSyn)).toBe(true)
  })

  it('should refuse true, false and quoted numbers for booleans (4.0; 4.2 accepts true/false)', () => {
    expect(refused('tcp.flags.syn == true')).toMatchObject({ en: '"true" cannot be found among the possible values for tcp.flags.syn.', at: 'true' })
    expect(refused('ip.flags.df == "1"').en).toBe('"1" cannot be found among the possible values for ip.flags.df.')
    expect(refused('ip.flags.df == "True"').code).toBe('bad-literal')
  })

  it("should read the names of a field's values, in any case, quoted or not (tshark: tcp.checksum.status == unverified)", () => {
    expect(selects('tcp.checksum.status == Unverified', setSyn)).toBe(true)
    expect(selects('tcp.checksum.status == "UNVERIFIED"', setSyn)).toBe(true)
    expect(selects('tcp.checksum.status == Good', setSyn)).toBe(false)
    expect(selects('ip.proto == TCP', setSyn)).toBe(true)
    expect(refused('tcp.checksum.status == Nonsense').en).toBe('"Nonsense" cannot be found among the possible values for tcp.checksum.status.')
  })

  it('should read IPv4 addresses and CIDR blocks, never host names (tshark -n)', () => {
    expect(refused('ip.src == localhost')).toMatchObject({ en: '"localhost" is not a valid hostname or IPv4 address.', at: 'localhost' })
    expect(refused('ip.src == 172.16.16').en).toBe('"172.16.16" is not a valid hostname or IPv4 address.')
    expect(refused('ip.src == 172.016.016.128').code).toBe('bad-literal')
    expect(refused('ip.addr == 172.16.16.0/33')).toMatchObject({ en: 'Netmask bits in a CIDR IPv4 address should be <= 32, not 33', at: '172.16.16.0/33' })
    expect(refused('ip.src == "172.16.16.128"').en).toBe('IPv4 address cannot be converted from a string ("172.16.16.128").')
  })

  it('should read IPv6 addresses with a prefix', () => {
    const v6 = fakeFrame({ 'ipv6.addr': [Uint8Array.from([0xfe, 0x80, ...new Array<number>(13).fill(0), 1])] })
    expect(selects('ipv6.addr == fe80::1', v6)).toBe(true)
    expect(selects('ipv6.addr == fe80::/10', v6)).toBe(true)
    expect(selects('ipv6.addr == fe80::2', v6)).toBe(false)
    expect(refused('ipv6.addr == zz').en).toBe('"zz" is not a valid hostname or IPv6 address.')
    expect(refused('ipv6.addr == fe80::1/129').en).toBe('Prefix in a IPv6 address should be <= 128, not 129')
  })

  it('should read MAC addresses in all four spellings', () => {
    const eth = fakeFrame({ 'eth.src': [Uint8Array.from([0x00, 0x21, 0x6a, 0x5b, 0x7d, 0x4a])] })
    for (const mac of ['00:21:6a:5b:7d:4a', '00-21-6a-5b-7d-4a', '0021.6a5b.7d4a', '00216a5b7d4a', '00:21:6A:5B:7D:4A']) expect(selects(`eth.src == ${mac}`, eth), mac).toBe(true)
    expect(refused('eth.src == 00:21:6a').en).toBe('"00:21:6a" contains too few bytes to be a valid Ethernet address.')
    expect(refused('eth.src == zz').en).toBe('"zz" is not a valid Ethernet address.')
  })

  it('should read byte strings (aa:bb, aa-bb, aa.bb, aabb, one byte as 1-2 hex digits or 0xHH) and refuse the rest', () => {
    const frame = fakeFrame({ frame: [Uint8Array.from([0x00, 0x05, 0x12])] })
    for (const literal of ['00:05', '00-05', '00.05', '0005']) expect(selects(`frame[0:2] == ${literal}`, frame), literal).toBe(true)
    for (const literal of ['5', '05', '0x05']) expect(selects(`frame[1] == ${literal}`, frame), literal).toBe(true)
    expect(selects('frame[2] == 12', frame)).toBe(true)
    expect(refused('frame[1] == 0x5').en).toBe('"0x5" is not a valid byte string.')
    expect(refused('tcp.payload[0:3] == GET')).toMatchObject({ en: '"GET" is not a valid byte string.', at: 'GET' })
  })

  it('should read times as seconds with up to nine decimals', () => {
    expect(refused('frame.time_relative > 1e-1').en).toBe('"1e-1" is not a valid time.')
    expect(refused('frame.time_relative > 1.0000000001').code).toBe('bad-literal')
    expect(refused('frame.time_epoch > "2010-01-01 00:00:00"').en).toBe('Time offset cannot be converted from a string ("2010-01-01 00:00:00").')
  })
})

describe('filter/checker: operators and types', () => {
  it('should refuse comparing a Label (tshark: tcp.analysis.retransmission (type=Label) cannot participate in == comparison.)', () => {
    expect(refused('tcp.analysis.retransmission == 1')).toMatchObject({
      en: 'tcp.analysis.retransmission (type=Label) cannot participate in == comparison.',
      at: 'tcp.analysis.retransmission',
    })
  })

  it('should refuse contains and matches on integers (tshark: tcp.srcport (type=Unsigned integer (2 bytes)) cannot participate in contains comparison.)', () => {
    expect(refused('tcp.srcport contains 80').en).toBe('tcp.srcport (type=Unsigned integer (2 bytes)) cannot participate in contains comparison.')
    expect(refused('tcp.srcport matches "80"').en).toBe('tcp.srcport (type=Unsigned integer (2 bytes)) cannot participate in matches comparison.')
  })

  it('should want a quoted string on the right of matches, and a valid regular expression in it', () => {
    expect(refused('frame.protocols matches tcp')).toMatchObject({ en: 'Matches requires a double quoted string on the right side.', at: 'tcp' })
    const bad = refused('tcp.payload matches "["')
    expect(bad).toMatchObject({ code: 'bad-regex', at: '"["' })
    expect(bad.en).toMatch(/^Regex compilation error: /)
  })

  it('should refuse slicing an integer (tshark: "tcp.srcport" is a Unsigned integer (2 bytes) and cannot be sliced…)', () => {
    expect(refused('tcp.srcport[0] == 0')).toMatchObject({
      en: '"tcp.srcport" is a Unsigned integer (2 bytes) and cannot be sliced into a sequence of bytes.',
      at: 'tcp.srcport',
    })
  })

  it('should refuse constant arithmetic on the left, and arithmetic on types that have none', () => {
    expect(refused('tcp.port == 80 & tcp.port == 1')).toMatchObject({ en: 'Constant arithmetic expression on the LHS is invalid.', at: '80' })
    expect(refused('frame[1] == -1').code).toBe('type-mismatch')
    expect(refused('ip.flags.df == -1').code).toBe('type-mismatch')
    expect(refused('ip.src + 1 == 2').at).toBe('+')
    expect(refused('tcp.flags.syn & 1').en).toBe('tcp.flags.syn (type=Boolean) cannot be used with the "&" operator.')
  })

  it('should want a field on the left of in (tshark: Only a field may be tested for membership in a set.)', () => {
    expect(refused('tcp[13] in {0x02, 0x12}').en).toBe('Only a field may be tested for membership in a set.')
  })

  it('should check function names and arguments', () => {
    expect(refused('foo(tcp.port)')).toMatchObject({ en: "Function 'foo' does not exist", at: 'foo' })
    expect(refused('len(tcp.port, tcp.srcport) == 2')).toMatchObject({ en: 'Function len can only accept 1 arguments.', at: 'len' })
    expect(refused('len("abc") == 3')).toMatchObject({ en: 'Only fields can be used as parameter for len()', at: '"abc"' })
    expect(refused('upper(ip.src) == 1')).toMatchObject({ en: 'Only string type fields can be used as parameter for upper()', at: 'ip.src' })
    expect(refused('count(ip.src[0]) == 1').en).toBe('Only fields can be used as parameter for count()')
    expect(refused('string(frame.time_relative) == "0"').en).toBe('String conversion for field "frame.time_relative" is not supported')
  })
})

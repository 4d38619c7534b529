import { describe, expect, it } from 'vitest'
import { ipv6Text, macText } from '../../../../main/decode/addresses'
import { parseIpv6 } from '../../../fixtures/packets'

const v6 = (text: string) => ipv6Text(parseIpv6(text), 0)

describe('decode/addresses', () => {
  it('should write IPv6 addresses as RFC 5952 says (and as tshark prints them)', () => {
    expect(v6('2001:0db8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1')
    expect(v6('0:0:0:0:0:0:0:1')).toBe('::1')
    expect(v6('0:0:0:0:0:0:0:0')).toBe('::')
    expect(v6('fe80:0:0:0:a00:27ff:fe19:1c78')).toBe('fe80::a00:27ff:fe19:1c78')
    // A single zero group is not shortened; the longest run wins, the first of equals.
    expect(v6('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1')
    expect(v6('2001:0:0:1:0:0:0:1')).toBe('2001:0:0:1::1')
    expect(v6('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1')
    // IPv4-mapped and IPv4-compatible addresses keep a dotted tail (tshark: "::192.0.2.1").
    expect(v6('::ffff:192.0.2.1')).toBe('::ffff:192.0.2.1')
    expect(v6('::192.0.2.1')).toBe('::192.0.2.1')
  })

  it('should write MAC addresses in lower case with colons', () => {
    expect(macText(Uint8Array.of(0x00, 0x0f, 0x66, 0xae, 0xe9, 0x8a), 0)).toBe('00:0f:66:ae:e9:8a')
  })
})

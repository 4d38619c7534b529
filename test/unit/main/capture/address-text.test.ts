import { describe, expect, it } from 'vitest'
import { ipv4Text, ipv6Text, parseIpv4, parseIpv6 } from '../../../../main/capture/address-text'

describe('capture/address-text', () => {
  it('should write IPv4 dotted', () => {
    expect(ipv4Text(new Uint8Array([192, 0, 2, 255]))).toBe('192.0.2.255')
  })

  it.each([
    ['2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001'],
    ['2001:db8:0:1:1:1:1:1', '2001:0db8:0000:0001:0001:0001:0001:0001'], // one zero group stays
    ['2001:0:0:1::1', '2001:0000:0000:0001:0000:0000:0000:0001'], // the first of equal runs
    ['::', '0000:0000:0000:0000:0000:0000:0000:0000'],
    ['::1', '0000:0000:0000:0000:0000:0000:0000:0001'],
    ['fe80::', 'fe80:0000:0000:0000:0000:0000:0000:0000'],
    ['::ffff:192.0.2.1', '0000:0000:0000:0000:0000:ffff:c000:0201'],
  ])('should write IPv6 as RFC 5952 does: %s', (text, full) => {
    const bytes = parseIpv6(full)!
    expect(ipv6Text(bytes)).toBe(text)
    expect(parseIpv6(text)).toEqual(bytes)
  })

  it.each(['1.2.3', '1.2.3.256', '1.2.3.4.5', 'a.b.c.d', ''])('should refuse IPv4 text %j', (text) => {
    expect(parseIpv4(text)).toBeUndefined()
  })

  it.each(['1::2::3', '12345::', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', 'g::', '::1.2.3'])('should refuse IPv6 text %j', (text) => {
    expect(parseIpv6(text)).toBeUndefined()
  })
})

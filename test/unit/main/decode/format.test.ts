import { describe, expect, it } from 'vitest'
import { bitPattern, displayValue, formatTime, maskWidth } from '../../../../main/decode/format'
import type { FieldDef } from '../../../../main/decode/field'

const def = (d: Partial<FieldDef>): FieldDef => ({ name: 'x', title: 'X', type: 'uint8', ...d })

describe('decode/format', () => {
  it('should print hex integers with the width of their type, as tshark -T fields does', () => {
    expect(displayValue(def({ type: 'uint16', base: 'hex' }), 0x12)).toBe('0x0012') // tcp.flags
    expect(displayValue(def({ type: 'uint16', base: 'hex_dec' }), 0x317f)).toBe('0x317f') // ip.id
    expect(displayValue(def({ type: 'uint8', base: 'hex' }), 2)).toBe('0x02') // ip.flags
    expect(displayValue(def({ type: 'uint24', base: 'hex' }), 0xe7947)).toBe('0x0e7947') // ipv6.flow
    expect(displayValue(def({ type: 'uint32', base: 'hex' }), 0x20)).toBe('0x00000020') // ipv6.tclass
    expect(displayValue(def({ type: 'uint16', base: 'dec_hex' }), 5)).toBe('5') // icmp.ident
  })

  it('should print booleans as 1/0 and presence-only fields as 1', () => {
    expect(displayValue(def({ type: 'bool' }), true)).toBe('1')
    expect(displayValue(def({ type: 'bool' }), false)).toBe('0')
    expect(displayValue(def({ type: 'none' }), null)).toBe('1')
  })

  it('should print times with 9 decimals, and a negative difference with one sign', () => {
    expect(formatTime({ sec: 1258133614, nsec: 430569000 })).toBe('1258133614.430569000')
    expect(formatTime({ sec: 0, nsec: 0 })).toBe('0.000000000')
    // tshark's frame.time_delta for ppp_pcapng-example frame 64: −1472003999.360380631
    expect(formatTime({ sec: -1472004000, nsec: 639619369 })).toBe('-1472003999.360380631')
  })

  it('should draw the bit picture of a bit field, dots outside the mask', () => {
    expect(bitPattern(0x002, 0x002, 12)).toBe('.... .... ..1.') // tcp.flags.syn
    expect(bitPattern(0x40, 0xe0, 8)).toBe('010. ....') // ip.flags = DF
    expect(bitPattern(0x0fc0 & 0xfc, 0xfc, 8)).toBe('1100 00..')
    expect(maskWidth(0x0fff)).toBe(12)
    expect(maskWidth(0x0ff00000)).toBe(8)
  })
})

describe('decode/field', () => {
  it('should give every field its tree line and its fields value, from the bytes it covers', async () => {
    const { ETHERTYPE, IPPROTO, ethernet, ipv4, tcp } = await import('../../../fixtures/packets')
    const { decodeOne, find } = await import('./decode-helpers')
    const frame = decodeOne(
      ethernet({ src: '02:00:00:00:00:0a', dst: '02:00:00:00:00:14', etherType: ETHERTYPE.IPV4, payload: ipv4({ src: '192.0.2.10', dst: '198.51.100.20', protocol: IPPROTO.TCP, payload: tcp({ srcPort: 40000, dstPort: 80, seq: 7, flags: ['SYN'], ip: { src: '192.0.2.10', dst: '198.51.100.20' } }) }) }),
    )
    const syn = find(frame, 'tcp.flags.syn')[0]
    expect(syn.label).toBe('.... .... ..1. = Syn: Set')
    expect(syn.display).toBe('1')
    expect(syn.bitmask).toBe(0x002)
    expect([syn.offset, syn.length]).toEqual([14 + 20 + 12, 2])
    const seq = find(frame, 'tcp.seq_raw')[0]
    expect(seq.label).toBe('Sequence Number (raw): 7')
    expect([seq.offset, seq.length]).toEqual([14 + 20 + 4, 4])
    const len = find(frame, 'tcp.len')[0]
    expect(len.generated).toBe(true)
    expect(len.label).toBe('[TCP Segment Len: 0]')
  })
})

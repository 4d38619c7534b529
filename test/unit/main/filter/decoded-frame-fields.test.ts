import { describe, expect, it } from 'vitest'
import { decodedFrameFields, type FilterField } from '../../../../main/filter'
import { fieldDef } from '../../../../main/decode/field'
import { ProtocolValue } from '../../../../main/filter/protocol-value'
import { exchange, HOST, overEthernet, REQUEST } from '../../../fixtures/scenarios'
import { decodeFrames } from '../decode/decode-helpers'
import { selects } from './filter-helpers'

const field = (name: string): FilterField => ({ name, def: fieldDef(name)!, presenceOnly: false })

// The standard exchange: SYN, SYN/ACK, ACK, request (frame 4), …, over Ethernet.
const frames = decodeFrames(overEthernet(exchange()))
const [syn, , , request] = frames.map(decodedFrameFields)
const v6 = decodedFrameFields(decodeFrames(overEthernet(exchange({ ipv6: true })))[0])

describe('filter/decoded-frame-fields', () => {
  it('should give every occurrence, hidden ones included: ip.addr and tcp.port twice', () => {
    expect(syn.values(field('ip.addr'))).toEqual([0xc000020a, 0xc6336414])
    expect(syn.values(field('tcp.port'))).toEqual([40000, 80])
    expect(syn.values(field('udp.port'))).toEqual([])
  })

  it('should give booleans as 1 or 0 and bit fields shifted down', () => {
    expect(syn.values(field('tcp.flags.syn'))).toEqual([1])
    expect(syn.values(field('tcp.flags.ack'))).toEqual([0])
    expect(syn.values(field('tcp.flags'))).toEqual([0x002])
    expect(syn.values(field('tcp.hdr_len'))).toEqual([expect.any(Number)])
  })

  it('should give IPv4 as a 32-bit number, IPv6 and MAC addresses as bytes', () => {
    expect(syn.values(field('ip.src'))).toEqual([0xc000020a])
    expect(syn.values(field('eth.src'))).toEqual([Uint8Array.from([2, 0, 0, 0, 0, 0x0a])])
    expect(v6.values(field('ipv6.src'))).toEqual([Uint8Array.from([0x20, 0x01, 0x0d, 0xb8, ...new Array<number>(11).fill(0), 0x10])])
  })

  it('should give times in nanoseconds and presence-only fields as null', () => {
    const [epoch] = syn.values(field('frame.time_epoch'))
    expect(typeof epoch).toBe('bigint')
    expect((epoch as bigint) % 1_000_000_000n).toBe(0n)
    expect(request.values(field('tcp.analysis'))).toEqual([null])
  })

  it('should give bytes as they are, and a protocol the bytes it carries, layers after it included', () => {
    expect(request.values(field('tcp.payload'))).toEqual([REQUEST])
    const [tcp] = request.values(field('tcp')) as Uint8Array[]
    expect(tcp.subarray(tcp.length - REQUEST.length)).toEqual(REQUEST)
    const [frame] = request.values(field('frame')) as Uint8Array[]
    expect(new Uint8Array(frame)).toEqual(frames[3].raw.bytes)
  })

  it('should let slices and len() see only the own item of a protocol, its header (as tshark 4.0)', () => {
    const [tcp] = request.values(field('tcp')) as ProtocolValue[]
    expect(tcp).toBeInstanceOf(ProtocolValue)
    expect(tcp.item()).toHaveLength(tcp.length - REQUEST.length)
    expect(tcp.subarray(0, 4)).not.toBeInstanceOf(ProtocolValue)
    expect(selects(`len(tcp) == ${tcp.length - REQUEST.length}`, request)).toBe(true)
    expect(selects('len(ip) == 20', request)).toBe(true)
    expect(selects('ip[20:2] == ip[20:2]', request)).toBe(false)
  })

  it('should let a filter read a decoded frame (tcp contains "GET" finds the request after the TCP header, as in Wireshark)', () => {
    expect(selects('tcp contains "GET"', request)).toBe(true)
    expect(selects('tcp contains "GET"', syn)).toBe(false)
    expect(selects(`ip.src == ${HOST.client.ipv4} && tcp.dstport == 80 && tcp.flags.syn == 1`, syn)).toBe(true)
    expect(selects(`eth.dst == ${HOST.server.mac}`, syn)).toBe(true)
    expect(selects(`ipv6.addr == ${HOST.server.ipv6}`, v6)).toBe(true)
    expect(selects('tcp[13] & 0x02 && !tcp.analysis.flags', syn)).toBe(true)
  })

  it('should answer the same array again for the same field, and nothing for a field the frame lacks', () => {
    expect(request.values(field('tcp.srcport'))).toBe(request.values(field('tcp.srcport')))
    expect(request.values(field('icmp'))).toEqual([])
  })
})

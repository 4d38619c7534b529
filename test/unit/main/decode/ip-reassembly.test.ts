// IP reassembly in the full decoder (DecodePass, on by default as in Wireshark): a fragment shows
// its IP header and data with Wireshark's Info; the frame that completes the datagram decodes its
// transport layer from the reassembled bytes (a second byte source), and the TCP engine sees the
// whole segment, so no false verdict follows it. The fast pass feeds the engine the same.
import { describe, expect, it } from 'vitest'
import { encodePcap, type FrameToWrite } from '../../../../main/capture/writer'
import type { DecodedFrame } from '../../../../main/decode/frame'
import * as P from '../../../fixtures/packets'
import { SegmentBuilder } from '../../../fixtures/segments'
import { frameOf, HOST } from '../../../fixtures/scenarios'
import { runDecodePass, runIndexPass } from '../session/two-passes'
import { cell, decodeFrames, find } from './decode-helpers'

/** The IP packet inside an Ethernet frame (without the padding of a short frame). */
function ipOf(frame: Uint8Array): Uint8Array {
  const ip = frame.subarray(14)
  return ip[0]! >> 4 === 4 ? ip.subarray(0, (ip[2]! << 8) | ip[3]!) : ip.subarray(0, 40 + ((ip[4]! << 8) | ip[5]!))
}

/** An Ethernet frame's IPv4 packet cut into fragments (DF cleared), each in its own frame. */
function fragments4(frame: Uint8Array, maxPayload: number): Uint8Array[] {
  const noDf = P.patch(ipOf(frame), 6, [0, 0])
  return P.fragmentIpv4(noDf, maxPayload).map((f) => frameOf(f, { src: HOST.client.mac, dst: HOST.server.mac }))
}

/** An Ethernet frame's IPv6 packet (no extension headers) sent as fragments with identification `id`. */
function fragments6(frame: Uint8Array, maxData: number, id: number): Uint8Array[] {
  const ip = ipOf(frame)
  return P.ipv6Fragments(
    { src: HOST.client.ipv6, dst: HOST.server.ipv6, nextHeader: ip[6]!, payload: ip.subarray(40), flowLabel: 0x12345 },
    { id, maxFragmentData: maxData },
  ).map((f) => frameOf(f, { src: HOST.client.mac, dst: HOST.server.mac }))
}

/**
 * A connection whose client sends one 1600-byte segment, then the server ACKs it and both close.
 * `split` turns the data frame into the frames to capture instead (fragments, in any order).
 */
function capture(ipv6: boolean, split: (frame: Uint8Array) => Uint8Array[]): FrameToWrite[] {
  const client = ipv6 ? { ip: HOST.client.ipv6 } : {}
  const server = ipv6 ? { ip: HOST.server.ipv6 } : {}
  const b = new SegmentBuilder(client, server)
    .client({ flags: ['SYN'] })
    .server({ flags: ['SYN', 'ACK'] })
    .client()
    .client({ flags: ['PSH', 'ACK'], data: 1600 })
    .server()
    .client({ flags: ['FIN', 'ACK'] })
    .server({ flags: ['FIN', 'ACK'] })
    .client()
  const frames: FrameToWrite[] = []
  b.captured().forEach((f, i) => {
    if (i !== 3) frames.push(f)
    else split(f.bytes).forEach((bytes, k) => frames.push({ bytes, tsSec: f.tsSec, tsNsec: f.tsNsec + k * 1000 }))
  })
  return frames
}

/** Infos of the frames carrying TCP. */
function verdictsIn(frames: DecodedFrame[]): string[] {
  return frames.map((f) => f.columns.info).filter((info) => info.startsWith('[TCP'))
}

describe('decode/IP reassembly (on by default)', () => {
  it('should show the first of 2 IPv4 fragments as fragment data and decode the whole segment on the second', () => {
    const frames = decodeFrames(capture(false, (f) => fragments4(f, 1480)))
    expect(frames).toHaveLength(9)
    const [first, second] = [frames[3]!, frames[4]!]
    expect(first.columns.info).toMatch(/^Fragmented IP protocol \(proto=TCP 6, off=0, ID=[0-9a-f]{4}\)$/)
    expect(first.protocols).toEqual(['eth', 'ethertype', 'ip', 'data'])
    expect(first.tcp).toBeUndefined()
    expect(first.sources.map((s) => s.name)).toEqual(['Frame'])
    expect(second.protocols).toEqual(['eth', 'ethertype', 'ip', 'tcp', 'data'])
    expect(second.columns.info).toBe('40000 \u2192 80 [PSH, ACK] Seq=1 Ack=1 Win=502 Len=1600')
    expect(cell(second, 'tcp.len')).toBe('1600')
    expect(cell(second, 'ip.fragment')).toBe('4|5')
    expect(cell(second, 'ip.fragment.count')).toBe('2')
    expect(cell(second, 'ip.reassembled.length')).toBe('1620')
    expect(find(second, 'ip.fragments')[0]?.text).toBe('[2 IPv4 Fragments (1620 bytes): #4(1480), #5(140)]')
    // The tracker saw one segment of 1600 bytes: no gap after it.
    expect(second.tcpAnalysis?.nextSeq).toBe(1601)
    expect(verdictsIn(frames)).toEqual([])
  })

  it('should say which bytes each field comes from: the frame, or the reassembled datagram', () => {
    const frames = decodeFrames(capture(false, (f) => fragments4(f, 1480)))
    const second = frames[4]!
    expect(second.sources).toHaveLength(2)
    expect(second.sources[0]).toEqual({ name: 'Frame', bytes: second.raw.bytes })
    expect(second.sources[1]!.name).toBe('Reassembled IPv4')
    expect(second.sources[1]!.bytes.length).toBe(1620)
    // IP's fields are in the frame; TCP's in the reassembled bytes, from offset 0.
    expect(find(second, 'ip.id')[0]!.source).toBe(0)
    const srcport = find(second, 'tcp.srcport')[0]!
    expect([srcport.source, srcport.offset, srcport.length]).toEqual([1, 0, 2])
    const payload = find(second, 'tcp.payload')[0]!
    expect([payload.source, payload.offset, payload.length]).toEqual([1, 20, 1600])
    const data = find(second, 'ip.reassembled.data')[0]!
    expect([data.source, data.offset, data.length]).toEqual([1, 0, 1620])
    // Frames that are not reassembled have one source and every field in it.
    expect(frames[0]!.sources).toHaveLength(1)
    expect(find(frames[0]!, 'tcp.srcport')[0]!.source).toBe(0)
  })

  it('should reassemble 3 IPv4 fragments that come out of order, on the frame that closes the last hole', () => {
    const frames = decodeFrames(capture(false, (f) => {
      const [a, b, c] = fragments4(f, 600)
      return [c!, a!, b!]
    }))
    const infos = frames.slice(3, 6).map((f) => f.columns.info)
    expect(infos[0]).toMatch(/^Fragmented IP protocol \(proto=TCP 6, off=1200, ID=/)
    expect(infos[1]).toMatch(/^Fragmented IP protocol \(proto=TCP 6, off=0, ID=/)
    expect(infos[2]).toBe('40000 \u2192 80 [PSH, ACK] Seq=1 Ack=1 Win=502 Len=1600')
    expect(cell(frames[5]!, 'ip.fragment')).toBe('5|6|4')
    expect(verdictsIn(frames)).toEqual([])
    expect(frames.at(-1)!.columns.info).toBe('40000 \u2192 80 [ACK] Seq=1602 Ack=2 Win=502 Len=0')
  })

  it('should reassemble IPv6 fragments and go on with the headers after the fragment header', () => {
    const frames = decodeFrames(capture(true, (f) => {
      const [a, b] = fragments6(f, 1232, 0xcafe)
      return [b!, a!]
    }))
    expect(frames[3]!.columns.info).toBe('IPv6 fragment (off=1232 more=n ident=0x0000cafe nxt=6)')
    expect(frames[3]!.protocols).toEqual(['eth', 'ethertype', 'ipv6', 'ipv6.fraghdr', 'data'])
    const done = frames[4]!
    expect(done.protocols).toEqual(['eth', 'ethertype', 'ipv6', 'ipv6.fraghdr', 'tcp', 'data'])
    expect(done.columns.info).toBe('40000 \u2192 80 [PSH, ACK] Seq=1 Ack=1 Win=502 Len=1600')
    expect(done.sources.map((s) => s.name)).toEqual(['Frame', 'Reassembled IPv6'])
    expect(cell(done, 'ipv6.fragment')).toBe('5|4')
    expect(cell(done, 'ipv6.reassembled.length')).toBe('1620')
    expect(verdictsIn(frames)).toEqual([])
  })

  it('should show a first IPv6 fragment as a fragment too (Wireshark dissects nothing above it)', () => {
    const frames = decodeFrames(capture(true, (f) => fragments6(f, 1232, 7).slice(0, 1)))
    expect(frames[3]!.columns.info).toBe('IPv6 fragment (off=0 more=y ident=0x00000007 nxt=6)')
    expect(frames[3]!.tcp).toBeUndefined()
  })

  it('should decode each fragment as captured with reassembly off, as before', () => {
    const frames = decodeFrames(capture(false, (f) => fragments4(f, 1480)), 1, { reassembleIp: false })
    expect(frames[3]!.sources).toHaveLength(1)
    expect(frames[3]!.tcp).toBeDefined()
    expect(cell(frames[3]!, 'tcp.len')).toBe('')
    expect(frames[4]!.columns.info).toMatch(/^Fragmented IP protocol \(proto=TCP 6, off=1480, ID=/)
    // Without the segment's length the engine sees a gap: the verdicts a student would be misled by.
    expect(verdictsIn(frames).length).toBeGreaterThan(0)
  })

  it('should leave a datagram whose last fragment never came as fragments, and not throw', () => {
    const frames = decodeFrames(capture(false, (f) => fragments4(f, 600).slice(0, 2)))
    expect(frames.slice(3, 5).map((f) => f.columns.info.startsWith('Fragmented IP protocol'))).toEqual([true, true])
    expect(frames.every((f) => f.stopped === undefined)).toBe(true)
  })

  it('should feed the TCP engine the same segments from the fast pass as from the full decoder', async () => {
    const captures = [
      capture(false, (f) => fragments4(f, 1480)),
      capture(false, (f) => {
        const [a, b, c] = fragments4(f, 600)
        return [c!, b!, a!, b!]
      }),
      capture(false, (f) => fragments4(f, 600).slice(1)),
      capture(true, (f) => fragments6(f, 800, 0x1234).reverse()),
    ]
    for (const frames of captures) {
      const bytes = encodePcap(frames, { linkType: 1, snapLen: 262144, nanosecond: true })
      for (const reassembleIp of [true, false]) {
        const decoded = await runDecodePass(bytes, { reassembleIp })
        const indexed = await runIndexPass(bytes, { reassembleIp })
        expect(indexed.segments).toEqual(decoded.segments)
        expect(indexed.analyses).toEqual(decoded.analyses)
        expect(indexed.conversations).toEqual(decoded.conversations)
      }
    }
  })
})

import { describe, expect, it } from 'vitest'
import { DecodePass } from '../../../../main/decode/pass'
import type { TcpFrameAnalysis } from '../../../../main/tcp/result'
import { emptyOptions, type TcpSegment } from '../../../../main/tcp/segment'
import { TcpTracker } from '../../../../main/tcp/tracker'
import { verdictCodes, verdictsOf } from '../../../../main/tcp/verdicts'
import { SegmentBuilder, linuxSynOptions } from '../../../fixtures/segments'
import { fixture } from '../../../fixtures/catalog'
import { readClean } from '../capture/read-all'

async function analyse(bytes: Uint8Array): Promise<TcpFrameAnalysis[]> {
  const { info, frames } = await readClean(bytes)
  const pass = new DecodePass(info)
  return frames.map((raw) => pass.decode(raw).tcpAnalysis!)
}

describe('tcp/tracker', () => {
  it('should count relative numbers from the ISN across the 2^32 wrap, with no false verdicts', async () => {
    const b = new SegmentBuilder({ isn: 0xffffff00 }, { isn: 0xfffffff0 })
    b.client({ flags: ['SYN'], options: linuxSynOptions() }).server({ flags: ['SYN', 'ACK'], options: linuxSynOptions() }).client()
    for (let i = 0; i < 4; i++) b.client({ flags: ['PSH', 'ACK'], data: 100 })
    b.server({ flags: ['PSH', 'ACK'], data: 50 }).client()
    const frames = await analyse(b.pcap())
    expect(frames.map((f) => f.seq)).toEqual([0, 0, 1, 1, 101, 201, 301, 1, 401])
    expect(frames.map((f) => f.nextSeq)).toEqual([1, 1, 1, 101, 201, 301, 401, 51, 401])
    expect(frames[7]!.ack).toBe(401)
    expect(frames.every((f) => f.flags === 0)).toBe(true)
  })

  it('should take the base from seq − 1 when the SYN was not captured', async () => {
    const frames = await analyse(fixture('tcp-scenario-mid-stream').bytes())
    expect(frames[0]!.seq).toBe(1)
    expect(frames[0]!.ack).toBe(1)
    expect(frames[0]!.stream).toBe(0)
  })

  it('should start a new stream when a SYN with a new ISN reuses the ports', async () => {
    const frames = await analyse(fixture('tcp-scenario-port-reuse').bytes())
    const syns = frames.filter((_, i) => i === 0 || i === 10)
    expect(syns.map((f) => f.stream)).toEqual([0, 1])
    expect(verdictCodes(syns[1]!.flags)).toEqual(['reused-ports'])
  })

  it('should scale the window only when both SYNs carried the option', async () => {
    const both = await analyse(fixture('tcp-scenario-four-way-close').bytes())
    expect(both[2]!.scaleFactor).toBe(128)
    expect(both[2]!.window).toBe(502 * 128)
    const none = new SegmentBuilder()
    none.client({ flags: ['SYN'], options: linuxSynOptions() }).server({ flags: ['SYN', 'ACK'] }).client()
    const frames = await analyse(none.pcap())
    expect(frames[2]!.scaleFactor).toBe(-2)
    expect(frames[2]!.window).toBe(502)
  })

  it('should measure the initial RTT from the SYN to the third segment', async () => {
    const frames = await analyse(fixture('tcp-scenario-four-way-close').bytes())
    expect(frames[2]!.initialRtt).toEqual({ sec: 0, nsec: 20_100_000 })
  })

  it('should name the frame a duplicate ACK repeats, and count the duplicates', async () => {
    const frames = await analyse(fixture('tcp-scenario-fast-retransmission').bytes())
    const dups = frames.filter((f) => verdictCodes(f.flags).includes('duplicate-ack'))
    expect(dups.map((f) => f.dupAckNum)).toEqual([1, 2, 3])
    expect(new Set(dups.map((f) => f.dupAckFrame)).size).toBe(1)
    expect(verdictCodes(frames[frames.length - 2]!.flags)).toEqual(['fast-retransmission'])
  })

  describe('conversation keys', () => {
    const v4 = (a: number[], b: number[]) => new Uint8Array([...a, ...b])
    const segment = (addresses: Uint8Array, srcPort: number, dstPort: number, over: Partial<TcpSegment> = {}): TcpSegment => ({
      frame: 1,
      sec: 1,
      nsec: 0,
      addresses,
      src: 'shown only',
      dst: 'shown only',
      srcPort,
      dstPort,
      seq: 1000,
      ack: 0,
      flags: 0x010,
      window: 100,
      headerLength: 20,
      length: 0,
      options: emptyOptions(),
      ...over,
    })

    it('should find one conversation from either side, and say which side sent', () => {
      const tracker = new TcpTracker()
      const there = tracker.track(segment(v4([10, 0, 0, 1], [10, 0, 0, 2]), 40000, 80))
      const back = tracker.track(segment(v4([10, 0, 0, 2], [10, 0, 0, 1]), 80, 40000))
      const other = tracker.track(segment(v4([10, 0, 0, 1], [10, 0, 0, 2]), 40001, 80))
      expect([there.stream, back.stream, other.stream]).toEqual([0, 0, 1])
      expect([there.from, back.from, other.from]).toEqual([0, 1, 0])
      // Addresses in the high half of the 32-bit range order like any others.
      const high = tracker.track(segment(v4([200, 0, 0, 1], [10, 0, 0, 1]), 80, 80))
      const highBack = tracker.track(segment(v4([10, 0, 0, 1], [200, 0, 0, 1]), 80, 80))
      expect([high.stream, highBack.stream, high.from, highBack.from]).toEqual([2, 2, 0, 1])
    })

    it('should keep a host talking to itself on one port as one endpoint pair, always from side 0', () => {
      const tracker = new TcpTracker()
      const self = v4([127, 0, 0, 1], [127, 0, 0, 1])
      const a = tracker.track(segment(self, 5000, 5000))
      const b = tracker.track(segment(self, 5000, 5000, { frame: 2 }))
      expect([a.stream, b.stream, a.from, b.from]).toEqual([0, 0, 0, 0])
    })

    it('should keep IPv4 and IPv6 conversations apart, even when the numbers coincide', () => {
      const tracker = new TcpTracker()
      const mapped = (last: number) => Uint8Array.from({ length: 16 }, (_, i) => (i === 15 ? last : 0))
      const four = tracker.track(segment(v4([0, 0, 0, 0], [0, 0, 0, 1]), 1, 2))
      const six = tracker.track(segment(new Uint8Array([...mapped(0), ...mapped(1)]), 1, 2))
      const sixBack = tracker.track(segment(new Uint8Array([...mapped(1), ...mapped(0)]), 2, 1))
      expect([four.stream, six.stream, sixBack.stream, sixBack.from]).toEqual([0, 1, 1, 1])
      expect(() => tracker.track(segment(new Uint8Array(12), 1, 2))).toThrow(RangeError)
    })

    it('should fill a reused analysis with what a new one would say', () => {
      const fresh = new TcpTracker()
      const reusing = new TcpTracker()
      let reused: TcpFrameAnalysis | undefined
      const addresses = v4([10, 0, 0, 1], [10, 0, 0, 2])
      const back = v4([10, 0, 0, 2], [10, 0, 0, 1])
      const script: TcpSegment[] = [
        segment(addresses, 40000, 80, { frame: 1, flags: 0x002, seq: 5 }),
        segment(back, 80, 40000, { frame: 2, nsec: 1000, flags: 0x012, seq: 9, ack: 6 }),
        segment(addresses, 40000, 80, { frame: 3, nsec: 2000, flags: 0x018, seq: 6, ack: 10, length: 10 }),
        segment(back, 80, 40000, { frame: 4, nsec: 9000, seq: 10, ack: 16 }),
        segment(addresses, 40000, 80, { frame: 5, nsec: 9000, flags: 0x018, seq: 6, ack: 10, length: 10 }),
      ]
      for (const seg of script) {
        const expected = fresh.track(seg)
        const got = reusing.track(seg, reused)
        if (reused) expect(got).toBe(reused)
        reused = got
        expect(got).toEqual(expected)
      }
      expect(reused!.ackRtt).toBeUndefined()
      expect(verdictCodes(reused!.flags)).toEqual(['spurious-retransmission'])
    })
  })
})

describe('tcp/verdicts', () => {
  it('should give each verdict as data: code, severity and evidence frames', async () => {
    const frames = await analyse(fixture('tcp-scenario-retransmission-timeout').bytes())
    expect(verdictsOf(frames[4]!)).toEqual([{ code: 'retransmission', severity: 'note', frames: [4] }])
    const dup = await analyse(fixture('tcp-scenario-fast-retransmission').bytes())
    expect(verdictsOf(dup[10]!)).toEqual([{ code: 'duplicate-ack', severity: 'note', frames: [10] }])
    expect(verdictsOf(dup[13]!).map((v) => v.code)).toEqual(['fast-retransmission'])
    expect(verdictsOf(dup[6]!)).toEqual([{ code: 'lost-segment', severity: 'warn', frames: [] }])
  })
})

import { describe, expect, it } from 'vitest'
import { openCaptureBytes } from '../../../../main/capture/open'
import { DecodePass } from '../../../../main/decode/pass'
import type { TcpFrameAnalysis } from '../../../../main/tcp/result'
import { verdictCodes } from '../../../../main/tcp/verdicts'
import { SegmentBuilder, linuxSynOptions } from '../../../fixtures/segments'
import { fixture } from '../../../fixtures/catalog'

async function analyse(bytes: Uint8Array): Promise<TcpFrameAnalysis[]> {
  const reader = await openCaptureBytes(bytes)
  const pass = new DecodePass(reader.info)
  const out: TcpFrameAnalysis[] = []
  for await (const batch of reader.batches()) for (const raw of batch) out.push(pass.decode(raw).tcpAnalysis!)
  return out
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
})

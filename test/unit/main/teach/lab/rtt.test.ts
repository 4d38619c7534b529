import { beforeAll, describe, expect, it } from 'vitest'
import type { LabReport } from '../../../../../preload/contract/dto'
import { estimatedRtts, RTT_ALPHA } from '../../../../../main/teach/lab/rtt'
import { labOf } from '../../../../fixtures/teaching-views'
import { longDownloadCapture } from '../../../../fixtures/lesson-captures'

describe('teach/lab/rtt: EstimatedRTT', () => {
  it('should start at the first sample and move 1/8 of the way to each new one', () => {
    // By hand: 20; 0.875 × 20 + 0.125 × 28 = 21; 0.875 × 21 + 0.125 × 13 = 20.
    expect(estimatedRtts([20, 28, 13])).toEqual([20, 21, 20])
    expect(RTT_ALPHA).toBe(0.125)
  })

  it('should take another α when one is given', () => {
    expect(estimatedRtts([10, 20], 0.5)).toEqual([10, 15])
  })

  it('should give nothing for no samples', () => {
    expect(estimatedRtts([])).toEqual([])
  })
})

describe('teach/lab/rtt: samples from a capture', () => {
  let timeout: LabReport
  let fast: LabReport
  let download: LabReport
  beforeAll(async () => {
    timeout = await labOf('tcp-scenario-retransmission-timeout')
    fast = await labOf('tcp-scenario-fast-retransmission')
    download = await labOf(longDownloadCapture(40))
  })

  it("should leave out an ACK of retransmitted bytes (Karn's rule) and say so", () => {
    // Frame 7 acknowledges the data sent three times (frames 4, 5, 6): its 650 ms is no RTT.
    expect(timeout.rtt.samples.map((s) => s.frame)).toEqual([2])
    const rtt = timeout.answers.find((a) => a.id === 'rtt')!
    expect(rtt.answer.join('\n')).toContain('Left out: frame 7')
    expect(rtt.answer.join('\n')).toContain('Karn')
    expect(rtt.frames).toContain(7)
  })

  it('should not mix the two directions into one estimate', () => {
    // The client's segments are acknowledged after 20 ms; the server's SYN-ACK after 0.1 ms.
    expect(fast.rtt.samples.map((s) => [s.frame, s.acked, s.rtt])).toEqual([
      [2, 1, 0.02],
      [5, 4, 0.02],
    ])
    expect(fast.answers.find((a) => a.id === 'rtt')!.answer.join('\n')).toContain('Not mixed in: the samples of the server’s segments')
  })

  it("should estimate the direction whose samples cross the network, not the near side's ACK delay", () => {
    // Captured next to the client: the server's 40 segments are acknowledged 0.01 ms after they
    // pass, the client's SYN and request after a 12 ms round trip through the network.
    const { samples } = download.rtt
    expect(samples.length).toBeGreaterThanOrEqual(2)
    for (const s of samples) expect(s.rtt).toBeGreaterThan(0.01)
    const expected = estimatedRtts(samples.map((s) => s.rtt))
    samples.forEach((s, i) => expect(s.estimated).toBeCloseTo(expected[i]!, 12))
    const lines = download.answers.find((a) => a.id === 'rtt')!.answer
    expect(lines[0]).toContain('the client’s segments')
    expect(lines.some((l) => l.startsWith('Not mixed in: the samples of the server’s segments'))).toBe(true)
  })
})

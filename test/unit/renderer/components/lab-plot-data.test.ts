import { beforeAll, describe, expect, it } from 'vitest'
import type { LabReport } from '../../../../preload/contract/api'
import { plottedDirections, rttPlotData, timeSequencePlotData } from '../../../../renderer/src/components/lab/plot-data'
import { labOf } from '../../../fixtures/teaching-views'

let fast: LabReport
let refused: LabReport

beforeAll(async () => {
  fast = await labOf('tcp-scenario-fast-retransmission')
  refused = await labOf('tcp-scenario-syn-retries')
}, 60_000)

describe('lab/plot-data: the RTT plot', () => {
  it('should plot each sample and the EstimatedRTT in ms against the time since the first frame', () => {
    const d = rttPlotData(fast.rtt.samples)
    expect(d.time).toEqual(fast.rtt.samples.map((s) => s.time))
    expect(d.sample.map((v) => +v.toFixed(3))).toEqual([20, 20])
    expect(d.estimated.map((v) => +v.toFixed(3))).toEqual([20, 20])
  })
})

describe('lab/plot-data: the time-sequence graph', () => {
  it("should put the sender's segments and the peer's ACKs on one time axis, in time order", () => {
    const server = fast.timeSequence[0]!
    const d = timeSequencePlotData(server)
    expect(d.time.length).toBe(server.segments.length + server.acks.length)
    for (let i = 1; i < d.time.length; i++) expect(d.time[i]!).toBeGreaterThanOrEqual(d.time[i - 1]!)
    for (const column of [d.seq, d.retransmitted, d.end, d.ack, d.windowEdge]) expect(column.length).toBe(d.time.length)
  })

  it('should keep the retransmission apart from new data, with its bar from seq to end', () => {
    const d = timeSequencePlotData(fast.timeSequence[0]!)
    const i = d.retransmitted.findIndex((v) => v !== null)
    expect([d.retransmitted[i], d.end[i], d.seq[i]]).toEqual([1001, 2001, null])
    expect(d.seq.filter((v) => v !== null)).toEqual([0, 1, 2001, 3001, 4001])
  })

  it("should draw the ACK line and the window's right edge where the peer acknowledged", () => {
    const d = timeSequencePlotData(fast.timeSequence[0]!)
    const last = d.time.length - 1
    expect([d.ack[last], d.windowEdge[last], d.seq[last]]).toEqual([5001, 5001 + 64256, null])
  })

  it('should offer only the directions that sent something that takes sequence numbers', () => {
    expect(plottedDirections(fast.timeSequence).map((s) => s.sender)).toEqual(['server', 'client'])
    expect(plottedDirections(refused.timeSequence).map((s) => s.sender)).toEqual(['client'])
  })
})

// The data the lab's uPlot charts draw, built from the lab report: pure functions, so what a
// chart shows is tested without a canvas. uPlot wants one x array shared by every series, with
// null where a series has no point.
import type { RttSample, TimeSequenceSeries } from '../../../../preload/contract/dto'

export type Column = (number | null)[]

/** The RTT plot: x = seconds since the connection's first frame; SampleRTT and EstimatedRTT in ms. */
export interface RttPlotData {
  time: number[]
  sample: number[]
  estimated: number[]
}

export function rttPlotData(samples: readonly RttSample[]): RttPlotData {
  return {
    time: samples.map((s) => s.time),
    sample: samples.map((s) => s.rtt * 1000),
    estimated: samples.map((s) => s.estimated * 1000),
  }
}

/**
 * Stevens' graph of one direction: each segment's seq (new data and retransmissions apart) and
 * its end (the bar's top), the peer's ACK line and the window's right edge, all against time.
 */
export interface TimeSequencePlotData {
  time: number[]
  seq: Column
  retransmitted: Column
  /** The segment's end (seq + what it consumed), at the same x as its seq: the top of its bar. */
  end: Column
  ack: Column
  windowEdge: Column
}

type Event = { time: number; order: number } & ({ kind: 'segment'; seq: number; end: number; retransmission: boolean } | { kind: 'ack'; ack: number; windowEdge: number })

export function timeSequencePlotData(series: TimeSequenceSeries): TimeSequencePlotData {
  const events: Event[] = [
    ...series.segments.map((s) => ({ kind: 'segment' as const, time: s.time, order: s.frame, seq: s.seq, end: s.end, retransmission: s.retransmission })),
    ...series.acks.map((a) => ({ kind: 'ack' as const, time: a.time, order: a.frame, ack: a.ack, windowEdge: a.windowEdge })),
  ].sort((a, b) => a.time - b.time || a.order - b.order)
  const out: TimeSequencePlotData = { time: [], seq: [], retransmitted: [], end: [], ack: [], windowEdge: [] }
  for (const e of events) {
    out.time.push(e.time)
    const segment = e.kind === 'segment' ? e : null
    out.seq.push(segment && !segment.retransmission ? segment.seq : null)
    out.retransmitted.push(segment && segment.retransmission ? segment.seq : null)
    out.end.push(segment ? segment.end : null)
    out.ack.push(e.kind === 'ack' ? e.ack : null)
    out.windowEdge.push(e.kind === 'ack' ? e.windowEdge : null)
  }
  return out
}

/** The directions worth a graph: those that sent anything that takes sequence numbers. */
export function plottedDirections(series: readonly TimeSequenceSeries[]): TimeSequenceSeries[] {
  return series.filter((s) => s.segments.length > 0)
}

// Stevens' time-sequence graph as data: for each direction, the segments that took sequence
// numbers (seq → end, against time) and the peer's ACKs (the acknowledged line and the window's
// right edge, ack + window). The direction that sent more data comes first.
import type { TimeSequenceSeries } from '../../../preload/contract/dto'
import { TCP_FLAG } from '../../tcp/segment'
import type { Role, Step } from '../../tcp/step'
import { advertisesWindow, consumesSequence, hasFlag, isRetransmission, rolesByData, segmentEnd } from './segments'

function seriesOf(steps: readonly Step[], sender: Role): TimeSequenceSeries {
  const segments = steps
    .filter((s) => s.from === sender && consumesSequence(s))
    .map((s) => ({ frame: s.frame, time: s.time, seq: s.segment.seq, end: segmentEnd(s), retransmission: isRetransmission(s) }))
  const acks = steps
    .filter((s) => s.from !== sender && hasFlag(s, TCP_FLAG.ACK) && advertisesWindow(s))
    .map((s) => ({ frame: s.frame, time: s.time, ack: s.segment.ack, windowEdge: s.segment.ack + s.segment.window }))
  return { sender, segments, acks }
}

/** Both directions, the one that sent more data first. */
export function timeSequence(steps: readonly Step[]): TimeSequenceSeries[] {
  return rolesByData(steps).map((role) => seriesOf(steps, role))
}

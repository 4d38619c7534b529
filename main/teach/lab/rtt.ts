// RTT samples and the EstimatedRTT (RFC 6298 §2, the textbook's exponentially weighted moving
// average): each ACK that Wireshark times (tcp.analysis.ack_rtt) is a sample of the direction
// whose segments it acknowledges. One direction is estimated: the one whose samples cross the
// network (see measuredDirection). Karn's rule leaves out an ACK that covers retransmitted numbers, since
// it cannot tell which copy it answers.
import type { RttSample } from '../../../preload/contract/dto'
import { TCP_FLAG } from '../../tcp/segment'
import { otherRole, type Role, type Step } from '../../tcp/step'
import type { LabFrame } from './lab-input'
import { consumesSequence, hasFlag, isRetransmission, rolesByData, segmentEnd } from './segments'

/** RFC 6298's α (the textbook's): 1/8. */
export const RTT_ALPHA = 0.125

/** A timed ACK: the sample it gives, and whose segments it times. */
export interface RttCandidate {
  frame: number
  acked: number
  time: number
  rtt: number
  /** The sender of the segments acknowledged. */
  measured: Role
  /** Left out by Karn's rule: the ACK covers sequence numbers that were sent more than once. */
  ambiguous: boolean
}

export interface RttAnalysis {
  alpha: number
  /** The direction estimated (null: no timed ACK at all). */
  measured: Role | null
  samples: RttSample[]
  /** That direction's ACKs left out by Karn's rule. */
  karn: RttCandidate[]
  /** The other direction's usable timed ACKs, not mixed in. */
  other: RttCandidate[]
}

/** EstimatedRTT after each sample: it starts at the first, then (1 − α)·EstimatedRTT + α·SampleRTT. */
export function estimatedRtts(samples: readonly number[], alpha = RTT_ALPHA): number[] {
  const out: number[] = []
  for (const sample of samples) out.push(out.length === 0 ? sample : (1 - alpha) * out[out.length - 1]! + alpha * sample)
  return out
}

/** Every timed ACK of the connection, with Karn's verdict. */
export function rttCandidates(steps: readonly Step[], frames: ReadonlyMap<number, LabFrame>): RttCandidate[] {
  const out: RttCandidate[] = []
  const highestAck: Record<Role, number> = { client: -Infinity, server: -Infinity }
  steps.forEach((step, index) => {
    const facts = frames.get(step.frame)
    const acking = hasFlag(step, TCP_FLAG.ACK)
    if (acking && facts?.ackRtt !== undefined && facts.ackedFrame > 0) {
      const measured = otherRole(step.from)
      out.push({ frame: step.frame, acked: facts.ackedFrame, time: step.time, rtt: facts.ackRtt, measured, ambiguous: coversRetransmission(steps, index, highestAck[step.from]) })
    }
    if (acking) highestAck[step.from] = Math.max(highestAck[step.from], step.segment.ack)
  })
  return out
}

/** Whether the ACK at `index` newly acknowledges numbers (above `previousAck`) that were sent twice. */
function coversRetransmission(steps: readonly Step[], index: number, previousAck: number): boolean {
  const ack = steps[index]!
  const measured = otherRole(ack.from)
  for (let i = 0; i < index; i++) {
    const s = steps[i]!
    if (s.from !== measured || !consumesSequence(s) || !isRetransmission(s)) continue
    if (s.segment.seq < ack.segment.ack && segmentEnd(s) > previousAck) return true
  }
  return false
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * The direction whose samples time a round trip through the network: the one with the longer
 * median sample. The capture point sits near one end; the segments of the side it sits next to
 * are timed out to the far end and back, while the far side's segments are timed only from the
 * capture point to the near end's ACK (its ACK delay). On a tie, the side that sent more data.
 */
function measuredDirection(candidates: readonly RttCandidate[], byData: readonly Role[]): Role | null {
  const usable = (r: Role) => candidates.filter((c) => c.measured === r && !c.ambiguous).map((c) => c.rtt)
  const withSamples = byData.filter((r) => usable(r).length > 0)
  if (withSamples.length === 2) return median(usable(byData[1]!)) > median(usable(byData[0]!)) ? byData[1]! : byData[0]!
  return withSamples[0] ?? byData.find((r) => candidates.some((c) => c.measured === r)) ?? null
}

/** The samples of one direction and their EstimatedRTT. */
export function rttAnalysis(steps: readonly Step[], frames: ReadonlyMap<number, LabFrame>, alpha = RTT_ALPHA): RttAnalysis {
  const candidates = rttCandidates(steps, frames)
  const measured = measuredDirection(candidates, rolesByData(steps))
  const own = candidates.filter((c) => c.measured === measured)
  const kept = own.filter((c) => !c.ambiguous)
  const estimated = estimatedRtts(
    kept.map((c) => c.rtt),
    alpha,
  )
  return {
    alpha,
    measured,
    samples: kept.map((c, i) => ({ frame: c.frame, acked: c.acked, time: c.time, rtt: c.rtt, estimated: estimated[i]! })),
    karn: own.filter((c) => c.ambiguous),
    other: candidates.filter((c) => c.measured !== measured && !c.ambiguous),
  }
}

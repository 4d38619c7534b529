// The lab assistant: the standard TCP lab questions answered from one connection of the capture,
// each with the frames the answer rests on, in zh-CN or en; the RTT samples with their
// EstimatedRTT, Stevens' time-sequence graph and the per-field tables of the handshake and
// teardown segments.
import type { LabReport } from '../../../preload/contract/dto'
import type { ConnectionTimeline, Step } from '../../tcp/step'
import type { Lang } from '../lang'
import { cumulativeAnswer } from './answer-cumulative'
import { retransmissionAnswer } from './answer-retransmissions'
import { rttAnswer } from './answer-rtt'
import { throughputAnswer } from './answer-throughput'
import { windowAnswer } from './answer-window'
import { endpointsAnswer, firstDataAnswer, synAckAnswer, synAnswer } from './answers-handshake'
import { fieldTables } from './field-table'
import type { LabInput } from './lab-input'
import { rttAnalysis } from './rtt'
import { timeSequence } from './time-sequence'
import { formatAnswer } from './words'

export type { LabFrame, LabInput } from './lab-input'

/** The frames whose field trees the per-field table shows: the handshake and teardown segments. */
export function labFieldFrames(timeline: ConnectionTimeline & { steps: Step[] }): number[] {
  return timeline.steps.filter((s) => s.step.length > 0).map((s) => s.frame)
}

/** The lab answers for one connection. */
export function labReport(input: LabInput, lang: Lang): LabReport {
  const { timeline } = input
  const rtt = rttAnalysis(timeline.steps, input.frames)
  const drafts = [
    endpointsAnswer(input),
    synAnswer(input),
    synAckAnswer(input),
    firstDataAnswer(input),
    rttAnswer(rtt, [timeline.firstFrame, timeline.lastFrame]),
    windowAnswer(input),
    retransmissionAnswer(input),
    cumulativeAnswer(input),
    throughputAnswer(input),
  ]
  return {
    stream: timeline.stream,
    lang,
    answers: drafts.map((d) => formatAnswer(d, lang)),
    rtt: { alpha: rtt.alpha, samples: rtt.samples },
    timeSequence: timeSequence(timeline.steps),
    fieldTables: fieldTables(timeline, input.trees, lang),
  }
}

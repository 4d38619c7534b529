// The cumulative-ACK question: an ACK that acknowledges more than one data segment at once, named
// with its numbers, and how many ACKs did so.
import { TCP_FLAG } from '../../tcp/segment'
import { otherRole, type Step } from '../../tcp/step'
import { m, type Msg } from '../catalog'
import type { LabInput } from './lab-input'
import { carriesData, hasFlag } from './segments'
import { frame, frames, role, type AnswerDraft } from './words'

export interface CumulativeAck {
  ack: Step
  /** The data segments it newly acknowledges (one per sequence range: a retransmission is not counted again). */
  covers: Step[]
}

/** Every ACK that acknowledges new data, with the data segments it covers. */
export function acksOfData(steps: readonly Step[]): CumulativeAck[] {
  const out: CumulativeAck[] = []
  const highest = { client: -Infinity, server: -Infinity }
  steps.forEach((step, index) => {
    if (!hasFlag(step, TCP_FLAG.ACK) || hasFlag(step, TCP_FLAG.RST)) return
    const previous = highest[step.from]
    const ack = step.segment.ack
    if (ack <= previous) return
    highest[step.from] = ack
    const seen = new Set<number>()
    const covers = steps.slice(0, index).filter((s) => {
      if (s.from !== otherRole(step.from) || !carriesData(s)) return false
      const end = s.segment.seq + s.segment.length
      if (end > ack || end <= previous || seen.has(s.segment.seq)) return false
      seen.add(s.segment.seq)
      return true
    })
    if (covers.length > 0) out.push({ ack: step, covers })
  })
  return out
}

export function cumulativeAnswer(input: LabInput): AnswerDraft {
  const steps = input.timeline.steps
  const question = m('lab.q.cumulative-acks')
  const acks = acksOfData(steps)
  if (acks.length === 0) return { id: 'cumulative-acks', question, lines: [m('lab.cumulative.noData')], frames: [input.timeline.firstFrame, input.timeline.lastFrame] }
  const cumulative = acks.filter((a) => a.covers.length > 1)
  if (cumulative.length === 0) return { id: 'cumulative-acks', question, lines: [m('lab.cumulative.none', { n: acks.length })], frames: acks.slice(0, 4).map((a) => a.ack.frame) }
  const example = cumulative[0]!
  const first = example.covers[0]!
  const lines: Msg[] = [
    m('lab.cumulative.example', {
      frame: frame(example.ack.frame),
      who: role(example.ack.from),
      peer: role(otherRole(example.ack.from)),
      ack: example.ack.segment.ack,
      rawAck: example.ack.segment.rawAck,
      count: example.covers.length,
      segments: frames(example.covers.map((s) => s.frame)),
      from: Math.min(...example.covers.map((s) => s.segment.seq)),
      upTo: example.ack.segment.ack - 1,
    }),
    m('lab.cumulative.count', { n: cumulative.length, total: acks.length }),
    m('lab.cumulative.why'),
  ]
  return { id: 'cumulative-acks', question, lines, frames: [example.ack.frame, first.frame, ...example.covers.map((s) => s.frame)] }
}

// The throughput question: for each direction, the data bytes (each sequence number once) over
// the time from its first to its last data segment, in bytes/s and bit/s.
import { otherRole, type Role, type Step } from '../../tcp/step'
import { m, type Msg } from '../catalog'
import type { LabInput } from './lab-input'
import { carriesData, distinctDataBytes, rolesByData } from './segments'
import { frame, ms, role, type AnswerDraft } from './words'

export interface Throughput {
  sender: Role
  bytes: number
  first: Step
  last: Step
  /** Seconds from the first data segment to the last. */
  seconds: number
  /** Bytes per second (null: one segment only, no interval). */
  rate: number | null
}

export function throughputOf(steps: readonly Step[], sender: Role): Throughput | null {
  const data = steps.filter((s) => s.from === sender && carriesData(s))
  if (data.length === 0) return null
  const first = data[0]!
  const last = data[data.length - 1]!
  const seconds = last.time - first.time
  const bytes = distinctDataBytes(steps, sender)
  return { sender, bytes, first, last, seconds, rate: seconds > 0 ? bytes / seconds : null }
}

/** A rate in bit/s the way a lab sheet writes it: 1.887 Mbit/s, 56.000 kbit/s, 950 bit/s. */
export function bitRate(bitsPerSecond: number): string {
  if (bitsPerSecond >= 1e9) return `${(bitsPerSecond / 1e9).toFixed(3)} Gbit/s`
  if (bitsPerSecond >= 1e6) return `${(bitsPerSecond / 1e6).toFixed(3)} Mbit/s`
  if (bitsPerSecond >= 1e3) return `${(bitsPerSecond / 1e3).toFixed(3)} kbit/s`
  return `${bitsPerSecond.toFixed(0)} bit/s`
}

function line(t: Throughput | null, sender: Role): Msg {
  const p = { from: role(sender), to: role(otherRole(sender)) }
  if (!t) return m('lab.throughput.noData', p)
  if (t.rate === null) return m('lab.throughput.oneSegment', { ...p, bytes: t.bytes, frame: frame(t.first.frame) })
  return m('lab.throughput.rate', {
    ...p,
    bytes: t.bytes,
    time: ms(t.seconds),
    first: frame(t.first.frame),
    last: frame(t.last.frame),
    rate: Math.round(t.rate),
    bits: Math.round(t.rate * 8),
    human: bitRate(t.rate * 8),
  })
}

export function throughputAnswer(input: LabInput): AnswerDraft {
  const steps = input.timeline.steps
  const all = rolesByData(steps).map((sender) => ({ sender, t: throughputOf(steps, sender) }))
  const question = m('lab.q.throughput')
  if (all.every((x) => !x.t)) return { id: 'throughput', question, lines: [m('lab.throughput.none')], frames: [input.timeline.firstFrame, input.timeline.lastFrame] }
  const lines = [...all.map((x) => line(x.t, x.sender)), m('lab.throughput.how')]
  const used = all.flatMap((x) => (x.t ? [x.t.first.frame, x.t.last.frame] : []))
  return { id: 'throughput', question, lines, frames: used }
}

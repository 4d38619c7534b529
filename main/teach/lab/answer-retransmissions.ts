// The retransmission question: each segment sent again, and how its loss was detected: the
// retransmission timer ran out (RTO), duplicate ACKs asked for it (fast retransmit), or it was
// not needed at all (spurious); a SYN, SYN-ACK or FIN sent again after its timer ran out.
import type { Note, Step } from '../../tcp/step'
import { m, type Msg } from '../catalog'
import type { LabInput } from './lab-input'
import { isRetransmission } from './segments'
import { frame, frames, LISTED, ms, role, type AnswerDraft } from './words'

export type Detection = 'timeout' | 'fast' | 'spurious' | 'syn' | 'syn-ack' | 'fin'

export interface Retransmission {
  step: Step
  detection: Detection
  /** The copy sent before this one (0: not captured). */
  previous: number
  /** The frames that show how it was detected (duplicate ACKs, the ACKs that made it spurious). */
  evidence: number[]
}

const noteOf = (step: Step, code: Note['code']): Note | undefined => step.notes.find((n) => n.code === code)

function detectionOf(step: Step): { detection: Detection; evidence: number[] } {
  if (step.kind === 'syn-retry') return { detection: 'syn', evidence: [] }
  if (step.kind === 'syn-ack-retry') return { detection: 'syn-ack', evidence: noteOf(step, 'synack-retry')?.frames ?? [] }
  const fast = noteOf(step, 'fast-retransmission')
  if (fast) return { detection: 'fast', evidence: fast.frames }
  const spurious = noteOf(step, 'spurious-retransmission')
  if (spurious) return { detection: 'spurious', evidence: spurious.frames }
  return { detection: step.kind === 'fin-retry' ? 'fin' : 'timeout', evidence: [] }
}

/** The latest earlier copy of the same sequence numbers from the same side (0: none captured). */
function previousCopy(steps: readonly Step[], index: number): number {
  const step = steps[index]!
  for (let i = index - 1; i >= 0; i--) {
    const s = steps[i]!
    if (s.from === step.from && s.segment.seq === step.segment.seq && (s.segment.length > 0 || s.segment.flags === step.segment.flags)) return s.frame
  }
  return 0
}

export function retransmissions(input: LabInput): Retransmission[] {
  const steps = input.timeline.steps
  const out: Retransmission[] = []
  steps.forEach((step, index) => {
    if (!isRetransmission(step)) return
    out.push({ step, previous: previousCopy(steps, index), ...detectionOf(step) })
  })
  return out
}

function line(r: Retransmission, steps: readonly Step[]): Msg {
  const s = r.step.segment
  const previous = r.previous > 0 ? steps.find((x) => x.frame === r.previous) : undefined
  const gap = previous ? ms(r.step.time - previous.time) : undefined
  const p = { frame: frame(r.step.frame), who: role(r.step.from), seq: s.seq, len: Math.max(0, s.length) }
  switch (r.detection) {
    case 'syn':
      return gap ? m('lab.retx.syn', { ...p, gap, previous: frame(r.previous) }) : m('lab.retx.synPlain', p)
    case 'syn-ack':
      return gap ? m('lab.retx.synAck', { ...p, gap, previous: frame(r.previous) }) : m('lab.retx.synAckPlain', p)
    case 'fin':
      return gap ? m('lab.retx.fin', { ...p, gap, previous: frame(r.previous) }) : m('lab.retx.finPlain', p)
    case 'fast':
      return r.previous > 0 ? m('lab.retx.fast', { ...p, count: r.evidence.length, dupAcks: frames(r.evidence), previous: frame(r.previous) }) : m('lab.retx.fastUnseen', { ...p, count: r.evidence.length, dupAcks: frames(r.evidence) })
    case 'spurious':
      return r.evidence.length > 0 ? m('lab.retx.spurious', { ...p, acks: frames(r.evidence) }) : m('lab.retx.spuriousPlain', p)
    default:
      return gap ? m('lab.retx.timeout', { ...p, gap, previous: frame(r.previous) }) : m('lab.retx.timeoutUnseen', p)
  }
}

function counts(list: readonly Retransmission[]): Msg {
  const n = (d: Detection[]) => list.filter((r) => d.includes(r.detection)).length
  return m('lab.retx.summary', { n: list.length, timeout: n(['timeout', 'syn', 'syn-ack', 'fin']), fast: n(['fast']), spurious: n(['spurious']) })
}

export function retransmissionAnswer(input: LabInput): AnswerDraft {
  const steps = input.timeline.steps
  const list = retransmissions(input)
  const question = m('lab.q.retransmissions')
  if (list.length === 0) return { id: 'retransmissions', question, lines: [m('lab.retx.none')], frames: [input.timeline.firstFrame, input.timeline.lastFrame] }
  const lines: Msg[] = [counts(list), ...list.slice(0, LISTED).map((r) => line(r, steps))]
  if (list.length > LISTED) lines.push(m('lab.retx.more', { n: list.length - LISTED }))
  lines.push(m('lab.retx.how'))
  const used = list.slice(0, LISTED).flatMap((r) => [r.step.frame, ...(r.previous > 0 ? [r.previous] : []), ...r.evidence])
  return { id: 'retransmissions', question, lines, frames: used }
}

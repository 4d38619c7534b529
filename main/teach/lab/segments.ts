// Facts about a connection's steps that several lab answers read: where a segment ends, whether
// it carries data, whether it is a retransmission, and the sides' roles and data.
import { TCP_FLAG } from '../../tcp/segment'
import { otherRole, type NoteCode, type Role, type Step, type StepKind } from '../../tcp/step'

/** The notes that make a step a retransmission of something sent before. */
const RETRANSMISSION_NOTES: ReadonlySet<NoteCode> = new Set<NoteCode>(['retransmission', 'fast-retransmission', 'spurious-retransmission', 'syn-retry', 'synack-retry'])
const RETRY_KINDS: ReadonlySet<StepKind> = new Set<StepKind>(['syn-retry', 'syn-ack-retry', 'fin-retry'])

export const hasFlag = (step: Step, bit: number): boolean => (step.segment.flags & bit) !== 0

/** The sequence number after this segment: its seq plus what its SYN, data and FIN consume. */
export function segmentEnd(step: Step): number {
  if (step.segment.nextSeq >= 0) return step.segment.nextSeq
  return step.segment.seq + Math.max(0, step.segment.length)
}

export const carriesData = (step: Step): boolean => step.segment.length > 0

/** A segment that takes sequence numbers: data, a SYN or a FIN. */
export const consumesSequence = (step: Step): boolean => carriesData(step) || hasFlag(step, TCP_FLAG.SYN | TCP_FLAG.FIN)

/** A copy of something the sender had sent before (timeout, fast or spurious; SYN, SYN-ACK or FIN again). */
export function isRetransmission(step: Step): boolean {
  return RETRY_KINDS.has(step.kind) || step.notes.some((n) => RETRANSMISSION_NOTES.has(n.code))
}

/** An ACK that tells the window (not a RST, whose window means nothing). */
export const advertisesWindow = (step: Step): boolean => !hasFlag(step, TCP_FLAG.RST)

/** Data bytes a side sent, each sequence number counted once (retransmissions are not counted again). */
export function distinctDataBytes(steps: readonly Step[], role: Role): number {
  const data = steps.filter((s) => s.from === role && carriesData(s))
  if (data.length === 0) return 0
  const first = Math.min(...data.map((s) => s.segment.seq))
  const last = Math.max(...data.map((s) => s.segment.seq + s.segment.length))
  return last - first
}

/** The side that sent more data first (the client on a tie): the direction a lab looks at first. */
export function rolesByData(steps: readonly Step[]): [Role, Role] {
  const main: Role = distinctDataBytes(steps, 'server') > distinctDataBytes(steps, 'client') ? 'server' : 'client'
  return [main, otherRole(main)]
}

/** The first step of a kind, if any. */
export function firstOfKind(steps: readonly Step[], kind: StepKind): Step | undefined {
  return steps.find((s) => s.kind === kind)
}

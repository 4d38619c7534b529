// A step of the engine (main/tcp/step.ts) as the contract carries it: its numbers, its state
// changes and its notes as plain JSON data. The narrative and the flow graph both send steps.
import type { SegmentFacts, StateChangeDto, StepMark } from '../../preload/contract/dto'
import type { Step } from '../tcp/step'
import { flagNames } from '../teach'

export function segmentFacts(step: Step): SegmentFacts {
  const s = step.segment
  return {
    flags: s.flags,
    flagNames: flagNames(s.flags),
    relative: s.relative,
    seq: s.seq,
    ack: s.ack,
    rawSeq: s.rawSeq,
    rawAck: s.rawAck,
    length: s.length,
    nextSeq: s.nextSeq,
    windowRaw: s.windowRaw,
    window: s.window,
  }
}

export function stateChanges(step: Step): StateChangeDto[] {
  return step.changes.map(({ role, from, to, reason }) => ({ role, from, to, reason }))
}

export function stepMarks(step: Step): StepMark[] {
  return step.notes.map(({ code, frames, values }) => (values ? { code, frames: [...frames], values: { ...values } } : { code, frames: [...frames] }))
}

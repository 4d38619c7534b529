// Quiz questions made from any connection's narrative: before a step is revealed, the student
// predicts its flags, its seq and ack, the states the endpoints enter, or whether it is a
// retransmission. Every question is answered by the capture itself (the step's facts) and
// explained by the narrative's words. Opening and closing steps get the most questions; a data
// phase only its instructive moments (the first segment and ACK of each side, retransmissions and
// what follows them), so a 10,000-segment download still asks a handful.
import type { ConnectionNarrative, NarrativeStep, RoleName, TcpStateName } from '../../../preload/contract/api'
import { ackExplanation, flagsExplanation, retransmissionExplanation, seqExplanation, stateExplanation } from './quiz-explanation'
import { RFC_STATES } from '../diagram/state-machine'

export type QuizKind = 'flags' | 'seq' | 'ack' | 'state' | 'retransmission'

/** The flags a student chooses among (the others, URG, ECE and CWR, are not asked). */
export const QUIZ_FLAGS = ['SYN', 'ACK', 'FIN', 'RST', 'PSH'] as const
/** The states a student chooses among: RFC 9293's eleven. */
export const QUIZ_STATES: readonly TcpStateName[] = RFC_STATES
export const YES_NO = ['yes', 'no'] as const

/** How a question is answered: a number typed, several choices, or one choice. */
export type QuizExpected = { type: 'number'; value: number } | { type: 'set'; values: string[] } | { type: 'choice'; value: string }

export interface QuizQuestion {
  /** Stable across languages: `${frame}:${kind}` (`:${role}` for a state). */
  id: string
  /** The step's index in narrative.steps, and its frame. */
  step: number
  frame: number
  kind: QuizKind
  /** Who sends the segment, and whose state is asked (the sender unless a state question says otherwise). */
  sender: RoleName
  role: RoleName
  /** True when the role asked about receives the segment. */
  receives: boolean
  choices: readonly string[]
  expected: QuizExpected
  /** Why the answer is what it is, in the narrative's language. */
  explanation: string[]
}

/** At most this many questions before one step, and this many data-phase steps asked about. */
export const MAX_QUESTIONS_PER_STEP = 4
export const MAX_DATA_STEPS = 8

const FLAG_ACK = 0x10
const RETRY_KINDS = new Set(['syn-retry', 'syn-ack-retry', 'fin-retry'])
const RETRANSMISSION_MARKS = new Set(['retransmission', 'fast-retransmission', 'spurious-retransmission'])
/** Marks after which the next data segment may or may not be a retransmission: a question worth asking. */
const TROUBLE_MARKS = new Set(['duplicate-ack', 'lost-segment', 'zero-window', 'out-of-order'])
/** Marks of segments Wireshark may call retransmissions that are not (or that look like one). */
const LOOKALIKE_MARKS = new Set(['simultaneous-open', 'out-of-order'])
const LOOKALIKE_KINDS = new Set(['keep-alive', 'window-probe'])

/** Lower asks first when a step has more candidates than MAX_QUESTIONS_PER_STEP. */
const PRIORITY: Record<QuizKind, number> = { flags: 0, retransmission: 1, state: 2, ack: 3, seq: 4 }
/** The order a step's questions are read in. */
const READING_ORDER: Record<QuizKind, number> = { flags: 0, seq: 1, ack: 2, state: 3, retransmission: 4 }

function isRetransmission(step: NarrativeStep): boolean {
  return RETRY_KINDS.has(step.kind) || step.marks.some((mark) => RETRANSMISSION_MARKS.has(mark.code))
}

/** Whether a frame the step refers to has been revealed before it (steps are in frame order). */
function revealedBefore(frame: number | undefined, step: NarrativeStep): boolean {
  return frame !== undefined && frame < step.frame
}

function question(step: NarrativeStep, index: number, kind: QuizKind, expected: QuizExpected, choices: readonly string[], explanation: string[], role = step.from): QuizQuestion {
  const id = kind === 'state' ? `${step.frame}:${kind}:${role}` : `${step.frame}:${kind}`
  return { id, step: index, frame: step.frame, kind, sender: step.from, role, receives: role !== step.from, choices, expected, explanation }
}

function flagsQuestion(step: NarrativeStep, index: number): QuizQuestion {
  const values = step.segment.flagNames.filter((name) => (QUIZ_FLAGS as readonly string[]).includes(name))
  return question(step, index, 'flags', { type: 'set', values }, QUIZ_FLAGS, flagsExplanation(step))
}

/** seq can be worked out when it continues a segment already seen; a connection's first SYN is asked as "relative seq" (0). */
function seqQuestion(step: NarrativeStep, index: number, firstSyn: boolean): QuizQuestion | null {
  if (!step.segment.relative) return null
  const predictable = revealedBefore(step.seqFrom, step) || firstSyn
  if (!predictable) return null
  return question(step, index, 'seq', { type: 'number', value: step.segment.seq }, [], seqExplanation(step))
}

/** ack only when the ACK flag is set and the segment it acknowledges has been seen. */
function ackQuestion(step: NarrativeStep, index: number): QuizQuestion | null {
  if ((step.segment.flags & FLAG_ACK) === 0 || !step.segment.relative) return null
  if (!revealedBefore(step.ackOf, step)) return null
  return question(step, index, 'ack', { type: 'number', value: step.segment.ack }, [], ackExplanation(step))
}

/** The sender's state first, then the receiver's; only a change that can be predicted (not "already open when the capture started"). */
function stateQuestions(step: NarrativeStep, index: number): QuizQuestion[] {
  const roles: RoleName[] = step.from === 'client' ? ['client', 'server'] : ['server', 'client']
  return roles
    .filter((role) => step.before[role] !== step.after[role] && step.changes.some((change) => change.role === role && change.reason !== 'mid-stream'))
    .map((role) => question(step, index, 'state', { type: 'choice', value: step.after[role] }, QUIZ_STATES, stateExplanation(step, role), role))
}

function retransmissionQuestion(step: NarrativeStep, index: number): QuizQuestion {
  const answer = isRetransmission(step) ? 'yes' : 'no'
  return question(step, index, 'retransmission', { type: 'choice', value: answer }, YES_NO, retransmissionExplanation(step))
}

/** A retransmission question teaches on a repeat, on a look-alike, and on the segment right after trouble. */
function asksRetransmission(steps: readonly NarrativeStep[], index: number): boolean {
  const step = steps[index]!
  if (isRetransmission(step)) return true
  if (LOOKALIKE_KINDS.has(step.kind) || step.marks.some((mark) => LOOKALIKE_MARKS.has(mark.code))) return true
  const previous = steps[index - 1]
  return step.segment.length > 0 && previous !== undefined && previous.marks.some((mark) => TROUBLE_MARKS.has(mark.code))
}

/** All candidate questions of an opening, closing or abort step. */
function controlStepQuestions(steps: readonly NarrativeStep[], index: number, firstSyn: boolean): QuizQuestion[] {
  const step = steps[index]!
  // A retry repeats what was already asked: only whether it is a repeat.
  if (RETRY_KINDS.has(step.kind)) return [retransmissionQuestion(step, index)]
  const candidates: Array<QuizQuestion | null> = [
    flagsQuestion(step, index),
    seqQuestion(step, index, firstSyn),
    ackQuestion(step, index),
    ...stateQuestions(step, index),
    asksRetransmission(steps, index) ? retransmissionQuestion(step, index) : null,
  ]
  return candidates.filter((candidate): candidate is QuizQuestion => candidate !== null)
}

/** The instructive moments of a data phase, with how much each teaches (lower first). */
function dataStepRank(steps: readonly NarrativeStep[], index: number, firsts: Set<number>): number | null {
  const step = steps[index]!
  if (isRetransmission(step)) return 0
  if (asksRetransmission(steps, index)) return 1
  const previous = steps[index - 1]
  if (step.kind === 'ack' && previous !== undefined && isRetransmission(previous)) return 1
  if (firsts.has(index)) return 2
  return null
}

/** The first data segment and the first ACK of each side. */
function firstsOfEachSide(steps: readonly NarrativeStep[]): Set<number> {
  const firsts = new Set<number>()
  const seen = new Set<string>()
  steps.forEach((step, index) => {
    if (step.phase !== 'data' || (step.kind !== 'data' && step.kind !== 'ack')) return
    const key = `${step.from}:${step.kind}`
    if (seen.has(key)) return
    seen.add(key)
    firsts.add(index)
  })
  return firsts
}

function dataStepQuestions(steps: readonly NarrativeStep[], index: number): QuizQuestion[] {
  const step = steps[index]!
  const candidates: Array<QuizQuestion | null> = [
    seqQuestion(step, index, false),
    ackQuestion(step, index),
    ...stateQuestions(step, index),
    asksRetransmission(steps, index) ? retransmissionQuestion(step, index) : null,
  ]
  return candidates.filter((candidate): candidate is QuizQuestion => candidate !== null)
}

/** The data-phase steps worth a question: at most MAX_DATA_STEPS, the most instructive first. */
function dataStepsAsked(steps: readonly NarrativeStep[]): Set<number> {
  const firsts = firstsOfEachSide(steps)
  const ranked: Array<{ index: number; rank: number }> = []
  steps.forEach((step, index) => {
    if (step.phase !== 'data') return
    const rank = dataStepRank(steps, index, firsts)
    if (rank !== null) ranked.push({ index, rank })
  })
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index)
  return new Set(ranked.slice(0, MAX_DATA_STEPS).map((entry) => entry.index))
}

/** At most MAX_QUESTIONS_PER_STEP, chosen by priority and read in the natural order. */
function chosen(candidates: QuizQuestion[]): QuizQuestion[] {
  return [...candidates]
    .sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind])
    .slice(0, MAX_QUESTIONS_PER_STEP)
    .sort((a, b) => READING_ORDER[a.kind] - READING_ORDER[b.kind] || (a.receives ? 1 : 0) - (b.receives ? 1 : 0))
}

/** The questions of one step (none for a step not worth asking about). */
function stepQuestions(steps: readonly NarrativeStep[], index: number, dataAsked: Set<number>, firstSyn: number): QuizQuestion[] {
  const step = steps[index]!
  if (step.phase === 'data') return dataAsked.has(index) ? chosen(dataStepQuestions(steps, index)) : []
  return chosen(controlStepQuestions(steps, index, index === firstSyn))
}

/** Every question of a connection, step by step in order. */
export function quizQuestions(narrative: Pick<ConnectionNarrative, 'steps'>): QuizQuestion[] {
  const steps = narrative.steps
  const dataAsked = dataStepsAsked(steps)
  const firstSyn = steps.findIndex((step) => step.kind === 'syn')
  return steps.flatMap((_, index) => stepQuestions(steps, index, dataAsked, firstSyn))
}

/** The questions grouped by the step they come before. */
export function questionsByStep(questions: readonly QuizQuestion[]): Map<number, QuizQuestion[]> {
  const byStep = new Map<number, QuizQuestion[]>()
  for (const item of questions) {
    const list = byStep.get(item.step) ?? []
    list.push(item)
    byStep.set(item.step, list)
  }
  return byStep
}

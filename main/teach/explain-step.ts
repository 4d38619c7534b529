// Structured explanations: what each step sent, why its numbers are what they are (as
// arithmetic pointing to earlier frames), which state each side enters and why, what each side
// knows after a handshake step, its notes and the topics it links to. No words here: the
// renderers turn this structure into zh-CN or en, and the UI may read it as it is.
import { otherRole, type ConnectionTimeline, type Note, type Phase, type Role, type RoleStates, type SegmentRef, type StateChange, type Step, type StepKind, type StepSegment } from '../tcp/step'
import { FLAG_NAMES } from '../decode/layers/tcp'
import { TCP_FLAG } from '../tcp/segment'
import { LINUX_TIME_WAIT_SECONDS, RFC_MSL_SECONDS } from '../tcp/states'
import { handshakeKnowledge, type KnowledgeAfterStep } from './knowledge'
import { TOPIC_IDS, topicsForConnection, topicsForStep, type TopicId } from './topics'

const { FIN, SYN, RST, ACK } = TCP_FLAG

/** The flags the narrative names: the eight of RFC 9293 (not AE), lowest bit first. */
const NAMED_FLAGS = FLAG_NAMES.filter(([bit]) => bit <= TCP_FLAG.CWR)

/** Flag names lowest bit first, as Wireshark lists them ("SYN, ACK", "FIN, ACK"). */
export function flagNames(flags: number): string[] {
  return NAMED_FLAGS.filter(([bit]) => flags & bit).map(([, name]) => name)
}

/** What was sent, as Wireshark shows it, with what the narrative reads off the flags and the window. */
export interface SentSegment extends StepSegment {
  flagNames: string[]
  /** The ack field means something only with the ACK flag. */
  hasAck: boolean
  /** window = windowRaw × scale, when the window is scaled (null: not scaled or unknown). */
  scale: number | null
}

/** What one sequence number or a run of them was used for. */
export interface Term {
  what: 'syn' | 'data' | 'fin'
  amount: number
}

/**
 * One line of arithmetic. `seq-*` explain the seq field, `ack-*` the ack field, `next-*` what
 * the segment itself consumes. Frames are in `ref` / `original`.
 */
export type Arithmetic =
  /** The first SYN: relative 0, the raw ISN chosen at random. */
  | { kind: 'seq-isn'; value: number; raw: number; relative: boolean }
  /** A SYN (or SYN-ACK) sent again: the same ISN as `original`. */
  | { kind: 'seq-isn-again'; value: number; raw: number; original: number }
  /** No SYN captured: this first segment's seq − 1 is the base, so it shows 1. */
  | { kind: 'seq-mid-stream'; value: number; raw: number }
  /** seq = ref.seq + what ref consumed. */
  | { kind: 'seq-continues'; value: number; base: number; terms: Term[]; ref: SegmentRef }
  /** seq = ref.seq: ref consumed nothing (a pure ACK). */
  | { kind: 'seq-unchanged'; value: number; ref: SegmentRef }
  /** The sender's previous segment ended at `expected`, this one starts at `value`. */
  | { kind: 'seq-gap'; value: number; expected: number; ref: SegmentRef }
  /** A retransmission: the same seq as `original`. */
  | { kind: 'seq-again'; value: number; original: number }
  /** No earlier segment of its own explains it, but the peer asked for this number (its ack in `frame`). */
  | { kind: 'seq-as-acked'; value: number; frame: number }
  /** A keep-alive: one below the next new number. */
  | { kind: 'seq-keep-alive'; value: number; next: number }
  | { kind: 'seq-plain'; value: number }
  /** No ACK flag: the ack field is not used. */
  | { kind: 'ack-none'; raw: number }
  /** ack = ref.seq + what ref consumed. */
  | { kind: 'ack-of'; value: number; base: number; terms: Term[]; ref: SegmentRef }
  /** The reverse direction's base from the first ACK seen (ack − 1), so it shows 1. */
  | { kind: 'ack-mid-stream'; value: number; raw: number }
  | { kind: 'ack-plain'; value: number }
  /** An ACK acknowledges every byte up to ack − 1 at once. */
  | { kind: 'ack-cumulative'; value: number; upTo: number; ref?: SegmentRef }
  /** next seq = seq + what this segment consumes. */
  | { kind: 'next-seq'; seq: number; terms: Term[]; value: number }
  /** Consumes no sequence number (a pure ACK, a RST): the next segment has the same seq. */
  | { kind: 'next-none'; seq: number; rst: boolean }

export type ChangeCause = 'sent' | 'received' | 'none'

export interface ExplainedChange extends StateChange {
  /** Whether sending this step's segment, or receiving a segment, caused the change. */
  cause: ChangeCause
}

export interface StateExplanation {
  before: RoleStates
  after: RoleStates
  changes: ExplainedChange[]
}

export interface ExplainedNote extends Note {
  /** Added by the narrative (not by the timeline builder). */
  derived?: boolean
  /** The side the note is about, where that is not simply the sender. */
  role?: Role
}

export interface StepExplanation {
  /** Index in the timeline's steps. */
  index: number
  frame: number
  time: number
  phase: Phase
  step: number[]
  from: Role
  to: Role
  kind: StepKind
  label: string
  /** A data-phase step: rendered on one line. */
  compact: boolean
  sent: SentSegment
  arithmetic: Arithmetic[]
  states: StateExplanation
  /** The handshake checklist after this step (handshake steps only). */
  knowledge?: KnowledgeAfterStep
  notes: ExplainedNote[]
  topics: TopicId[]
}

export type CompletenessPart = 'syn' | 'syn-ack' | 'ack' | 'data' | 'fin' | 'rst'
const COMPLETENESS: readonly [CompletenessPart, number][] = [
  ['syn', 1],
  ['syn-ack', 2],
  ['ack', 4],
  ['data', 8],
  ['fin', 16],
  ['rst', 32],
]

/** The timeline's summary of the connection (without its start time), and every step explained. */
export interface ConnectionExplanation extends Omit<ConnectionTimeline, 'startTime' | 'steps'> {
  completenessParts: CompletenessPart[]
  steps: StepExplanation[]
  /** Every topic linked from the summary or a step, once, in teaching order. */
  topics: TopicId[]
  /** The topics the summary itself links to. */
  summaryTopics: TopicId[]
}


const u32 = (n: number) => n >>> 0

function termsOf(ref: { syn: boolean; fin: boolean; length: number }): Term[] {
  const terms: Term[] = []
  if (ref.syn) terms.push({ what: 'syn', amount: 1 })
  if (ref.length > 0) terms.push({ what: 'data', amount: ref.length })
  if (ref.fin) terms.push({ what: 'fin', amount: 1 })
  return terms
}

function total(terms: readonly Term[]): number {
  return terms.reduce((sum, t) => sum + t.amount, 0)
}

function sentSegment(step: Step): SentSegment {
  const s = step.segment
  const scale = s.windowRaw > 0 && s.window !== s.windowRaw && Number.isInteger(s.window / s.windowRaw) ? s.window / s.windowRaw : null
  return { ...s, flagNames: flagNames(s.flags), hasAck: (s.flags & ACK) !== 0, scale }
}

const RETRANSMISSION_NOTES = new Set(['retransmission', 'fast-retransmission', 'spurious-retransmission'])

function seqArithmetic(timeline: ConnectionTimeline, steps: readonly Step[], index: number, ctx: ExplainContext): Arithmetic {
  const step = steps[index]!
  const s = step.segment
  const first = ctx.first[step.from]
  if (s.flags & SYN) {
    if (first.syn < index) return { kind: 'seq-isn-again', value: s.seq, raw: s.rawSeq, original: steps[first.syn]!.frame }
    return { kind: 'seq-isn', value: s.seq, raw: s.rawSeq, relative: s.relative }
  }
  if (step.kind === 'keep-alive') return { kind: 'seq-keep-alive', value: s.seq, next: u32(s.seq + 1) }
  const again = step.notes.find((n) => RETRANSMISSION_NOTES.has(n.code) && n.frames.length > 0)
  if (again) return { kind: 'seq-again', value: s.seq, original: again.frames[0]! }
  if (step.kind === 'fin-retry') {
    const fin = steps.slice(0, index).find((p) => p.from === step.from && p.segment.flags & FIN && p.segment.seq === s.seq)
    if (fin) return { kind: 'seq-again', value: s.seq, original: fin.frame }
  }
  const ref = step.seqFrom
  if (ref) {
    const terms = termsOf(ref)
    const expected = u32(ref.seq + total(terms))
    if (expected !== u32(s.seq)) return { kind: 'seq-gap', value: s.seq, expected, ref }
    if (terms.length === 0) return { kind: 'seq-unchanged', value: s.seq, ref }
    return { kind: 'seq-continues', value: s.seq, base: ref.seq, terms, ref }
  }
  // The peer's ack asked for this number (mid-stream, that ack − 1 is also this side's base).
  for (let i = index - 1; i >= 0; i--) {
    const p = steps[i]!
    if (p.from !== step.from && p.segment.flags & ACK && u32(p.segment.ack) === u32(s.seq)) return { kind: 'seq-as-acked', value: s.seq, frame: p.frame }
  }
  if (timeline.open === 'not-captured' && first.any === index && s.relative && s.seq === 1) return { kind: 'seq-mid-stream', value: s.seq, raw: s.rawSeq }
  return { kind: 'seq-plain', value: s.seq }
}

function ackArithmetic(timeline: ConnectionTimeline, steps: readonly Step[], index: number, ctx: ExplainContext): Arithmetic[] {
  const step = steps[index]!
  const s = step.segment
  if (!(s.flags & ACK)) return [{ kind: 'ack-none', raw: s.rawAck }]
  const ref = step.ackOf
  if (ref) {
    const terms = termsOf(ref)
    if (terms.length > 0 && u32(ref.seq + total(terms)) === u32(s.ack)) {
      const out: Arithmetic[] = [{ kind: 'ack-of', value: s.ack, base: ref.seq, terms, ref }]
      if (ref.length > 0) out.push({ kind: 'ack-cumulative', value: s.ack, upTo: u32(s.ack - 1), ref })
      return out
    }
  }
  const firstAck = ctx.first[step.from].ack === index
  if (timeline.open === 'not-captured' && firstAck && s.relative && s.ack === 1) return [{ kind: 'ack-mid-stream', value: s.ack, raw: s.rawAck }]
  const out: Arithmetic[] = [{ kind: 'ack-plain', value: s.ack }]
  if (step.phase === 'data' && u32(s.ack) > 1) out.push({ kind: 'ack-cumulative', value: s.ack, upTo: u32(s.ack - 1) })
  return out
}

function nextArithmetic(step: Step): Arithmetic | null {
  const s = step.segment
  const terms = termsOf({ syn: (s.flags & SYN) !== 0, fin: (s.flags & FIN) !== 0, length: Math.max(0, s.length) })
  if (s.length < 0) return null
  if (terms.length === 0) return { kind: 'next-none', seq: s.seq, rst: (s.flags & RST) !== 0 }
  const value = s.nextSeq >= 0 ? s.nextSeq : u32(s.seq + total(terms))
  return { kind: 'next-seq', seq: s.seq, terms, value }
}

function causeOf(step: Step, change: StateChange): ChangeCause {
  if (change.reason === 'mid-stream') return 'none'
  if (change.reason === 'syns-crossed' || change.reason === 'fins-crossed') return 'received'
  return change.role === step.from ? 'sent' : 'received'
}

function explainNotes(step: Step): ExplainedNote[] {
  const notes: ExplainedNote[] = step.notes.map((n) => ({ ...n }))
  const intoTimeWait = step.changes.filter((c) => c.to === 'TIME-WAIT')
  for (const note of notes) {
    if (note.code === 'time-wait') note.role = intoTimeWait[0]?.role ?? (step.after.client === 'TIME-WAIT' ? 'client' : step.after.server === 'TIME-WAIT' ? 'server' : step.from)
  }
  if (!notes.some((n) => n.code === 'time-wait')) {
    for (const change of intoTimeWait) {
      notes.push({ code: 'time-wait', frames: [step.frame], values: { linux: LINUX_TIME_WAIT_SECONDS, rfcMsl: RFC_MSL_SECONDS }, derived: true, role: change.role })
    }
  }
  return notes
}

/** Indices of a sender's first step, first SYN and first segment with ACK (Infinity: none). */
interface FirstSteps {
  any: number
  syn: number
  ack: number
}

export interface ExplainContext {
  knowledge: Map<number, KnowledgeAfterStep>
  /** Index of the first step that carried a SYN. */
  firstSyn: number
  /** Each sender's first steps, found once so that a step's arithmetic need not scan the earlier ones. */
  first: Record<Role, FirstSteps>
}

export function explainContext(steps: readonly Step[]): ExplainContext {
  const first: Record<Role, FirstSteps> = { client: { any: Infinity, syn: Infinity, ack: Infinity }, server: { any: Infinity, syn: Infinity, ack: Infinity } }
  steps.forEach((step, i) => {
    const f = first[step.from]
    f.any = Math.min(f.any, i)
    if (step.segment.flags & SYN) f.syn = Math.min(f.syn, i)
    if (step.segment.flags & ACK) f.ack = Math.min(f.ack, i)
  })
  return { knowledge: handshakeKnowledge(steps), firstSyn: steps.findIndex((s) => s.segment.flags & SYN), first }
}

/** The structured explanation of one step of a timeline (by index into timeline.steps). */
export function explainStep(timeline: ConnectionTimeline, index: number, context?: ExplainContext): StepExplanation {
  const steps = timeline.steps ?? []
  const step = steps[index]
  if (!step) throw new RangeError(`stream ${timeline.stream} has no step ${index}`)
  const ctx = context ?? explainContext(steps)
  const arithmetic: Arithmetic[] = [seqArithmetic(timeline, steps, index, ctx), ...ackArithmetic(timeline, steps, index, ctx)]
  // A keep-alive's seq line already says what comes next (its own seq + 1).
  const next = step.kind === 'keep-alive' ? null : nextArithmetic(step)
  if (next) arithmetic.push(next)
  return {
    index,
    frame: step.frame,
    time: step.time,
    phase: step.phase,
    step: [...step.step],
    from: step.from,
    to: otherRole(step.from),
    kind: step.kind,
    label: step.label,
    compact: step.phase === 'data',
    sent: sentSegment(step),
    arithmetic,
    states: { before: step.before, after: step.after, changes: step.changes.map((c) => ({ ...c, cause: causeOf(step, c) })) },
    knowledge: ctx.knowledge.get(index),
    notes: explainNotes(step),
    topics: topicsForStep(step, { syn: index === ctx.firstSyn }),
  }
}

/** The structured explanation of a whole connection: its summary and every step. */
export function explainConnection(timeline: ConnectionTimeline): ConnectionExplanation {
  const { steps = [], startTime: _startTime, ...summary } = timeline
  const ctx = explainContext(steps)
  const explained = steps.map((_, i) => explainStep(timeline, i, ctx))
  const summaryTopics = topicsForConnection(timeline)
  const all = new Set<TopicId>([...summaryTopics, ...explained.flatMap((s) => s.topics)])
  return {
    ...summary,
    client: { ...summary.client },
    server: { ...summary.server },
    bytes: { ...summary.bytes },
    variants: [...summary.variants],
    completenessParts: COMPLETENESS.filter(([, bit]) => timeline.completeness & bit).map(([part]) => part),
    steps: explained,
    topics: TOPIC_IDS.filter((id) => all.has(id)),
    summaryTopics,
  }
}

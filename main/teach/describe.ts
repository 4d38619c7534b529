// A step or a connection in words of one language, still without layout: the renderers (text,
// Markdown, Mermaid) and the UI lay these strings out. Code in the strings is in `backticks`.
import type { ConnectionTimeline } from '../tcp/step'
import { format, m, type Msg } from './catalog'
import { explainConnection, type ConnectionExplanation, type StepExplanation } from './explain-step'
import { FACTS, type Fact } from './knowledge'
import type { Lang } from './lang'
import {
  arithmeticMsg,
  changeMsg,
  connectionTitle,
  factMsg,
  kindMsg,
  labelText,
  learnedMsgs,
  nextFormula,
  noteMsg,
  roleMsg,
  sentParts,
  stateMsgs,
  summaryMsgs,
  titleMsg,
  topicTitle,
  type NoteContext,
} from './phrases'
import type { TopicId } from './topics'

export interface KnowledgeRow {
  fact: Fact
  label: string
  client: boolean
  server: boolean
  /** Learned in this very step. */
  newClient: boolean
  newServer: boolean
}

export interface DescribedStep {
  frame: number
  compact: boolean
  /** "Frame 1 · 0.000000 s · Handshake step 1 · client → server · SYN". */
  headline: string
  /** Step title alone ("Handshake step 1", "第 2、3 次挥手（合并在一个报文段中）"). */
  title: string
  /** "client → server". */
  direction: string
  /** The parts of what was sent (flags, seq, ack, len, window, options). */
  sent: string[]
  does: string
  arithmetic: string[]
  states: string[]
  knowledge?: { rows: KnowledgeRow[]; learned: string[] }
  notes: string[]
  /** Titles of the linked topics. */
  seeAlso: string[]
  /** A one-line summary (data steps are rendered as this line alone). */
  line: string
}

export interface DescribedConnection {
  title: string
  summary: string[]
  steps: DescribedStep[]
  topics: TopicId[]
}

const SEP = ' · '

function stepTime(seconds: number, lang: Lang): string {
  return format(m('unit.seconds', { n: seconds.toFixed(6) }), lang)
}

/** The one-line form: numbers, arithmetic in short, state changes and notes. */
function oneLine(step: StepExplanation, lang: Lang, parts: { direction: string; changes: string[]; notes: string[]; does: string }): string {
  const f = (msg: Msg) => format(msg, lang)
  const s = step.sent
  const out = [f(m('step.frame', { n: step.frame })), stepTime(step.time, lang), parts.direction, labelText(step.label, lang), `[${s.flagNames.join(', ')}]`]
  out.push(s.length >= 0 ? `seq=${s.seq} len=${s.length}` : `seq=${s.seq}`)
  const next = step.arithmetic.find((a) => a.kind === 'next-seq')
  if (next && next.kind === 'next-seq') out.push(f(m('line.next', { formula: nextFormula(next.seq, next.terms, next.value) })))
  if (s.hasAck) {
    const cumulative = step.arithmetic.find((a) => a.kind === 'ack-cumulative')
    out.push(cumulative && cumulative.kind === 'ack-cumulative' ? f(m('line.ackCum', { ack: s.ack, upTo: cumulative.upTo })) : `ack=${s.ack}`)
  }
  if (s.scale != null) out.push(`win=${s.window} = ${s.windowRaw} × ${s.scale}`)
  else out.push(`win=${s.window}`)
  if (step.kind !== 'data' && step.kind !== 'ack') out.push(parts.does)
  out.push(...parts.changes, ...parts.notes)
  return out.join(SEP)
}

export function describeStep(step: StepExplanation, lang: Lang, ctx: NoteContext): DescribedStep {
  const f = (msg: Msg) => format(msg, lang)
  const direction = f(m('dir', { from: roleMsg(step.from), to: roleMsg(step.to) }))
  const title = f(titleMsg(step))
  const states = stateMsgs(step).map(f)
  const notes = step.notes.map((n) => f(noteMsg(n, step, ctx)))
  const does = f(kindMsg(step))
  let knowledge: DescribedStep['knowledge']
  if (step.knowledge) {
    const k = step.knowledge
    knowledge = {
      rows: FACTS.map((fact) => ({
        fact,
        label: f(factMsg(fact)),
        client: k.after.client.includes(fact),
        server: k.after.server.includes(fact),
        newClient: k.learned.client.includes(fact),
        newServer: k.learned.server.includes(fact),
      })),
      learned: learnedMsgs(step).map(f),
    }
  }
  return {
    frame: step.frame,
    compact: step.compact,
    headline: [f(m('step.frame', { n: step.frame })), stepTime(step.time, lang), title, direction, labelText(step.label, lang)].join(SEP),
    title,
    direction,
    sent: sentParts(step.sent).map(f),
    does,
    arithmetic: step.arithmetic.map((a) => f(arithmeticMsg(a, step))),
    states,
    knowledge,
    notes,
    seeAlso: step.topics.map((t) => f(topicTitle(t))),
    line: oneLine(step, lang, { direction, changes: step.states.changes.map((c) => f(changeMsg(c))), notes, does }),
  }
}

export function describeExplanation(c: ConnectionExplanation, lang: Lang): DescribedConnection {
  const ctx: NoteContext = { serverPort: c.server.port }
  return {
    title: format(connectionTitle(c), lang),
    summary: summaryMsgs(c).map((msg) => format(msg, lang)),
    steps: c.steps.map((s) => describeStep(s, lang, ctx)),
    topics: c.topics,
  }
}

/** A connection in words of one language (structure → strings, no layout). */
export function describeConnection(timeline: ConnectionTimeline, lang: Lang): DescribedConnection {
  return describeExplanation(explainConnection(timeline), lang)
}

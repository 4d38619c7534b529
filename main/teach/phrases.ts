// From structure to messages: each function turns a piece of a structured explanation into a
// Msg (a catalog key with parameters), still language-free. The renderers format them in zh-CN
// or en and lay them out as text, Markdown or Mermaid.
import type { CaptureFinding, Role, StepOptions } from '../tcp/step'
import { LINUX_TIME_WAIT_SECONDS, RFC_MSL_SECONDS } from '../tcp/states'
import { format, m, trimNumber, type Msg, type Param } from './catalog'
import type { Lang } from './lang'
import type { Arithmetic, ConnectionExplanation, ExplainedChange, ExplainedNote, SentSegment, StepExplanation, Term } from './explain-step'
import { FACTS, type Fact } from './knowledge'
import { linuxSynTimeline, topicParams, type TopicId } from './topics'

export const roleMsg = (role: Role): Msg => (role === 'client' ? m('role.client') : m('role.server'))

const frames = (...list: number[]): Param => ({ frames: list })

// ---- What was sent ----

function optionsList(o: StepOptions): Msg[] {
  const out: Msg[] = []
  if (o.mss != null) out.push(m('opt.mss', { n: o.mss }))
  if (o.sackPermitted) out.push(m('opt.sack'))
  if (o.timestamps) out.push(m('opt.ts'))
  if (o.wsShift != null && o.wsShift >= 0) out.push(m('opt.ws', { shift: o.wsShift, factor: 2 ** o.wsShift }))
  if (o.tfo === 'request') out.push(m('opt.tfo.request'))
  if (o.tfo === 'cookie') out.push(m('opt.tfo.cookie'))
  return out
}

export function flagsText(sent: SentSegment): string {
  return sent.flagNames.length > 0 ? sent.flagNames.join(', ') : 'none'
}

function flagsHex(flags: number): string {
  return `0x${flags.toString(16).padStart(3, '0')}`
}

/** The parts of the "Sent:" line. */
export function sentParts(sent: SentSegment): Msg[] {
  const parts: Msg[] = [m('sent.flags', { names: flagsText(sent), hex: flagsHex(sent.flags) })]
  parts.push(sent.relative ? m('sent.seq', { seq: sent.seq, raw: sent.rawSeq }) : m('sent.seq.raw', { seq: sent.seq }))
  if (!sent.hasAck) parts.push(m('sent.ack.none'))
  else parts.push(sent.relative ? m('sent.ack', { ack: sent.ack, raw: sent.rawAck }) : m('sent.ack.raw', { ack: sent.ack }))
  parts.push(sent.length >= 0 ? m('sent.len', { n: sent.length }) : m('sent.len.unknown'))
  if (sent.flagNames.includes('SYN')) parts.push(m('sent.window.syn', { win: sent.window }))
  else if (sent.scale != null) parts.push(m('sent.window.scaled', { win: sent.window, raw: sent.windowRaw, scale: sent.scale }))
  else parts.push(m('sent.window', { win: sent.window }))
  const options = optionsList(sent.options)
  if (options.length > 0) parts.push(m('sent.options', { list: { list: options } }))
  return parts
}

// ---- What the step does ----

/** The segment's name as a student says it ("SYN-ACK", "FIN-ACK + data"): only "data" is translated. */
export function labelText(label: string, lang: Lang): string {
  return label.replace(/\bdata\b/g, format(m('label.data'), lang))
}

export function titleMsg(step: StepExplanation): Msg {
  const numbers = step.step
  const list: Param = numbers.length === 2 ? m('step.pair', { a: numbers[0]!, b: numbers[1]! }) : { list: numbers.map(String) }
  if (step.phase === 'open') {
    if (numbers.length === 1) return m('step.title.open', { n: numbers[0]! })
    if (numbers.length > 1) return m('step.title.openMerged', { list })
    return m('step.title.opening')
  }
  if (step.phase === 'close') {
    if (numbers.length === 1) return m('step.title.close', { n: numbers[0]! })
    if (numbers.length > 1) return m('step.title.closeMerged', { list })
    return m('step.title.closing')
  }
  if (step.phase === 'data') return m('step.title.data')
  return step.kind === 'refusal' ? m('step.title.refusal') : m('step.title.abort')
}

export function kindMsg(step: StepExplanation): Msg {
  const p = { from: roleMsg(step.from), to: roleMsg(step.to) }
  switch (step.kind) {
    case 'syn':
      return step.sent.length > 0 ? m('kind.syn.data', { ...p, len: step.sent.length }) : m('kind.syn', p)
    case 'syn-retry':
      return m('kind.syn-retry', p)
    case 'syn-crossed':
      return m('kind.syn-crossed', p)
    case 'syn-ack':
      return m('kind.syn-ack', p)
    case 'syn-ack-retry':
      return m('kind.syn-ack-retry', p)
    case 'handshake-ack':
      return m('kind.handshake-ack', p)
    case 'handshake-ack-data':
      return m('kind.handshake-ack-data', { ...p, len: Math.max(0, step.sent.length) })
    case 'refusal':
      return m('kind.refusal', p)
    case 'data':
      return m('kind.data', { ...p, len: Math.max(0, step.sent.length) })
    case 'ack':
      return m('kind.ack', p)
    case 'keep-alive':
      return m('kind.keep-alive', p)
    case 'keep-alive-ack':
      return m('kind.keep-alive-ack', p)
    case 'window-probe':
      return m('kind.window-probe', p)
    case 'window-update':
      return m('kind.window-update', p)
    case 'fin':
      return m('kind.fin', p)
    case 'fin-ack-of-fin':
      return m('kind.fin-ack-of-fin', p)
    case 'fin-second':
      return m('kind.fin-second', p)
    case 'fin-merged':
      return m('kind.fin-merged', p)
    case 'fin-crossed':
      return m('kind.fin-crossed', p)
    case 'last-ack':
      return m('kind.last-ack', p)
    case 'closing-ack':
      return m('kind.closing-ack', p)
    case 'fin-retry':
      return m('kind.fin-retry', p)
    case 'rst':
      return m('kind.rst', p)
    case 'rst-after-close':
      return m('kind.rst-after-close', p)
    case 'other':
      return m('kind.other')
  }
}

// ---- The arithmetic ----

const TERM_SYMBOL: Record<Term['what'], string> = { syn: '1', data: 'len', fin: '1' }

/** "seq + 1 + len = 0 + 1 + 10 = 11": the symbolic and the numeric sum, the same in every language. */
export function nextFormula(seq: number, terms: readonly Term[], value: number): string {
  const symbolic = ['seq', ...terms.map((t) => TERM_SYMBOL[t.what])].join(' + ')
  const numeric = [seq, ...terms.map((t) => t.amount)].join(' + ')
  return `${symbolic} = ${numeric} = ${value}`
}

/** "0 + 1 + 10": the base and the terms. */
function sum(base: number, terms: readonly Term[]): string {
  return [base, ...terms.map((t) => t.amount)].join(' + ')
}

function termMsg(t: Term): Msg {
  return t.what === 'syn' ? m('term.syn') : t.what === 'fin' ? m('term.fin') : m('term.data', { n: t.amount })
}

const single = (terms: readonly Term[]) => (terms.length === 1 ? terms[0]!.what : 'mixed')

export function arithmeticMsg(a: Arithmetic, step: StepExplanation): Msg {
  const self = roleMsg(step.from)
  const peer = roleMsg(step.to)
  switch (a.kind) {
    case 'seq-isn':
      return a.relative ? m('arith.seq.isn', { value: a.value, raw: a.raw, self }) : m('arith.seq.isnRaw', { value: a.value, self })
    case 'seq-isn-again':
      return m('arith.seq.isnAgain', { value: a.value, raw: a.raw, frame: frames(a.original) })
    case 'seq-mid-stream':
      return m('arith.seq.midStream', { value: a.value, raw: a.raw })
    case 'seq-continues': {
      const p = { value: a.value, base: a.base, frame: frames(a.ref.frame) }
      switch (single(a.terms)) {
        case 'syn':
          return m('arith.seq.afterSyn', p)
        case 'fin':
          return m('arith.seq.afterFin', p)
        case 'data':
          return m('arith.seq.afterData', { ...p, len: a.terms[0]!.amount })
        default:
          return m('arith.seq.afterMixed', { ...p, sum: sum(a.base, a.terms), what: { list: a.terms.map(termMsg), and: true }, total: a.value - a.base })
      }
    }
    case 'seq-unchanged':
      return m('arith.seq.unchanged', { value: a.value, frame: frames(a.ref.frame) })
    case 'seq-gap':
      return a.value > a.expected
        ? m('arith.seq.gap', { value: a.value, expected: a.expected, frame: frames(a.ref.frame), missing: a.value - a.expected })
        : m('arith.seq.behind', { value: a.value, expected: a.expected, frame: frames(a.ref.frame) })
    case 'seq-again':
      return m('arith.seq.again', { value: a.value, frame: frames(a.original) })
    case 'seq-as-acked':
      return m('arith.seq.asAcked', { value: a.value, frame: frames(a.frame), peer })
    case 'seq-keep-alive':
      return m('arith.seq.keepAlive', { value: a.value, next: a.next, peer })
    case 'seq-plain':
      return step.sent.flagNames.includes('RST') ? m('arith.seq.rst', { value: a.value }) : m('arith.seq.plain', { value: a.value })
    case 'ack-none':
      return step.sent.flagNames.includes('SYN') ? m('arith.ack.noneSyn', { raw: a.raw }) : m('arith.ack.none', { raw: a.raw })
    case 'ack-of': {
      const p = { value: a.value, base: a.base, frame: frames(a.ref.frame), peer, self }
      switch (single(a.terms)) {
        case 'syn':
          return m('arith.ack.ofSyn', p)
        case 'fin':
          return m('arith.ack.ofFin', p)
        case 'data':
          return m('arith.ack.ofData', { ...p, len: a.terms[0]!.amount })
        default:
          return m('arith.ack.ofMixed', { ...p, sum: sum(a.base, a.terms), what: { list: a.terms.map(termMsg), and: true }, total: a.value - a.base })
      }
    }
    case 'ack-mid-stream':
      return m('arith.ack.midStream', { value: a.value, raw: a.raw, peer })
    case 'ack-plain':
      return m('arith.ack.plain', { value: a.value, self })
    case 'ack-cumulative':
      return a.ref ? m('arith.ack.cumulative', { value: a.value, upTo: a.upTo, frame: frames(a.ref.frame) }) : m('arith.ack.cumulativePlain', { value: a.value, upTo: a.upTo })
    case 'next-seq': {
      const formula = nextFormula(a.seq, a.terms, a.value)
      switch (single(a.terms)) {
        case 'syn':
          return m('arith.next.syn', { formula })
        case 'fin':
          return m('arith.next.fin', { formula })
        case 'data':
          return m('arith.next.data', { formula, self, value: a.value })
        default:
          return m('arith.next.mixed', { formula, what: { list: a.terms.map(termMsg), and: true }, value: a.value })
      }
    }
    case 'next-none':
      return a.rst ? m('arith.next.rst') : m('arith.next.none', { seq: a.seq, self })
  }
}

// ---- States ----

export function changeMsg(c: ExplainedChange): Msg {
  return m('state.change', { role: roleMsg(c.role), from: c.from, to: c.to, why: m(`reason.${c.reason}`) })
}

/** One line per side: its change(s), or that it stays where it was. */
export function stateMsgs(step: StepExplanation): Msg[] {
  const out: Msg[] = []
  for (const role of ['client', 'server'] as const) {
    const changes = step.states.changes.filter((c) => c.role === role)
    if (changes.length === 0) out.push(m('state.same', { role: roleMsg(role), state: step.states.after[role] }))
    else out.push(...changes.map(changeMsg))
  }
  return out
}

// ---- Knowledge ----

export const factMsg = (f: Fact): Msg => m(`fact.${f}`)

export function learnedMsgs(step: StepExplanation): Msg[] {
  const k = step.knowledge
  if (!k) return []
  const out: Msg[] = []
  for (const role of ['client', 'server'] as const) {
    const learned = k.learned[role]
    if (k.after[role].length === FACTS.length && learned.length > 0) out.push(m('knows.all', { role: roleMsg(role) }))
    else if (learned.length > 0) out.push(m('knows.learned', { role: roleMsg(role), list: { list: learned.map(factMsg) } }))
    else if (k.after[role].length === 0 && role === step.from) out.push(m('knows.nothing', { role: roleMsg(role) }))
  }
  return out
}

// ---- Notes ----

function value(note: ExplainedNote, name: string): number | undefined {
  const v = note.values?.[name]
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

function values(note: ExplainedNote, name: string): number[] | undefined {
  const v = note.values?.[name]
  return Array.isArray(v) && v.length > 0 && v.every((x) => Number.isFinite(x)) ? v : undefined
}

export interface NoteContext {
  /** The server's port (a refusal names it). */
  serverPort: number
}

export function noteMsg(note: ExplainedNote, step: StepExplanation, ctx: NoteContext): Msg {
  const from = roleMsg(step.from)
  const to = roleMsg(step.to)
  const f = note.frames
  const ev: Param = { frames: f }
  switch (note.code) {
    case 'retransmission':
      return f.length > 0 ? m('note.retransmission', { frame: frames(f[0]!) }) : m('note.retransmission.plain')
    case 'fast-retransmission': {
      // frames: the duplicate ACKs that asked for it; values.original: the first transmission.
      const original = typeof note.values?.['original'] === 'number' ? note.values['original'] : 0
      if (original && f.length) return m('note.fast-retransmission', { frame: frames(original), dupAcks: { frames: f } })
      if (f.length) return m('note.fast-retransmission.unseen', { dupAcks: { frames: f } })
      return original ? m('note.retransmission', { frame: frames(original) }) : m('note.fast-retransmission.plain')
    }
    case 'spurious-retransmission':
      return f.length > 0 ? m('note.spurious-retransmission', { frames: ev }) : m('note.spurious-retransmission.plain')
    case 'out-of-order':
      return f.length > 0 ? m('note.out-of-order', { frames: ev }) : m('note.out-of-order.plain')
    case 'lost-segment':
      return m('note.lost-segment')
    case 'ack-lost-segment':
      return m('note.ack-lost-segment', { upTo: Math.max(0, step.sent.ack - 1) })
    case 'duplicate-ack': {
      const count = value(note, 'count')
      if (count != null && f.length > 0) return m('note.duplicate-ack', { count, frame: frames(f[0]!), ack: step.sent.ack })
      return m('note.duplicate-ack.plain', { ack: step.sent.ack })
    }
    case 'zero-window':
      return m('note.zero-window', { from, to })
    case 'window-full':
      return m('note.window-full', { from, to })
    case 'reused-ports': {
      const stream = value(note, 'stream')
      return stream != null && stream >= 0 ? m('note.reused-ports', { stream }) : m('note.reused-ports.plain')
    }
    case 'syn-retry': {
      const gap = value(note, 'gap')
      const attempt = value(note, 'attempt')
      if (gap != null && gap > 0 && attempt != null && f.length > 0) return m('note.syn-retry', { attempt, gap: { seconds: gap, digits: 3 }, frame: frames(f[0]!) })
      return m('note.syn-retry.plain')
    }
    case 'syn-backoff': {
      const gaps = values(note, 'gaps')
      const linux = linuxSynTimeline()
      const p = { lastRetry: linux.lastRetry, linuxSum: `${linux.gaps.join(' + ')} = ${linux.lastRetry}`, givesUp: linux.givesUp }
      if (gaps) {
        const totalGap = value(note, 'total') ?? gaps.reduce((a, b) => a + b, 0)
        return m('note.syn-backoff', { ...p, gaps: { list: gaps.map((g) => trimNumber(g, 3)) }, total: { seconds: totalGap, digits: 3 } })
      }
      return m('note.syn-backoff.plain', p)
    }
    case 'simultaneous-open':
      if (step.kind === 'syn-crossed' || !step.sent.hasAck) return f.length > 0 ? m('note.simultaneous-open.syn', { from, to, frame: frames(f[0]!) }) : m('note.simultaneous-open.synPlain', { from, to })
      // The builder says whether tshark called it a retransmission ('' when it did not).
      return note.values?.tshark === '' ? m('note.simultaneous-open.synack', { from, to }) : m('note.simultaneous-open', { from, to })
    case 'synack-retry':
      if (f.length > 1) return m('note.synack-retry', { previous: frames(f[0]!), ack: frames(f[1]!) })
      return f.length === 1 ? m('note.synack-retry.noAck', { previous: frames(f[0]!) }) : m('note.synack-retry.plain')
    case 'tfo-cookie-request':
      return m('note.tfo-cookie-request')
    case 'tfo-cookie':
      return step.from === 'client' ? m('note.tfo-cookie.client') : m('note.tfo-cookie.server')
    case 'tfo-data-accepted':
      return m('note.tfo-data-accepted')
    case 'tfo-data-ignored':
      return m('note.tfo-data-ignored')
    case 'data-on-third':
      return m('note.data-on-third', { from })
    case 'half-close':
      return m('note.half-close', { from, to })
    case 'time-wait': {
      const linux = value(note, 'linux') ?? LINUX_TIME_WAIT_SECONDS
      const msl = value(note, 'rfcMsl') ?? RFC_MSL_SECONDS
      return m('note.time-wait', { role: roleMsg(note.role ?? step.from), linux, msl, twoMsl: 2 * msl })
    }
    case 'crossed':
      return f.length > 0 ? m('note.crossed', { frame: frames(f[0]!) }) : m('note.crossed.plain', { to })
    case 'rst-in-flight':
      if (f.length > 1) return m('note.rst-in-flight', { frame: frames(f[0]!), reset: frames(f[1]!), to })
      return f.length === 1 ? m('note.rst-in-flight.reset', { reset: frames(f[0]!), to }) : m('note.rst-in-flight.plain', { to })
    case 'refused':
      return m('note.refused', { port: ctx.serverPort })
    case 'not-captured-opening':
      return m('note.not-captured-opening')
    case 'roles-guessed': {
      const client = value(note, 'client')
      const server = value(note, 'server')
      return client != null && server != null ? m('note.roles-guessed', { client, server }) : m('note.roles-guessed.plain')
    }
    case 'no-answer':
      return m('note.no-answer', { to })
    default: {
      const unknown: never = note.code
      throw new Error(`no message for note ${String(unknown)}`)
    }
  }
}

// ---- The connection's summary ----

export function summaryMsgs(c: ConnectionExplanation): Msg[] {
  const out: Msg[] = []
  const open = m(`open.${c.open}`)
  out.push(m('conn.open', { kind: open }))
  const closeKind = c.close === 'none' ? (c.variants.includes('still-open') ? m('close.none.open') : m('close.none')) : m(`close.${c.close}`)
  if (c.closeInitiator === 'both') out.push(m('conn.close.byBoth', { kind: closeKind }))
  else if (c.closeInitiator) out.push(m('conn.close.by', { kind: closeKind, who: roleMsg(c.closeInitiator) }))
  else out.push(m('conn.close', { kind: closeKind }))
  out.push(
    m('conn.frames', {
      first: c.firstFrame,
      last: c.lastFrame,
      packets: c.packets,
      duration: { seconds: c.duration },
      clientBytes: c.bytes.client,
      serverBytes: c.bytes.server,
    }),
  )
  out.push(c.irtt != null ? m('conn.irtt', { irtt: m('unit.ms', { n: trimNumber(c.irtt * 1000, 3) }) }) : m('conn.irtt.none'))
  const parts = c.completenessParts.map((p) => m(`part.${p}`))
  const full = (c.completeness & 7) === 7 && (c.completeness & 48) !== 0
  if (parts.length === 0) out.push(m('conn.completeness.zero'))
  else out.push(m(full ? 'conn.completeness.full' : 'conn.completeness', { value: c.completeness, parts: { list: parts, sep: ' + ' } }))
  out.push(m('conn.states', { client: c.client.state, server: c.server.state }))
  if (c.rolesGuessed) out.push(m('conn.rolesGuessed', { port: c.client.port }))
  const variants = c.variants.filter((v) => v !== 'still-open')
  if (variants.length > 0) out.push(m('conn.variants', { list: { list: variants.map((v) => m(`variant.${v}`)) } }))
  out.push(m('conn.capturePoint'))
  return out
}

export function connectionTitle(c: ConnectionExplanation): Msg {
  return m('conn.title', { stream: c.stream, client: endpoint(c.client), server: endpoint(c.server) })
}

/** "192.168.1.23:60526", "[2001:db8::1]:443". */
export function endpoint(e: { address: string; port: number }): string {
  return e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`
}

// ---- Topics and findings ----

export function topicTitle(id: TopicId): Msg {
  return m(`topic.${id}.title`)
}

export function topicBody(id: TopicId): Msg {
  return { key: `topic.${id}.body`, params: topicParams(id) }
}

export function findingMsg(f: CaptureFinding): Msg {
  return m('finding.syn-flood', { count: f.count, target: endpoint(f.target), sources: f.sources, frames: { frames: f.frames } })
}

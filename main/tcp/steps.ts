// The connection timelines: every TCP segment, after the tracker has analysed it, becomes a step
// of its connection's timeline. Each step has its phase (open, data, close, abort), the step
// number as taught (handshake 1–3, wave 1–4), both endpoints' states before and after, and
// notes with evidence. At the end, each connection is summed up (how it opened and closed, who
// closed first, final states) and the capture is checked for SYN floods.
//
// States are what the capture point can tell. A sender's change is attributed to the frame it
// sends; a receiver's change to the frame it receives, as soon as it is captured. When a later
// frame proves the receiver had not received it yet (its own SYN or FIN crossed the peer's, or
// it kept sending after a reset), the tentative change is moved: the steps already recorded are
// revised, and the narrative says the segments crossed.
import { TCP_FLAG, type TcpSegment } from './segment'
import type { TcpFrameAnalysis } from './result'
import { endpointPairKey, type TcpConversation } from './conversation'
import { EndpointStates, hasSentFin, isSynchronized, LINUX_TIME_WAIT_SECONDS, RFC_MSL_SECONDS, type TcpState } from './states'
import {
  otherRole,
  type CaptureFinding,
  type CloseKind,
  type ConnectionTimeline,
  type Note,
  type OpenKind,
  type Phase,
  type Role,
  type SegmentRef,
  type Step,
  type StepKind,
  type StepSegment,
  type Variant,
} from './step'
import { seqGe, seqGt } from './seq'
import { VERDICT } from './verdicts'

const { FIN, SYN, RST, ACK } = TCP_FLAG

/** A SYN flood: at least this many half-open connections to one endpoint. */
const SYN_FLOOD_MIN_HALF_OPEN = 20

/** Linux's default SYN retries (tcp_syn_retries = 6): 1 + 2 + 4 + 8 + 16 + 32 = 63 s, then it gives up. */
export const LINUX_SYN_BACKOFF_SECONDS = [1, 2, 4, 8, 16, 32]

/** How many recent sequence-consuming segments per side are kept to explain seq and ack. */
const REFS_KEPT = 16


/** Notes are dropped when steps are not recorded: one reused array avoids the garbage. */
const scratchNotes: Note[] = []

/** A receiver's change that a later frame may prove premature. */
interface Tentative {
  /** The step (index in steps) where it was applied; −1 when steps are not recorded. */
  stepIndex: number
  frame: number
  /** The state it was in before, and the state the change put it in. */
  previous: TcpState
  applied: TcpState
}

/** What the timeline builder keeps per connection while the capture is read. */
class ConnectionProgress {
  readonly states: EndpointStates
  /** Endpoint index (in the tracker's conversation) of the client. */
  readonly clientIndex: 0 | 1
  readonly rolesGuessed: boolean
  readonly steps?: Step[]
  packets = 0
  readonly bytes = { client: 0, server: 0 }
  firstFrame: number
  lastFrame: number
  readonly startTime: number
  lastTime = 0
  irtt: number | null = null
  completeness = 0

  /** Opening. */
  readonly synFrames: number[] = []
  readonly synTimes: number[] = []
  synAckFrames: number[] = []
  /** Each side's first SYN-ACK (both send one in a simultaneous open). */
  readonly synAckFrom = { client: 0, server: 0 }
  handshakeAckFrame = 0
  simultaneousOpen = false
  refused = false
  fastOpen = false
  dataOnThird = false

  /** Closing: each side's first FIN (frame and the ack value that covers it). */
  readonly finFrame = { client: 0, server: 0 }
  readonly finEnd = { client: 0, server: 0 }
  /** Each side's first segment acknowledging the peer's FIN. */
  readonly finAckedBy = { client: 0, server: 0 }
  closeInitiator: Role | null = null
  mergedFin = false
  crossedFins = false
  resetFrame = 0
  resetBy: Role | null = null
  rstInFlight = false
  /** Segments the reset's receiver sent after the reset (still in flight), oldest first. */
  readonly sentAfterReset: number[] = []
  /** Each side's duplicate ACKs since its last new ACK (evidence for a fast retransmission). */
  readonly dupAcks: { client: number[]; server: number[] } = { client: [], server: [] }
  /** The client's receipt of the SYN-ACK, until the client sends something after it. */
  synAckReceipt?: Tentative
  halfCloseData = false
  keepAlive = false
  retransmissions = false

  /** Receipt changes a later frame may revise. */
  readonly tentative: { client?: Tentative; server?: Tentative } = {}
  /** Recent segments that consumed sequence numbers, per sender (for the arithmetic). */
  readonly refs: { client: SegmentRef[]; server: SegmentRef[] } = { client: [], server: [] }
  /** The highest sequence end each side has sent (relative), to spot segments that advance. */
  readonly sentEnd = { client: -1, server: -1 }
  /** The stream of the previous connection on the same address/port pair (port reuse). */
  previousStream = -1

  constructor(
    readonly conversation: TcpConversation,
    first: TcpSegment,
    firstAnalysis: TcpFrameAnalysis,
    record: boolean,
  ) {
    const synOnly = (first.flags & (SYN | ACK | RST)) === SYN
    const synAck = (first.flags & (SYN | ACK | RST)) === (SYN | ACK)
    if (synOnly) {
      this.clientIndex = firstAnalysis.from
      this.rolesGuessed = false
      // A client connects to a listening server: assumed until the server shows otherwise.
      this.states = new EndpointStates('CLOSED', 'LISTEN')
    } else if (synAck) {
      // The SYN was not captured, but the SYN-ACK's receiver sent it.
      this.clientIndex = firstAnalysis.from === 0 ? 1 : 0
      this.rolesGuessed = false
      this.states = new EndpointStates('SYN-SENT', 'LISTEN')
    } else {
      this.clientIndex = guessClient(conversation, firstAnalysis.from)
      this.rolesGuessed = true
      this.states = new EndpointStates('UNKNOWN', 'UNKNOWN')
    }
    if (record) this.steps = []
    this.firstFrame = first.frame
    this.lastFrame = first.frame
    this.startTime = first.sec + first.nsec / 1e9
  }

  roleOf(endpoint: 0 | 1): Role {
    return endpoint === this.clientIndex ? 'client' : 'server'
  }

  endpoint(role: Role): { address: string; port: number } {
    return this.conversation.endpoints[role === 'client' ? this.clientIndex : this.clientIndex === 0 ? 1 : 0]
  }
}

/**
 * The documented guess when the opening was not captured: the endpoint with the higher port is
 * the client (clients take ephemeral ports from a high range, servers listen on low, well-known
 * ones); with equal ports, the sender of the first captured frame.
 */
function guessClient(conversation: TcpConversation, firstSender: 0 | 1): 0 | 1 {
  const [a, b] = conversation.endpoints
  if (a.port === b.port) return firstSender
  return a.port > b.port ? 0 : 1
}

export interface TimelineOptions {
  /**
   * Keep every step (for JSON and the narrative), for all connections or for the streams a
   * predicate picks; without, only the summary is kept.
   */
  recordSteps: boolean | ((stream: number) => boolean)
}

export class ConnectionTimelines {
  private readonly progress: ConnectionProgress[] = []
  /** The latest stream of each address/port pair, to name the connection a reuse follows. */
  private readonly latestByPair = new Map<string, number>()

  constructor(private readonly options: TimelineOptions) {}

  /** Feeds one segment, right after the tracker analysed it (frames in capture order). */
  observe(seg: TcpSegment, a: TcpFrameAnalysis): void {
    const conv = a.conversation
    let c = this.progress[conv.stream]
    if (!c) {
      const record = this.options.recordSteps
      c = new ConnectionProgress(conv, seg, a, typeof record === 'function' ? record(conv.stream) : record)
      this.progress[conv.stream] = c
      const pair = endpointPairKey(conv)
      const previous = this.latestByPair.get(pair)
      if (previous !== undefined) c.previousStream = previous
      this.latestByPair.set(pair, conv.stream)
    }
    stepOf(c, seg, a)
  }

  /** The connections, summed up, and the capture-level findings (the capture is over: settles them). */
  finish(): { connections: ConnectionTimeline[]; findings: CaptureFinding[] } {
    const connections = this.progress.filter((c): c is ConnectionProgress => c !== undefined).map((c) => summarize(c, true))
    return { connections, findings: findSynFloods(connections, this.progress) }
  }

  /**
   * The connections as they stand now, for a capture that goes on (a live one): nothing is
   * settled or changed, so the segments still to come are read as if no snapshot was taken.
   * Recorded steps are shared with the builder (later frames may still revise them).
   */
  snapshot(): { connections: ConnectionTimeline[]; findings: CaptureFinding[] } {
    const connections = this.progress.filter((c): c is ConnectionProgress => c !== undefined).map((c) => summarize(c, false))
    return { connections, findings: findSynFloods(connections, this.progress) }
  }
}


/** The per-segment work: classify it, move the states, record the step. */
function stepOf(c: ConnectionProgress, seg: TcpSegment, a: TcpFrameAnalysis): void {
  const from = c.roleOf(a.from)
  const to = otherRole(from)
  const frame = seg.frame
  const flags = seg.flags
  const length = Math.max(seg.length, 0)
  const time = seg.sec + seg.nsec / 1e9
  const states = c.states
  const notes: Note[] = c.steps ? [] : scratchNotes
  scratchNotes.length = 0

  c.packets++
  c.lastFrame = frame
  c.lastTime = time
  c.bytes[from] += length
  c.completeness = a.conversation.completeness
  if (a.initialRtt) c.irtt = a.initialRtt.sec + a.initialRtt.nsec / 1e9

  const stepIndex = c.steps ? c.steps.length : -1
  // The sender is acting: a receipt we credited it with may prove premature (or is confirmed).
  reviseIfCrossed(c, from, seg, a, notes)
  if (from === 'client') c.synAckReceipt = undefined
  if (c.resetFrame && from !== c.resetBy && !(flags & RST)) c.sentAfterReset.push(frame)
  trackDupAcks(c, from, frame, a)
  const before = c.steps ? states.snapshot() : undefined

  let kind: StepKind
  let phase: Phase
  let step: number[] = []

  if (flags & RST) {
    ;({ kind, phase } = onReset(c, from, to, frame, notes, stepIndex))
  } else if (flags & SYN) {
    ;({ kind, step } = onSyn(c, seg, a, from, to, time, notes, stepIndex))
    phase = 'open'
  } else {
    ;({ kind, phase, step } = onSegment(c, seg, a, from, to, notes, stepIndex))
  }

  addVerdictNotes(c, a, to, notes)
  if (c.steps && before) {
    const changes = states.take()
    // A role's state before the step is where its first change starts (a revision may move it).
    for (const change of changes) if (change === changes.find((ch) => ch.role === change.role)) before[change.role] = change.from
    c.steps.push({
      frame,
      time: a.timeRelative.sec + a.timeRelative.nsec / 1e9,
      phase,
      step,
      from,
      kind,
      label: labelOf(flags, length),
      before,
      after: states.snapshot(),
      changes,
      segment: segmentOf(seg, a),
      seqFrom: flags & SYN ? undefined : findRef(c.refs[from], a.seq, a.relative),
      ackOf: flags & ACK ? findRef(c.refs[to], a.ack, a.relative) : undefined,
      verdicts: a.flags,
      notes,
    })
  } else {
    states.take()
  }
  rememberRef(c, from, seg, a)
}

/** A reset: the sender is closed at once; the receiver as soon as it arrives. */
function onReset(c: ConnectionProgress, from: Role, to: Role, frame: number, notes: Note[], stepIndex: number): { kind: StepKind; phase: Phase } {
  const states = c.states
  const receiver = states.get(to)
  if (states.get(from) === 'CLOSED' && c.resetFrame) {
    // Answering a segment that was still in flight when the connection was reset.
    c.rstInFlight = true
    const answered = c.sentAfterReset.shift()
    notes.push({ code: 'rst-in-flight', frames: answered ? [answered, c.resetFrame] : [c.resetFrame] })
    if (receiver !== 'CLOSED' && receiver !== 'LISTEN') states.setState(to, 'CLOSED', c.resetFrame, 'received-rst')
    return { kind: 'rst-after-close', phase: 'abort' }
  }
  if (from === 'server' && !c.synAckFrames.length && states.get(to) === 'SYN-SENT' && c.synFrames.length) {
    // SYN answered by RST: nothing listens on that port.
    c.refused = true
    c.resetFrame = frame
    c.resetBy = from
    notes.push({ code: 'refused', frames: [c.synFrames[c.synFrames.length - 1]!] })
    states.setState(from, 'CLOSED', frame, 'refused')
    states.setState(to, 'CLOSED', frame, 'received-rst')
    return { kind: 'refusal', phase: 'abort' }
  }
  if (!c.resetFrame) {
    c.resetFrame = frame
    c.resetBy = from
  }
  states.setState(from, 'CLOSED', frame, 'sent-rst')
  // A listener ignores a reset; anyone else is closed by it (when it arrives).
  if (receiver !== 'LISTEN' && receiver !== 'CLOSED') {
    states.setState(to, 'CLOSED', frame, 'received-rst')
    c.tentative[to] = { stepIndex, frame, previous: receiver, applied: 'CLOSED' }
  }
  return { kind: 'rst', phase: 'abort' }
}

function onSyn(
  c: ConnectionProgress,
  seg: TcpSegment,
  a: TcpFrameAnalysis,
  from: Role,
  to: Role,
  time: number,
  notes: Note[],
  stepIndex: number,
): { kind: StepKind; step: number[] } {
  const states = c.states
  const frame = seg.frame
  if (!(seg.flags & ACK)) {
    if (seg.options.tfo) c.fastOpen = true
    if (seg.options.tfo === 'request') notes.push({ code: 'tfo-cookie-request', frames: [] })
    if (seg.options.tfo === 'cookie') {
      notes.push({ code: 'tfo-cookie', frames: [], values: { data: Math.max(seg.length, 0) } })
    }
    if (from === 'client') {
      if (c.synFrames.length) {
        // The same SYN again: the previous one went unanswered.
        const gap = time - c.synTimes[c.synTimes.length - 1]!
        c.synFrames.push(frame)
        c.synTimes.push(time)
        notes.push({ code: 'syn-retry', frames: [c.synFrames[c.synFrames.length - 2]!], values: { gap: round(gap), attempt: c.synFrames.length - 1 } })
        return { kind: 'syn-retry', step: [1] }
      }
      c.synFrames.push(frame)
      c.synTimes.push(time)
      states.setState('client', 'SYN-SENT', frame, 'sent-syn')
      return { kind: 'syn', step: [1] }
    }
    // The "server" sends a SYN of its own before answering: a simultaneous open.
    if (!c.simultaneousOpen && states.get('client') === 'SYN-SENT' && !c.synAckFrames.length) {
      c.simultaneousOpen = true
      // It was never listening: it was CLOSED and opened actively too.
      reviseState(c, 'server', 0, 'LISTEN', 'CLOSED')
      states.current.server = 'CLOSED'
      states.setState('server', 'SYN-SENT', frame, 'sent-syn')
      states.setState('client', 'SYN-RECEIVED', frame, 'received-syn')
      // The client's SYN was already on its way: it reaches the server after this one left.
      states.setState('server', 'SYN-RECEIVED', c.synFrames[0]!, 'syns-crossed')
      notes.push({ code: 'simultaneous-open', frames: [c.synFrames[0]!] }, { code: 'crossed', frames: [c.synFrames[0]!] })
      return { kind: 'syn-crossed', step: [1] }
    }
    notes.push({ code: 'syn-retry', frames: [], values: { attempt: 1, gap: 0 } })
    return { kind: 'syn-retry', step: [1] }
  }

  // SYN-ACK.
  if (seg.options.tfo === 'cookie') notes.push({ code: 'tfo-cookie', frames: [] })
  if (a.tfo === 'ack-data') notes.push({ code: 'tfo-data-accepted', frames: c.synFrames.slice(-1) })
  if (a.tfo === 'ignored-data') notes.push({ code: 'tfo-data-ignored', frames: c.synFrames.slice(-1) })
  const previous = c.synAckFrom[from]
  c.synAckFrames.push(frame)
  if (!previous) c.synAckFrom[from] = frame
  if (c.simultaneousOpen && !previous) {
    // Each side of a simultaneous open acknowledges the other's SYN with a SYN-ACK (tshark,
    // seeing the same ISN again, calls it a retransmission: it is not one).
    notes.push({ code: 'simultaneous-open', frames: c.synFrames.slice(0, 1), values: { tshark: a.flags & VERDICT.RETRANSMISSION ? 'retransmission' : '' } })
    if (states.get(to) === 'SYN-RECEIVED') states.setState(to, 'ESTABLISHED', frame, 'received-ack-of-syn')
    return { kind: 'syn-ack', step: [2] }
  }
  if (previous) {
    // The SYN-ACK again: the client's third segment was lost, or late.
    notes.push({ code: 'synack-retry', frames: [previous, ...(c.handshakeAckFrame ? [c.handshakeAckFrame] : [])] })
    if (states.get(to) === 'SYN-SENT') states.setState(to, 'ESTABLISHED', frame, 'received-syn-ack')
    return { kind: 'syn-ack-retry', step: [2] }
  }
  if (states.get(from) !== 'SYN-RECEIVED') states.setState(from, 'SYN-RECEIVED', frame, 'answered-syn')
  if (states.get(to) === 'SYN-SENT') {
    states.setState(to, 'ESTABLISHED', frame, 'received-syn-ack')
    c.synAckReceipt = { stepIndex, frame, previous: 'SYN-SENT', applied: 'ESTABLISHED' }
  }
  return { kind: 'syn-ack', step: [2] }
}

/** A segment without SYN or RST: the handshake's third step, data, ACKs, and FINs. */
function onSegment(
  c: ConnectionProgress,
  seg: TcpSegment,
  a: TcpFrameAnalysis,
  from: Role,
  to: Role,
  notes: Note[],
  stepIndex: number,
): { kind: StepKind; phase: Phase; step: number[] } {
  const states = c.states
  const frame = seg.frame
  const flags = seg.flags
  const length = Math.max(seg.length, 0)

  if (states.get(from) === 'UNKNOWN') {
    // The first frame of a connection already open when the capture started.
    states.setState('client', 'ESTABLISHED', frame, 'mid-stream')
    states.setState('server', 'ESTABLISHED', frame, 'mid-stream')
    notes.push({ code: 'not-captured-opening', frames: [] })
    if (c.rolesGuessed) notes.push({ code: 'roles-guessed', frames: [], values: { client: c.endpoint('client').port, server: c.endpoint('server').port } })
  }

  // The acknowledgment first (RFC 9293 §3.10.7.4 processes ACK before FIN).
  let kind: StepKind | undefined
  let phase: Phase = 'data'
  let step: number[] = []
  const acks = (flags & ACK) !== 0 && a.relative
  const receiver = states.get(to)
  if (acks && receiver === 'SYN-RECEIVED' && seqGe(a.ack, 1)) {
    states.setState(to, 'ESTABLISHED', frame, 'received-ack-of-syn')
    if (from === 'client' && !c.simultaneousOpen) {
      c.handshakeAckFrame = frame
      kind = length > 0 ? 'handshake-ack-data' : 'handshake-ack'
      phase = 'open'
      step = [3]
      if (length > 0) {
        c.dataOnThird = true
        notes.push({ code: 'data-on-third', frames: [] })
      }
    }
  }
  const finCovered = acks && c.finFrame[to] !== 0 && seqGe(a.ack, c.finEnd[to])
  const firstAckOfFin = finCovered && !c.finAckedBy[from]
  if (firstAckOfFin) c.finAckedBy[from] = frame
  if (finCovered) {
    if (receiver === 'FIN-WAIT-1' && !(flags & FIN)) states.setState(to, 'FIN-WAIT-2', frame, 'received-ack-of-fin')
    else if (receiver === 'CLOSING') states.setState(to, 'TIME-WAIT', frame, 'received-ack-of-fin')
    else if (receiver === 'LAST-ACK') states.setState(to, 'CLOSED', frame, 'received-ack-of-fin')
  }

  if (flags & FIN) {
    phase = 'close'
    if (c.finFrame[from]) {
      if (!(a.flags & (VERDICT.RETRANSMISSION | VERDICT.FAST_RETRANSMISSION | VERDICT.SPURIOUS_RETRANSMISSION))) notes.push({ code: 'retransmission', frames: [c.finFrame[from]] })
      return { kind: 'fin-retry', phase, step: [from === c.closeInitiator ? 1 : 3] }
    }
    c.finFrame[from] = frame
    c.finEnd[from] = a.nextSeq
    const sender = states.get(from)
    states.setState(from, sender === 'CLOSE-WAIT' ? 'LAST-ACK' : 'FIN-WAIT-1', frame, 'sent-fin')
    // Crossed FINs: the peer's FIN reaches this side after its own left.
    if (c.crossedFins) states.setState(from, 'CLOSING', c.finFrame[to], 'fins-crossed')
    const peer = states.get(to)
    if (c.closeInitiator === null) {
      c.closeInitiator = from
      if (peer === 'ESTABLISHED' || peer === 'SYN-RECEIVED') {
        states.setState(to, 'CLOSE-WAIT', frame, 'received-fin')
        c.tentative[to] = { stepIndex, frame, previous: peer, applied: 'CLOSE-WAIT' }
      }
      if (length > 0) notes.push({ code: 'half-close', frames: [] })
      return { kind: 'fin', phase, step: [1] }
    }
    // The second FIN.
    if (peer === 'FIN-WAIT-1' && finCovered) states.setState(to, 'TIME-WAIT', frame, 'received-fin-ack-of-fin')
    else if (peer === 'FIN-WAIT-1') states.setState(to, 'CLOSING', frame, 'received-fin')
    else if (peer === 'FIN-WAIT-2') states.setState(to, 'TIME-WAIT', frame, 'received-fin')
    if (states.get(to) === 'TIME-WAIT') notes.push({ code: 'time-wait', frames: [], values: { linux: LINUX_TIME_WAIT_SECONDS, rfcMsl: RFC_MSL_SECONDS } })
    if (c.crossedFins) return { kind: 'fin-crossed', phase, step: [3] }
    if (firstAckOfFin) {
      c.mergedFin = true
      return { kind: 'fin-merged', phase, step: [2, 3] }
    }
    return { kind: 'fin-second', phase, step: [3] }
  }

  if (kind) return { kind, phase, step }
  if (firstAckOfFin && length === 0) {
    // Acknowledging the first FIN is wave 2; acknowledging the second FIN is wave 4.
    const ofInitiator = to === c.closeInitiator
    const kind: StepKind = c.crossedFins ? 'closing-ack' : ofInitiator ? 'fin-ack-of-fin' : 'last-ack'
    return { kind, phase: 'close', step: [ofInitiator ? 2 : 4] }
  }
  if (a.flags & VERDICT.KEEP_ALIVE) {
    c.keepAlive = true
    return { kind: 'keep-alive', phase: 'data', step }
  }
  if (a.flags & VERDICT.KEEP_ALIVE_ACK) return { kind: 'keep-alive-ack', phase: 'data', step }
  if (a.flags & VERDICT.ZERO_WINDOW_PROBE) return { kind: 'window-probe', phase: 'data', step }
  if (length > 0) {
    if (c.finFrame[to] && !c.finFrame[from]) {
      // Half-close: the peer has finished sending, this side has not.
      c.halfCloseData = true
      notes.push({ code: 'half-close', frames: [c.finFrame[to]] })
    }
    return { kind: 'data', phase: 'data', step }
  }
  if (a.flags & VERDICT.WINDOW_UPDATE) return { kind: 'window-update', phase: 'data', step }
  if (flags & ACK) return { kind: 'ack', phase: 'data', step }
  return { kind: 'other', phase: 'data', step }
}

/**
 * The sender of this segment acts: when that shows it had not yet received a segment we
 * credited it with (its FIN crossed the peer's FIN, or it still sends after a reset), the
 * change moves to where it belongs.
 */
function reviseIfCrossed(c: ConnectionProgress, from: Role, seg: TcpSegment, a: TcpFrameAnalysis, notes: Note[]): void {
  const pending = c.tentative[from]
  if (!pending) return
  const states = c.states
  const to = otherRole(from)
  if (pending.applied === 'CLOSE-WAIT') {
    if (!(seg.flags & ACK) || !a.relative) return
    if (seqGe(a.ack, c.finEnd[to])) {
      c.tentative[from] = undefined // it had received the FIN: confirmed
      return
    }
    if (!(seg.flags & FIN) || c.finFrame[from]) return
    // Its FIN does not acknowledge the peer's FIN: the two FINs crossed (simultaneous close).
    // It was still ESTABLISHED; the FIN branch sends its FIN and then lets the peer's arrive.
    c.tentative[from] = undefined
    c.crossedFins = true
    reviseState(c, from, pending.stepIndex, 'CLOSE-WAIT', pending.previous)
    states.current[from] = pending.previous
    notes.push({ code: 'crossed', frames: [pending.frame] })
    return
  }
  if (pending.applied === 'CLOSED' && !(seg.flags & RST)) {
    // Still sending after the reset: it had not received it yet.
    c.tentative[from] = undefined
    reviseState(c, from, pending.stepIndex, 'CLOSED', pending.previous)
    states.current[from] = pending.previous
    notes.push({ code: 'crossed', frames: [pending.frame] })
  }
}

/** Rewrites one role's state in the steps recorded since `fromStep` (its "before" there stays). */
function reviseState(c: ConnectionProgress, role: Role, fromStep: number, wrong: TcpState, right: TcpState): void {
  const steps = c.steps
  if (!steps || fromStep < 0) return
  for (let i = fromStep; i < steps.length; i++) {
    const s = steps[i]!
    if (s.before[role] === wrong && (i > fromStep || wrong === 'LISTEN')) s.before[role] = right
    if (s.after[role] === wrong) s.after[role] = right
    if (i === fromStep) s.changes = s.changes.filter((ch) => !(ch.role === role && ch.to === wrong))
  }
}

function addVerdictNotes(c: ConnectionProgress, a: TcpFrameAnalysis, to: Role, notes: Note[]): void {
  const f = a.flags
  if (f & VERDICT.REUSED_PORTS) notes.push({ code: 'reused-ports', frames: [], values: { stream: c.previousStream } })
  const before = notes.length
  if (f & VERDICT.FAST_RETRANSMISSION) notes.push({ code: 'fast-retransmission', frames: [...c.dupAcks[to]], values: { original: a.rtoFrame } })
  else if (f & VERDICT.SPURIOUS_RETRANSMISSION) notes.push({ code: 'spurious-retransmission', frames: a.rtoFrame ? [a.rtoFrame] : [] })
  else if (f & VERDICT.RETRANSMISSION && !c.simultaneousOpen && !notes.some((n) => n.code === 'syn-retry' || n.code === 'synack-retry')) {
    notes.push({ code: 'retransmission', frames: a.rtoFrame ? [a.rtoFrame] : [] })
  }
  if (notes.length > before) c.retransmissions = true
  if (f & VERDICT.OUT_OF_ORDER) notes.push({ code: 'out-of-order', frames: [] })
  if (f & VERDICT.LOST_SEGMENT) notes.push({ code: 'lost-segment', frames: [] })
  if (f & VERDICT.ACK_LOST_SEGMENT) notes.push({ code: 'ack-lost-segment', frames: [] })
  if (f & VERDICT.DUPLICATE_ACK) notes.push({ code: 'duplicate-ack', frames: a.dupAckFrame ? [a.dupAckFrame] : [], values: { count: a.dupAckNum } })
  if (f & VERDICT.ZERO_WINDOW) notes.push({ code: 'zero-window', frames: [] })
  if (f & VERDICT.WINDOW_FULL) notes.push({ code: 'window-full', frames: [] })
}

function segmentOf(seg: TcpSegment, a: TcpFrameAnalysis): StepSegment {
  const o = seg.options
  return {
    flags: seg.flags,
    relative: a.relative,
    seq: a.seq,
    ack: a.ack,
    rawSeq: seg.seq,
    rawAck: seg.ack,
    length: seg.length,
    nextSeq: a.nextSeq,
    windowRaw: seg.window,
    window: a.window,
    options: {
      ...(o.mss !== undefined && { mss: o.mss }),
      ...(o.wsShift >= 0 && { wsShift: o.wsShift }),
      ...(o.sackPermitted && { sackPermitted: true }),
      ...(o.timestamps && { timestamps: true }),
      ...(o.tfo && { tfo: o.tfo }),
    },
  }
}

/** The segment as a student names it. */
function labelOf(flags: number, length: number): string {
  const syn = flags & SYN
  const fin = flags & FIN
  const rst = flags & RST
  const ack = flags & ACK
  let label: string
  if (rst) label = ack ? 'RST-ACK' : 'RST'
  else if (syn) label = ack ? 'SYN-ACK' : 'SYN'
  else if (fin) label = ack ? 'FIN-ACK' : 'FIN'
  else if (length > 0) return 'data'
  else label = ack ? 'ACK' : 'none'
  return length > 0 ? `${label} + data` : label
}

function rememberRef(c: ConnectionProgress, from: Role, seg: TcpSegment, a: TcpFrameAnalysis): void {
  if (!a.relative || a.nextSeq < 0) return
  const syn = (seg.flags & SYN) !== 0
  const fin = (seg.flags & FIN) !== 0
  const length = Math.max(seg.length, 0)
  if (!syn && !fin && length === 0) return
  const end = a.nextSeq
  if (c.sentEnd[from] >= 0 && !seqGt(end, c.sentEnd[from])) return
  c.sentEnd[from] = end
  if (!c.steps) return
  const refs = c.refs[from]
  refs.push({ frame: seg.frame, from, seq: a.seq, length, syn, fin })
  if (refs.length > REFS_KEPT) refs.shift()
}

/** The latest segment of a side whose end (seq + len, + 1 for SYN or FIN) equals `value`. */
function findRef(refs: readonly SegmentRef[], value: number, relative: boolean): SegmentRef | undefined {
  if (!relative) return undefined
  for (let i = refs.length - 1; i >= 0; i--) {
    const r = refs[i]!
    if (((r.seq + r.length + (r.syn ? 1 : 0) + (r.fin ? 1 : 0)) >>> 0) === value) return r
  }
  return undefined
}

/** Keeps each side's run of duplicate ACKs (a new ACK ends the run). */
function trackDupAcks(c: ConnectionProgress, from: Role, frame: number, a: TcpFrameAnalysis): void {
  const run = c.dupAcks[from]
  if (a.flags & VERDICT.DUPLICATE_ACK) {
    if (run.length < 64) run.push(frame)
  } else if (!(a.flags & (VERDICT.KEEP_ALIVE | VERDICT.WINDOW_UPDATE | VERDICT.ZERO_WINDOW_PROBE)) && run.length) {
    run.length = 0
  }
}

function round(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6
}

/** One connection summed up; `settle`: the capture is over (what the last frames leave open is decided). */
function summarize(c: ConnectionProgress, settle: boolean): ConnectionTimeline {
  if (settle) {
    unconfirmSynAck(c)
    deliverReset(c)
  }
  const client = c.endpoint('client')
  const server = c.endpoint('server')
  const timeline: ConnectionTimeline = {
    stream: c.conversation.stream,
    client: { address: client.address, port: client.port, state: c.states.get('client') },
    server: { address: server.address, port: server.port, state: c.states.get('server') },
    rolesGuessed: c.rolesGuessed,
    open: openKind(c),
    close: closeKind(c),
    closeInitiator: closeInitiator(c),
    completeness: c.completeness,
    firstFrame: c.firstFrame,
    lastFrame: c.lastFrame,
    packets: c.packets,
    bytes: { client: c.bytes.client, server: c.bytes.server },
    irtt: c.irtt,
    duration: round(c.lastTime - c.startTime),
    startTime: c.startTime,
    variants: variants(c),
  }
  if (c.steps) {
    timeline.steps = settle ? c.steps : c.steps.slice()
    if (settle) addBackoffNote(c)
  }
  return timeline
}

function openKind(c: ConnectionProgress): OpenKind {
  if (c.simultaneousOpen) return 'simultaneous'
  if (c.refused) return 'refused'
  if (!c.synFrames.length && !c.synAckFrames.length) return 'not-captured'
  if (!c.synAckFrames.length) return 'unanswered'
  if (c.handshakeAckFrame || c.states.get('server') !== 'SYN-RECEIVED' && isSynchronized(c.states.get('server'))) return 'three-way'
  return 'incomplete'
}

function closeKind(c: ConnectionProgress): CloseKind {
  const fins = (c.finFrame.client ? 1 : 0) + (c.finFrame.server ? 1 : 0)
  const finished = fins === 2 && c.finAckedBy.client !== 0 && c.finAckedBy.server !== 0
  if (c.resetFrame && !finished) return 'reset'
  if (fins === 2) return c.crossedFins ? 'simultaneous' : c.mergedFin ? 'three-way' : 'four-way'
  if (fins === 1) return 'half-closed'
  return c.resetFrame ? 'reset' : 'none'
}

function closeInitiator(c: ConnectionProgress): Role | 'both' | null {
  if (c.crossedFins) return 'both'
  if (c.closeInitiator) return c.closeInitiator
  return c.resetBy
}

function variants(c: ConnectionProgress): Variant[] {
  const list: Variant[] = []
  if (c.synFrames.length > 1) list.push('syn-retries')
  if (c.synAckFrames.length > 1 && !c.simultaneousOpen) list.push('synack-retransmitted')
  if (c.dataOnThird) list.push('data-on-third')
  if (c.fastOpen) list.push('fast-open')
  if (c.keepAlive) list.push('keep-alive')
  if (c.previousStream >= 0) list.push('port-reuse')
  if (c.halfCloseData) list.push('half-close')
  if (!c.resetFrame && !hasSentFin(c.states.get('client')) && !hasSentFin(c.states.get('server')) && (isSynchronized(c.states.get('client')) || isSynchronized(c.states.get('server')))) list.push('still-open')
  if (c.retransmissions) list.push('retransmissions')
  if (c.rstInFlight) list.push('rst-in-flight')
  return list
}

/**
 * A SYN-ACK the client never answered (it sent nothing after it, as in a SYN flood from spoofed
 * addresses): nothing shows it arrived, so the client stays in SYN-SENT.
 */
function unconfirmSynAck(c: ConnectionProgress): void {
  const receipt = c.synAckReceipt
  if (!receipt || c.states.get('client') !== receipt.applied) return
  c.synAckReceipt = undefined
  reviseState(c, 'client', receipt.stepIndex, receipt.applied, receipt.previous)
  c.states.current.client = receipt.previous
  c.steps?.[receipt.stepIndex]?.notes.push({ code: 'no-answer', frames: [] })
}

/**
 * A side that kept sending after a reset (its segments crossed it) still receives that reset
 * in the end: after its last captured segment, it is CLOSED too.
 */
function deliverReset(c: ConnectionProgress): void {
  if (!c.resetBy || c.refused) return
  const receiver = otherRole(c.resetBy)
  const state = c.states.get(receiver)
  if (state === 'CLOSED' || state === 'LISTEN') return
  c.states.setState(receiver, 'CLOSED', c.resetFrame, 'received-rst')
  const changes = c.states.take()
  const last = c.steps?.[c.steps.length - 1]
  if (!last) return
  last.after[receiver] = 'CLOSED'
  last.changes.push(...changes)
  last.notes.push({ code: 'crossed', frames: [c.resetFrame] })
}

/** On the last SYN of an unanswered opening: the gaps between attempts, against Linux's backoff. */
function addBackoffNote(c: ConnectionProgress): void {
  if (c.synFrames.length < 2 || c.synAckFrames.length || c.refused || !c.steps) return
  const gaps = c.synTimes.slice(1).map((t, i) => round(t - c.synTimes[i]!))
  const last = c.steps.find((s) => s.frame === c.synFrames[c.synFrames.length - 1])
  last?.notes.push({
    code: 'syn-backoff',
    frames: [...c.synFrames],
    values: { gaps, total: round(c.synTimes[c.synTimes.length - 1]! - c.synTimes[0]!), linux: LINUX_SYN_BACKOFF_SECONDS, linuxTotal: 63 },
  })
}

/** Many half-open connections (SYN, perhaps SYN-ACK, never the final ACK) to one endpoint. */
function findSynFloods(connections: readonly ConnectionTimeline[], progress: readonly (ConnectionProgress | undefined)[]): CaptureFinding[] {
  const byTarget = new Map<string, { target: { address: string; port: number }; frames: number[]; sources: Set<string> }>()
  for (const conn of connections) {
    if (conn.open !== 'unanswered' && conn.open !== 'incomplete') continue
    const key = `${conn.server.address} ${conn.server.port}`
    let group = byTarget.get(key)
    if (!group) {
      group = { target: { address: conn.server.address, port: conn.server.port }, frames: [], sources: new Set() }
      byTarget.set(key, group)
    }
    group.frames.push(progress[conn.stream]?.synFrames[0] ?? conn.firstFrame)
    group.sources.add(conn.client.address)
  }
  const findings: CaptureFinding[] = []
  for (const group of byTarget.values()) {
    if (group.frames.length < SYN_FLOOD_MIN_HALF_OPEN) continue
    findings.push({ code: 'syn-flood', severity: 'warn', count: group.frames.length, frames: group.frames, target: group.target, sources: group.sources.size })
  }
  return findings
}

// The shape of a connection's timeline, as plain data: each captured segment becomes a step
// (phase, the step number as taught, who sent it, both endpoints' states before and after, the
// state changes with their reasons, and notes with evidence). steps.ts builds it; main/teach
// turns it into words; `tcplens conv --json` and the UI read it as it is.
import type { TcpState } from './states'

export type Role = 'client' | 'server'

/** The other endpoint. */
export const otherRole = (role: Role): Role => (role === 'client' ? 'server' : 'client')

export type Phase = 'open' | 'data' | 'close' | 'abort'

/** Both endpoints' states at one moment. */
export interface RoleStates {
  client: TcpState
  server: TcpState
}

/** Why a state changed. Each reason names the event, sent or received, that causes it. */
export type StateReason =
  | 'sent-syn' // CLOSED → SYN-SENT
  | 'answered-syn' // LISTEN → SYN-RECEIVED: sent SYN-ACK in answer to the SYN
  | 'received-syn' // SYN-SENT → SYN-RECEIVED: the peer's SYN arrived (simultaneous open)
  | 'syns-crossed' // the peer's earlier SYN reaches this side after it sent its own
  | 'received-syn-ack' // SYN-SENT → ESTABLISHED
  | 'received-ack-of-syn' // SYN-RECEIVED → ESTABLISHED
  | 'sent-fin' // ESTABLISHED → FIN-WAIT-1, CLOSE-WAIT → LAST-ACK
  | 'received-fin' // ESTABLISHED → CLOSE-WAIT, FIN-WAIT-1 → CLOSING, FIN-WAIT-2 → TIME-WAIT
  | 'fins-crossed' // the peer's earlier FIN reaches this side after it sent its own
  | 'received-ack-of-fin' // FIN-WAIT-1 → FIN-WAIT-2, CLOSING → TIME-WAIT, LAST-ACK → CLOSED
  | 'received-fin-ack-of-fin' // FIN-WAIT-1 → TIME-WAIT: the peer's FIN also acknowledged ours
  | 'sent-rst' // any → CLOSED
  | 'received-rst' // any → CLOSED
  | 'refused' // LISTEN (assumed) → CLOSED: nothing listened, the SYN was answered by RST
  | 'mid-stream' // UNKNOWN → ESTABLISHED: already open when the capture started

export interface StateChange {
  role: Role
  from: TcpState
  to: TcpState
  frame: number
  reason: StateReason
}

/**
 * What a step is, as a stable code. JSON's `label` is the segment as a student names it
 * ("SYN", "SYN-ACK", "ACK", "FIN-ACK", "data", "RST"…), `kind` says what it does here.
 */
export type StepKind =
  | 'syn'
  | 'syn-retry' // the same SYN again (the first was not answered)
  | 'syn-crossed' // simultaneous open: the second SYN, sent before the first arrived
  | 'syn-ack'
  | 'syn-ack-retry' // the SYN-ACK again (the third segment was lost or late)
  | 'handshake-ack' // the third segment
  | 'handshake-ack-data' // the third segment, carrying data
  | 'refusal' // RST-ACK answering a SYN
  | 'data'
  | 'ack'
  | 'keep-alive'
  | 'keep-alive-ack'
  | 'window-probe'
  | 'window-update'
  | 'fin' // the first FIN (wave 1)
  | 'fin-ack-of-fin' // the ACK of the first FIN (wave 2)
  | 'fin-second' // the second FIN (wave 3)
  | 'fin-merged' // the second FIN that also acknowledges the first one (waves 2 + 3)
  | 'fin-crossed' // simultaneous close: the second FIN, sent before the first arrived
  | 'last-ack' // the ACK of the second FIN (wave 4)
  | 'closing-ack' // simultaneous close: the ACK of the peer's FIN, sent from CLOSING
  | 'fin-retry'
  | 'rst' // a reset that aborts the connection
  | 'rst-after-close' // a plain reset answering a segment still in flight, after the abort
  | 'other'

/** A segment of the same connection an explanation points back to. */
export interface SegmentRef {
  frame: number
  from: Role
  /** Relative seq, payload length, and whether it carried SYN or FIN (each consumes one). */
  seq: number
  length: number
  syn: boolean
  fin: boolean
}

/** What was sent, with the numbers as Wireshark shows them. */
export interface StepSegment {
  flags: number
  /** Relative (when `relative`) and raw sequence and acknowledgment numbers. */
  relative: boolean
  seq: number
  ack: number
  rawSeq: number
  rawAck: number
  /** Payload length (−1: unknown, e.g. an IP fragment). */
  length: number
  /** tcp.nxtseq (−1: none). */
  nextSeq: number
  /** The window field as sent, and scaled (as tcp.window_size). */
  windowRaw: number
  window: number
  /** Option summary for teaching: MSS, window-scale shift, SACK permitted, timestamps, TFO. */
  options: StepOptions
}

export interface StepOptions {
  mss?: number
  wsShift?: number
  sackPermitted?: boolean
  timestamps?: boolean
  tfo?: 'request' | 'cookie'
}

export type NoteCode =
  | 'retransmission' // frames: [the original]
  | 'fast-retransmission' // frames: the dup ACKs that asked for it; values.original: the first transmission (0: not captured)
  | 'spurious-retransmission'
  | 'out-of-order'
  | 'lost-segment' // a gap before this segment: something was not captured
  | 'ack-lost-segment' // acknowledges something not captured
  | 'duplicate-ack' // values.count; frames: [the ACK repeated]
  | 'zero-window'
  | 'window-full'
  | 'reused-ports' // frames: [the previous connection's last frame]; values.stream
  | 'syn-retry' // values.gap (s since the previous SYN), values.attempt
  | 'syn-backoff' // on the last SYN of an unanswered opening: values.gaps, values.total, linux 63 s
  | 'simultaneous-open' // tshark calls these SYN-ACKs retransmissions; they are not
  | 'synack-retry' // the client's ACK (frames) was lost or late
  | 'tfo-cookie-request'
  | 'tfo-cookie'
  | 'tfo-data-accepted'
  | 'tfo-data-ignored'
  | 'data-on-third'
  | 'half-close' // data sent after the peer's FIN (or by the side that has not closed)
  | 'time-wait' // values.linux = 60, values.rfcMsl = 120
  | 'crossed' // the segment crossed the peer's (simultaneous open/close)
  | 'rst-in-flight' // this RST answers a segment sent before the peer learned of the abort
  | 'refused'
  | 'not-captured-opening'
  | 'roles-guessed'
  | 'no-answer' // the SYN-ACK's receiver never sent anything after it (spoofed, gone, or lost)

export interface Note {
  code: NoteCode
  /** Evidence: earlier (or later) frames of the capture this note rests on. */
  frames: number[]
  values?: Record<string, number | number[] | string>
}

export interface Step {
  frame: number
  /** Seconds since the connection's first captured frame. */
  time: number
  phase: Phase
  /** The step number as taught: handshake 1–3, wave 1–4; a merged FIN+ACK has [2, 3]. Empty for data. */
  step: number[]
  from: Role
  kind: StepKind
  /** The segment as a student names it: "SYN", "SYN-ACK", "ACK", "FIN-ACK", "RST-ACK", "data"… */
  label: string
  before: RoleStates
  after: RoleStates
  changes: StateChange[]
  segment: StepSegment
  /** The sender's earlier segment whose end this seq continues (for "seq = 0 + 1"). */
  seqFrom?: SegmentRef
  /** The peer's segment whose end this ack equals (for "ack = x + 1"). */
  ackOf?: SegmentRef
  /** tcp.analysis verdict bits of this frame (VERDICT). */
  verdicts: number
  notes: Note[]
}

export type OpenKind = 'three-way' | 'simultaneous' | 'refused' | 'unanswered' | 'incomplete' | 'not-captured'
export type CloseKind = 'four-way' | 'three-way' | 'simultaneous' | 'reset' | 'half-closed' | 'none'

/** Variants recognised in a connection (more than one can apply), for capture-level explanations. */
export type Variant =
  | 'syn-retries'
  | 'synack-retransmitted'
  | 'data-on-third'
  | 'fast-open'
  | 'keep-alive'
  | 'port-reuse'
  | 'half-close'
  | 'still-open'
  | 'retransmissions'
  | 'rst-in-flight'

/** One connection's summary and timeline (the JSON shape of `tcplens conv --json`, plus kinds). */
export interface ConnectionTimeline {
  stream: number
  client: { address: string; port: number; state: TcpState }
  server: { address: string; port: number; state: TcpState }
  rolesGuessed: boolean
  open: OpenKind
  close: CloseKind
  closeInitiator: Role | 'both' | null
  completeness: number
  firstFrame: number
  lastFrame: number
  packets: number
  /** Payload bytes sent by each side. */
  bytes: { client: number; server: number }
  /** Seconds, or null when not measured. */
  irtt: number | null
  /** Seconds from the first to the last captured frame. */
  duration: number
  /** Capture time (seconds since the epoch) of the first frame. */
  startTime: number
  variants: Variant[]
  /** Present when steps were recorded. */
  steps?: Step[]
}

/** A capture-level finding (JSON's `expert`). */
export interface CaptureFinding {
  code: 'syn-flood'
  severity: 'warn'
  count: number
  frames: number[]
  /** The endpoint attacked, and how many distinct sources sent the SYNs. */
  target: { address: string; port: number }
  sources: number
}

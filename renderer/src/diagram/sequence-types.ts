// The shape of one connection's sequence diagram as plain data: where every lifeline, arrow,
// state box, phase bracket, TIME-WAIT bar and data block goes, and what it says (as codes and
// numbers; the component puts them into words). layoutSequence (sequence-layout.ts) makes it from
// a ConnectionNarrative without Vue or the DOM; SequenceDiagram.vue draws it.
import type { RoleName, SegmentFacts, TcpStateName } from '../../../preload/contract/api'
import type { DataRun, DataSummary } from './sequence-data'

export type SequenceSpacing = 'time' | 'compact'

export interface SequenceOptions {
  /** 'time': y follows the capture times (long idle gaps compressed); 'compact': one row per event. */
  spacing: SequenceSpacing
  /** Long data phases drawn segment by segment instead of one summary block. */
  dataExpanded: boolean
  /** Pixels per rem (the UI's root font size): every size of the diagram follows it. */
  rem?: number
  /** A data phase of more steps than this collapses into one block (unless expanded). */
  collapseAbove?: number
}

/** How far apart things are, in pixels (all derived from the rem). */
export interface SequenceMetrics {
  rem: number
  /** Vertical room for one arrow's two lines of label. */
  row: number
  margin: number
  /** The left gutter holding the phase brackets. */
  gutter: number
  /** The column outside each lifeline holding its state boxes. */
  stateColumn: number
  /** Between the two lifelines. */
  span: number
  header: number
  stateBox: { width: number; height: number }
  /** The smallest drop from departure to arrival: every arrow slants. */
  minDrop: number
  /** The smallest vertical step between two events of different times. */
  minStep: number
}

/** When a mark appears in playback: with step `index`, once its segment leaves or arrives. */
export interface Reveal {
  index: number
  at: 'start' | 'departure' | 'arrival'
}

export interface SequenceLifeline {
  role: RoleName
  x: number
  address: string
  port: number
  /** The engine guessed who is the client (the opening was not captured). */
  guessed: boolean
  top: number
  bottom: number
}

/** One-way delays between each host and the capture point (seconds), and where they came from. */
export interface FlightDelays {
  client: number
  server: number
  source: 'handshake' | 'irtt' | 'default'
}

export type ArrowClass =
  | 'handshake'
  | 'data'
  | 'ack'
  | 'teardown'
  | 'abort'
  | 'refused'
  | 'retransmission'
  | 'syn-retry'
  | 'keep-alive'
  | 'window'
  | 'duplicate-ack'
  | 'crossed'
  | 'half-close'
  | 'rst-in-flight'
  | 'fast-open'
  | 'data-on-third'

/** The classes worth a word beside an arrow's flags, most telling first. */
export const ARROW_TAGS = ['syn-retry', 'retransmission', 'rst-in-flight', 'keep-alive', 'duplicate-ack', 'window', 'data-on-third', 'fast-open', 'half-close'] as const
export type ArrowTag = (typeof ARROW_TAGS)[number]

/** A segment's numbers, relative and raw, so the component can switch without a new layout. */
export interface ArrowNumbers extends Pick<SegmentFacts, 'relative' | 'seq' | 'ack' | 'rawSeq' | 'rawAck' | 'length'> {
  /** The ACK flag is set (the ack field means something). */
  hasAck: boolean
}

export interface SequenceArrow {
  /** The step's index in the narrative. */
  index: number
  frame: number
  from: RoleName
  to: RoleName
  x1: number
  y1: number
  x2: number
  y2: number
  /** Model times (seconds since the connection's first frame): left the sender, reached the receiver. */
  depart: number
  arrive: number
  /** The capture time. */
  time: number
  /** The segment as a student names it: "SYN", "SYN-ACK", "FIN-ACK", "data"… */
  label: string
  kind: string
  flags: string[]
  numbers: ArrowNumbers
  /** Handshake 1–3, wave 1–4 ([2, 3] for a merged FIN-ACK); [] for data. */
  steps: number[]
  payload?: string
  classes: ArrowClass[]
  /** What the arrow is, when it is more than its flags say (the component words it): 'keep-alive', 'retransmission'… */
  tag?: ArrowTag
  /** The point of the arrow its label is centred on (the middle, unless another label is in the way). */
  labelX: number
  labelY: number
  /** The step indexes of the frames its seq continues and its ack answers (−1: none). */
  seqFromIndex: number
  ackOfIndex: number
  /** A SYN retry: seconds since the previous attempt, drawn as a dimension beside the sender. */
  backoff?: { seconds: number; x: number; y1: number; y2: number }
}

export interface SequenceStateBox {
  role: RoleName
  state: TcpStateName
  /** main/tcp/step.ts StateReason ('' for the first state). */
  reason: string
  /** The box's centre, and the point on the lifeline it belongs to (boxes stack when close). */
  x: number
  y: number
  anchorX: number
  anchorY: number
  width: number
  height: number
  reveal: Reveal
}

export type PhaseName =
  | 'three-way-handshake'
  | 'simultaneous-open'
  | 'refused'
  | 'unanswered'
  | 'incomplete-handshake'
  | 'data-transfer'
  | 'half-close'
  | 'four-way-teardown'
  | 'three-segment-close'
  | 'simultaneous-close'
  | 'half-closed'
  | 'teardown'
  | 'reset'

export interface SequencePhase {
  phase: PhaseName
  /** 0: the connection's phases; 1: nested inside one (data still flowing one way after a FIN). */
  depth: 0 | 1
  firstIndex: number
  lastIndex: number
  x: number
  y1: number
  y2: number
}

export interface SequenceTimeWait {
  role: RoleName
  x: number
  y1: number
  y2: number
  /** 2MSL as Linux waits it, and by RFC 9293's MSL of 2 minutes (seconds). */
  linuxSeconds: number
  rfcSeconds: number
  reveal: Reveal
}

/** A long run of data steps: one summary block, or (expanded) the run's extent with a collapse control. */
export interface SequenceDataBlock extends DataRun, DataSummary {
  collapsed: boolean
  x1: number
  x2: number
  y1: number
  y2: number
}

/** A compressed stretch of time with nothing in it ("… 75 s idle …"). */
export interface SequenceGap {
  y: number
  seconds: number
}

/** A thin connector from an original segment's arrow to its retransmission (or a SYN to its retry). */
export interface SequenceLink {
  fromIndex: number
  toIndex: number
  x1: number
  y1: number
  x2: number
  y2: number
  /** The control point of the curve between them. */
  cx: number
  cy: number
}

export interface SequenceLayout {
  metrics: SequenceMetrics
  width: number
  height: number
  lifelines: { client: SequenceLifeline; server: SequenceLifeline }
  delays: FlightDelays
  /** Where the capture point sits between the hosts (x), in proportion to the two delays. */
  captureX: number
  /** Seconds → pixels in 'time' spacing (null in 'compact'). */
  pixelsPerSecond: number | null
  arrows: SequenceArrow[]
  /** For each step index: its arrow's index in `arrows` (−1 when it sits in a collapsed block). */
  arrowOfStep: Int32Array
  /** For each step index: the index in `blocks` of the long data run holding it (−1: none). */
  blockOfStep: Int32Array
  states: SequenceStateBox[]
  phases: SequencePhase[]
  timeWaits: SequenceTimeWait[]
  blocks: SequenceDataBlock[]
  gaps: SequenceGap[]
  links: SequenceLink[]
  /** The connection's start was not captured: a break at the top, at this y. */
  startBreak: number | null
}

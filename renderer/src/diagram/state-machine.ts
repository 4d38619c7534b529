// RFC 9293's TCP connection state diagram (its Figure 5) as data: where each state's box sits,
// and each transition as a route of straight segments with its "event / action" label. The
// words are keys into the UI catalog (explain.machine.event.* and .action.*), so the figure
// reads in both languages; state names stay in RFC form. Like the RFC, CLOSED appears twice:
// at the top where a connection begins, and at the bottom right where it ends.
import type { TcpStateName } from '../../../preload/contract/api'

/** The states of the figure (the engine's UNKNOWN is not one). */
export type MachineState = Exclude<TcpStateName, 'UNKNOWN'>

export type MachineNodeId =
  | 'closed'
  | 'listen'
  | 'syn-sent'
  | 'syn-received'
  | 'established'
  | 'fin-wait-1'
  | 'fin-wait-2'
  | 'close-wait'
  | 'closing'
  | 'last-ack'
  | 'time-wait'
  | 'closed-end'

/** The events that cause a transition (RFC 9293's words: user calls, segments received, timeouts). */
export type MachineEvent =
  | 'passiveOpen'
  | 'activeOpen'
  | 'close'
  | 'send'
  | 'rcvSyn'
  | 'rcvSynAck'
  | 'rcvAckOfSyn'
  | 'rcvRst'
  | 'rcvFin'
  | 'rcvAckOfFin'
  | 'rcvFinAckOfFin'
  | 'timeout2Msl'

/** What TCP does on the way (RFC 9293 writes "x" where it does nothing: an empty list here). */
export type MachineAction = 'createTcb' | 'deleteTcb' | 'sndSyn' | 'sndSynAck' | 'sndAck' | 'sndFin'

export type Point = readonly [x: number, y: number]

export interface StateNode {
  id: MachineNodeId
  state: MachineState
  /** The centre of its box. */
  x: number
  y: number
}

export interface EdgeLabel {
  /** Where the first line's baseline starts (or is centred, or ends: `anchor`). */
  x: number
  y: number
  anchor: 'start' | 'middle' | 'end'
}

export interface StateEdge {
  id: string
  from: MachineNodeId
  to: MachineNodeId
  event: MachineEvent
  actions: readonly MachineAction[]
  /** The route, from the source box's border to the target box's border (the arrowhead). */
  points: readonly Point[]
  label: EdgeLabel
  /**
   * 2: not drawn in Figure 5 but named by its note 2 (FIN-WAIT-1 → TIME-WAIT when the peer's FIN
   * also acknowledges ours); drawn dashed, and only when a step takes it.
   */
  note?: 2
}

/** The figure's size, in SVG units; a box's size; a label's font size and line height. */
export const MACHINE_SIZE = { width: 616, height: 728 } as const
export const NODE_SIZE = { width: 124, height: 34 } as const
export const NODE_FONT_SIZE = 15
export const LABEL_FONT_SIZE = 12.5
export const LABEL_LINE_HEIGHT = 14

const COLUMN = { left: 74, centre: 290, right: 500 } as const

/** RFC 9293's eleven states, in the order §3.3.2 lists them. */
export const RFC_STATES: readonly TcpStateName[] = [
  'CLOSED',
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
]

export const STATE_NODES: readonly StateNode[] = [
  { id: 'closed', state: 'CLOSED', x: COLUMN.centre, y: 30 },
  { id: 'listen', state: 'LISTEN', x: COLUMN.centre, y: 130 },
  { id: 'syn-received', state: 'SYN-RECEIVED', x: COLUMN.left, y: 240 },
  { id: 'syn-sent', state: 'SYN-SENT', x: COLUMN.right, y: 240 },
  { id: 'established', state: 'ESTABLISHED', x: COLUMN.centre, y: 340 },
  { id: 'fin-wait-1', state: 'FIN-WAIT-1', x: COLUMN.left, y: 440 },
  { id: 'close-wait', state: 'CLOSE-WAIT', x: COLUMN.right, y: 440 },
  { id: 'fin-wait-2', state: 'FIN-WAIT-2', x: COLUMN.left, y: 560 },
  { id: 'closing', state: 'CLOSING', x: COLUMN.centre, y: 560 },
  { id: 'last-ack', state: 'LAST-ACK', x: COLUMN.right, y: 560 },
  { id: 'time-wait', state: 'TIME-WAIT', x: COLUMN.centre, y: 670 },
  { id: 'closed-end', state: 'CLOSED', x: COLUMN.right, y: 670 },
]

export const STATE_EDGES: readonly StateEdge[] = [
  edge('closed', 'listen', 'passiveOpen', ['createTcb'], [[274, 47], [274, 113]], { x: 266, y: 78, anchor: 'end' }),
  edge('listen', 'closed', 'close', ['deleteTcb'], [[306, 113], [306, 47]], { x: 314, y: 92, anchor: 'start' }),
  edge('closed', 'syn-sent', 'activeOpen', ['createTcb', 'sndSyn'], [[352, 22], [470, 22], [470, 223]], { x: 462, y: 50, anchor: 'end' }),
  edge('syn-sent', 'closed', 'close', ['deleteTcb'], [[530, 223], [530, 38], [352, 38]], { x: 536, y: 120, anchor: 'start' }),
  edge('listen', 'syn-sent', 'send', ['sndSyn'], [[352, 130], [450, 130], [450, 223]], { x: 401, y: 150, anchor: 'middle' }),
  edge('syn-received', 'listen', 'rcvRst', [], [[40, 223], [40, 122], [228, 122]], { x: 134, y: 114, anchor: 'middle' }),
  edge('listen', 'syn-received', 'rcvSyn', ['sndSynAck'], [[228, 140], [100, 140], [100, 223]], { x: 108, y: 160, anchor: 'start' }),
  edge('syn-sent', 'syn-received', 'rcvSyn', ['sndSynAck'], [[438, 240], [136, 240]], { x: 287, y: 218, anchor: 'middle' }),
  edge('syn-sent', 'established', 'rcvSynAck', ['sndAck'], [[480, 257], [480, 340], [352, 340]], { x: 488, y: 290, anchor: 'start' }),
  edge('syn-received', 'established', 'rcvAckOfSyn', [], [[100, 257], [100, 340], [228, 340]], { x: 108, y: 290, anchor: 'start' }),
  edge('syn-received', 'fin-wait-1', 'close', ['sndFin'], [[40, 257], [40, 423]], { x: 46, y: 380, anchor: 'start' }),
  edge('established', 'fin-wait-1', 'close', ['sndFin'], [[244, 357], [244, 428], [136, 428]], { x: 236, y: 385, anchor: 'end' }),
  edge('established', 'close-wait', 'rcvFin', ['sndAck'], [[336, 357], [336, 440], [438, 440]], { x: 344, y: 385, anchor: 'start' }),
  edge('fin-wait-1', 'fin-wait-2', 'rcvAckOfFin', [], [[24, 457], [24, 543]], { x: 30, y: 500, anchor: 'start' }),
  edge('fin-wait-1', 'closing', 'rcvFin', ['sndAck'], [[136, 440], [266, 440], [266, 543]], { x: 274, y: 490, anchor: 'start' }),
  edge('close-wait', 'last-ack', 'close', ['sndFin'], [[500, 457], [500, 543]], { x: 508, y: 496, anchor: 'start' }),
  edge('fin-wait-2', 'time-wait', 'rcvFin', ['sndAck'], [[74, 577], [74, 670], [228, 670]], { x: 68, y: 620, anchor: 'end' }),
  edge('closing', 'time-wait', 'rcvAckOfFin', [], [[290, 577], [290, 653]], { x: 298, y: 600, anchor: 'start' }),
  edge('last-ack', 'closed-end', 'rcvAckOfFin', [], [[500, 577], [500, 653]], { x: 492, y: 625, anchor: 'end' }),
  edge('time-wait', 'closed-end', 'timeout2Msl', ['deleteTcb'], [[352, 670], [438, 670]], { x: 395, y: 705, anchor: 'middle' }),
  {
    ...edge('fin-wait-1', 'time-wait', 'rcvFinAckOfFin', ['sndAck'], [[136, 452], [160, 452], [160, 612], [250, 612], [250, 653]], { x: 82, y: 628, anchor: 'start' }),
    note: 2,
  },
]

function edge(from: MachineNodeId, to: MachineNodeId, event: MachineEvent, actions: MachineAction[], points: Point[], label: EdgeLabel): StateEdge {
  return { id: `${from}>${to}`, from, to, event, actions, points, label }
}

const NODES_BY_ID = new Map(STATE_NODES.map((n) => [n.id, n]))

export function nodeById(id: MachineNodeId): StateNode {
  return NODES_BY_ID.get(id)!
}

export function stateOf(id: MachineNodeId): MachineState {
  return nodeById(id).state
}

/** The edge of the figure from one state to another, if it has one. */
export function edgeBetween(from: TcpStateName, to: TcpStateName): StateEdge | undefined {
  return STATE_EDGES.find((e) => stateOf(e.from) === from && stateOf(e.to) === to)
}

/** The SVG path of an edge's route. */
export function edgePath(e: StateEdge): string {
  return e.points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join(' ')
}

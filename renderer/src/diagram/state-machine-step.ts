// The state machine at one step of a connection: where each endpoint is after the step, which
// edges of RFC 9293's figure the step took (and for whom), and the changes the figure has no
// edge for (a RST, a refusal, a connection caught mid-stream), each with why.
import type { NarrativeStep, RoleName, StateChangeDto, TcpStateName } from '../../../preload/contract/api'
import { edgeBetween, type MachineNodeId, type StateEdge, STATE_NODES } from './state-machine'

/** Who took an edge, or is in a state. */
export type RoleMark = RoleName | 'both'

/** Why a state change is not (or not quite) an edge of the figure. */
export type OutsideReason = 'refused' | 'rst' | 'mid-stream' | 'note-2' | 'no-edge'

export interface OutsideChange extends StateChangeDto {
  why: OutsideReason
}

export interface EndpointAtStep {
  state: TcpStateName
  /** Its box in the figure (none for UNKNOWN). */
  node?: MachineNodeId
}

export interface MachineAtStep {
  client: EndpointAtStep
  server: EndpointAtStep
  /** The edges this step took, by edge id. */
  taken: ReadonlyMap<string, RoleMark>
  outside: OutsideChange[]
}

/** Reasons whose transition the figure leaves out, although it may have an edge between the same states. */
const OUTSIDE_BY_REASON: Readonly<Record<string, OutsideReason>> = {
  refused: 'refused',
  'sent-rst': 'rst',
  'received-rst': 'rst',
  'mid-stream': 'mid-stream',
}

/** The edge of the figure a state change took, if the figure has one for it. */
export function edgeOfChange(change: StateChangeDto): StateEdge | undefined {
  if (OUTSIDE_BY_REASON[change.reason]) return undefined
  return edgeBetween(change.from, change.to)
}

/** Why a change is shown under the figure, or undefined when it is one of the figure's own edges. */
export function outsideReason(change: StateChangeDto): OutsideReason | undefined {
  const byReason = OUTSIDE_BY_REASON[change.reason]
  if (byReason) return byReason
  const taken = edgeBetween(change.from, change.to)
  if (!taken) return 'no-edge'
  return taken.note === 2 ? 'note-2' : undefined
}

/** Both marks together: a client's and a server's on the same thing make 'both'. */
export function joinMarks(a: RoleMark | undefined, b: RoleMark): RoleMark {
  return a === undefined || a === b ? b : 'both'
}

/**
 * The box a state is drawn in. CLOSED has two: the top one until the endpoint has gone (back)
 * into CLOSED at some step up to this one, the bottom one (where connections end) after.
 */
export function nodeOfState(state: TcpStateName, closedAgain: boolean): MachineNodeId | undefined {
  if (state === 'CLOSED') return closedAgain ? 'closed-end' : 'closed'
  return STATE_NODES.find((n) => n.state === state)?.id
}

function enteredClosed(steps: readonly NarrativeStep[], index: number, role: RoleName): boolean {
  return steps.slice(0, index + 1).some((s) => s.changes.some((c) => c.role === role && c.to === 'CLOSED'))
}

function endpointAt(steps: readonly NarrativeStep[], index: number, role: RoleName): EndpointAtStep {
  const step = steps[index]
  const state: TcpStateName = step ? step.after[role] : (steps[0]?.before[role] ?? 'UNKNOWN')
  const node = nodeOfState(state, enteredClosed(steps, index, role))
  return node ? { state, node } : { state }
}

/** The machine after step `index` (−1: before the first step, nothing taken). */
export function machineAt(steps: readonly NarrativeStep[], index: number): MachineAtStep {
  const taken = new Map<string, RoleMark>()
  const outside: OutsideChange[] = []
  for (const change of steps[index]?.changes ?? []) {
    const edge = edgeOfChange(change)
    if (edge) taken.set(edge.id, joinMarks(taken.get(edge.id), change.role))
    const why = outsideReason(change)
    if (why) outside.push({ ...change, why })
  }
  return { client: endpointAt(steps, index, 'client'), server: endpointAt(steps, index, 'server'), taken, outside }
}

/** Who is in each box after a step. */
export function occupants(machine: MachineAtStep): ReadonlyMap<MachineNodeId, RoleMark> {
  const out = new Map<MachineNodeId, RoleMark>()
  for (const role of ['client', 'server'] as const) {
    const node = machine[role].node
    if (node) out.set(node, joinMarks(out.get(node), role))
  }
  return out
}

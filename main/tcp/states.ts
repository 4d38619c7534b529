// Both endpoints' connection states (RFC 9293 §3.3.2 names), as far as the capture shows them.
// Every change goes through one setState(), which records the change, the frame whose sending
// or receipt causes it, and the reason: the timeline and the narrative read those records.
import type { Role, RoleStates, StateChange, StateReason } from './step'

export const TCP_STATES = [
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
  'UNKNOWN',
] as const

export type TcpState = (typeof TCP_STATES)[number]

/** States in which both ISNs are known to the endpoint (RFC 9293: "synchronized states"). */
const SYNCHRONIZED: ReadonlySet<TcpState> = new Set(['ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT'])

export function isSynchronized(state: TcpState): boolean {
  return SYNCHRONIZED.has(state)
}

/** The endpoint has sent its FIN (it can no longer send data). */
export function hasSentFin(state: TcpState): boolean {
  return state === 'FIN-WAIT-1' || state === 'FIN-WAIT-2' || state === 'CLOSING' || state === 'LAST-ACK' || state === 'TIME-WAIT'
}

/** Linux keeps a socket in TIME-WAIT for 60 s (TCP_TIMEWAIT_LEN, fixed at compile time). */
export const LINUX_TIME_WAIT_SECONDS = 60
/** RFC 9293 §3.4.2 suggests MSL = 2 minutes, so 2MSL = 4 minutes. */
export const RFC_MSL_SECONDS = 120

export class EndpointStates {
  readonly current: RoleStates
  /** Changes since the last take(). */
  private pending: StateChange[] = []

  constructor(client: TcpState, server: TcpState) {
    this.current = { client, server }
  }

  get(role: Role): TcpState {
    return this.current[role]
  }

  /** The one place a state changes. A change to the same state is not a change. */
  setState(role: Role, next: TcpState, frame: number, reason: StateReason): void {
    const from = this.current[role]
    if (from === next) return
    this.current[role] = next
    this.pending.push({ role, from, to: next, frame, reason })
  }

  snapshot(): RoleStates {
    return { client: this.current.client, server: this.current.server }
  }

  /** The changes made since the previous call (for the step being built). */
  take(): StateChange[] {
    const changes = this.pending
    this.pending = []
    return changes
  }
}

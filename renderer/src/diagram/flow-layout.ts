// The flow graph's geometry, as arithmetic: where each host's lifeline stands, where a row's
// arrow starts and ends, and which states change on it (shown as badges by the host that
// changed). One row per packet, all rows the same height, so the list can be windowed.
import type { FlowRow, TcpStateName } from '../../../preload/contract/api'

export interface FlowGeometry {
  hosts: number
  /** Width of one host's column (px); the lifeline is in its middle. */
  column: number
}

/**
 * A host column's width: the room the time and comment columns leave, shared among the hosts,
 * never narrower than `least` (the view scrolls sideways then).
 */
export function hostColumn(available: number, hosts: number, least: number): number {
  return Math.max(least, Math.floor(available / Math.max(1, hosts)))
}

/** The lifeline's x of host `i`. */
export function hostX(geometry: FlowGeometry, i: number): number {
  return (i + 0.5) * geometry.column
}

/** The drawing width of all the host columns. */
export function hostsWidth(geometry: FlowGeometry): number {
  return Math.max(1, geometry.hosts) * geometry.column
}

export interface FlowArrow {
  x1: number
  x2: number
  /** +1 left to right, −1 right to left, 0 a host to itself (both ends on one lifeline). */
  direction: 1 | -1 | 0
}

export function flowArrow(geometry: FlowGeometry, row: Pick<FlowRow, 'src' | 'dst'>): FlowArrow {
  const x1 = hostX(geometry, row.src)
  const x2 = hostX(geometry, row.dst)
  return { x1, x2, direction: x2 > x1 ? 1 : x2 < x1 ? -1 : 0 }
}

export interface FlowStateBadge {
  role: 'client' | 'server'
  /** The host column it is drawn by (the sender's or the receiver's). */
  host: number
  from: TcpStateName
  to: TcpStateName
}

/** The states that change on a row, each by the host of the endpoint that changed. */
export function flowStateBadges(row: Pick<FlowRow, 'from' | 'src' | 'dst' | 'before' | 'after'>): FlowStateBadge[] {
  const badges: FlowStateBadge[] = []
  for (const role of ['client', 'server'] as const) {
    if (row.before[role] === row.after[role]) continue
    badges.push({ role, host: role === row.from ? row.src : row.dst, from: row.before[role], to: row.after[role] })
  }
  return badges
}

/** The numbers under an arrow, as Wireshark's flow graph writes them. */
export function flowNumbers(row: Pick<FlowRow, 'segment'>): string {
  const s = row.segment
  const parts = [`Seq=${s.seq}`]
  if (s.flagNames.includes('ACK')) parts.push(`Ack=${s.ack}`)
  if (s.length > 0) parts.push(`Len=${s.length}`)
  return parts.join(' ')
}

/** Colours cycle through this many per connection. */
export const STREAM_COLOURS = 8

export function streamColour(stream: number): number {
  return ((stream % STREAM_COLOURS) + STREAM_COLOURS) % STREAM_COLOURS
}

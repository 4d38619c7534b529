// When each segment left its sender and reached its receiver, as the capture point saw it. The
// capture sees a segment once, somewhere between the hosts: from the handshake (SYN at t1, SYN-ACK
// at t2, ACK at t3) the capture point ↔ server round trip is t2 − t1 and the capture point ↔ client
// round trip is t3 − t2; each one-way delay is half of its round trip. A client → server segment
// captured at t left the client at t − dClient and reaches the server at t + dServer.
import type { ConnectionDto, NarrativeStep, RoleName } from '../../../preload/contract/api'
import type { FlightDelays } from './sequence-types'

/** Times are compared at nanosecond precision, so equal instants computed two ways stay equal. */
export const roundTime = (seconds: number): number => Math.round(seconds * 1e9) / 1e9

/** How far before the crossed segment's arrival a crossing segment is made to leave, at least. */
const CROSSING_MARGIN = 1e-6

const SYNS = new Set(['syn', 'syn-retry'])
const SYN_ACKS = new Set(['syn-ack', 'syn-ack-retry'])
const THIRD = new Set(['handshake-ack', 'handshake-ack-data'])

/** The capture ↔ server and capture ↔ client round trips from the handshake, when it was captured. */
function handshakeRoundTrips(steps: readonly NarrativeStep[]): { server: number; client: number } | null {
  const third = steps.findIndex((s) => THIRD.has(s.kind))
  const firstSynAck = steps.findIndex((s) => s.from === 'server' && SYN_ACKS.has(s.kind))
  if (third < 0 || firstSynAck < 0 || firstSynAck > third) return null
  const lastSyn = findLastBefore(steps, firstSynAck, (s) => s.from === 'client' && SYNS.has(s.kind))
  const lastSynAck = findLastBefore(steps, third, (s) => s.from === 'server' && SYN_ACKS.has(s.kind))
  if (lastSyn < 0 || lastSynAck < 0) return null
  const server = steps[firstSynAck]!.time - steps[lastSyn]!.time
  const client = steps[third]!.time - steps[lastSynAck]!.time
  return server >= 0 && client >= 0 ? { server, client } : null
}

function findLastBefore(steps: readonly NarrativeStep[], end: number, test: (s: NarrativeStep) => boolean): number {
  for (let i = end - 1; i >= 0; i--) if (test(steps[i]!)) return i
  return -1
}

/**
 * Each host's one-way delay to the capture point: from the handshake, else the iRTT split evenly,
 * else none; then no longer than any answer allows (answersAllow).
 */
export function flightDelays(steps: readonly NarrativeStep[], connection: Pick<ConnectionDto, 'irtt'>): FlightDelays {
  const trips = handshakeRoundTrips(steps)
  let delays: FlightDelays = { client: 0, server: 0, source: 'default' }
  if (trips && trips.server + trips.client > 0) delays = { client: trips.client / 2, server: trips.server / 2, source: 'handshake' }
  else if (connection.irtt !== null && connection.irtt > 0) delays = { client: connection.irtt / 4, server: connection.irtt / 4, source: 'irtt' }
  const limit = answersAllow(steps)
  return { ...delays, client: Math.min(delays.client, limit.client), server: Math.min(delays.server, limit.server) }
}

/**
 * A segment that acknowledges the peer's segment was sent after that segment arrived. When the
 * capture saw the two `gap` seconds apart, the host is at most gap / 2 from the capture point.
 * The handshake's round trips can be far longer than that: on loopback they are mostly the time a
 * host takes to answer a SYN, and a later ACK comes back in a few microseconds. Without this
 * limit such an ACK would be drawn leaving before the data it acknowledges had arrived.
 */
function answersAllow(steps: readonly NarrativeStep[]): { client: number; server: number } {
  const limit = { client: Infinity, server: Infinity }
  const indexOf = indexOfFrames(steps)
  steps.forEach((step) => {
    // The opening calibrates the delays (or, crossing, is drawn crossing): the answers after it bound them.
    if (step.phase === 'open') return
    const answered = step.ackOf === undefined ? undefined : indexOf.get(step.ackOf)
    if (answered === undefined) return
    const cause = steps[answered]!
    if (cause.from === step.from || crossedStep(step, indexOf) === answered) return
    const gap = step.time - cause.time
    if (gap >= 0) limit[step.from] = Math.min(limit[step.from], gap / 2)
  })
  return limit
}

/** The median time between one captured segment and the next (0: none apart). */
export function medianStepGap(steps: readonly NarrativeStep[]): number {
  const gaps = new Float64Array(Math.max(0, steps.length - 1))
  let count = 0
  for (let i = 1; i < steps.length; i++) {
    const gap = steps[i]!.time - steps[i - 1]!.time
    if (gap > 0) gaps[count++] = gap
  }
  if (count === 0) return 0
  const sorted = gaps.subarray(0, count).sort()
  return sorted[count >> 1]!
}

/** In compact spacing, a flight in a long data phase may outlast this many typical gaps, no more. */
const COMPACT_FLIGHT_GAPS = 2

/**
 * The delays compact spacing orders events by. Each event gets a row there, so in a bulk transfer
 * (a long data phase with a window of data in flight) a flight outlasts many later segments and
 * would stretch its arrow over as many rows: a band no one can read. There the delays are scaled
 * down until a flight lasts no longer than a couple of the data phase's typical gaps, keeping
 * where the capture point stands; crossings are still kept crossing (segmentTimes). A short data
 * phase, and proportional spacing everywhere, keep the true delays.
 */
export function compactDelays(delays: FlightDelays, steps: readonly NarrativeStep[], longDataPhase: number): FlightDelays {
  const data = steps.filter((s) => s.phase === 'data')
  if (data.length <= longDataPhase) return delays
  const flight = delays.client + delays.server
  const longest = COMPACT_FLIGHT_GAPS * medianStepGap(data)
  if (longest <= 0 || flight <= longest) return delays
  const k = longest / flight
  return { ...delays, client: delays.client * k, server: delays.server * k }
}

/** The delay between a host and the capture point. */
const delayOf = (delays: FlightDelays, role: RoleName): number => (role === 'client' ? delays.client : delays.server)

export interface SegmentTimes {
  depart: Float64Array
  arrive: Float64Array
}

/** When each step's segment left its sender and reached its receiver (crossings kept crossing). */
export function segmentTimes(steps: readonly NarrativeStep[], delays: FlightDelays, indexOf = indexOfFrames(steps)): SegmentTimes {
  const depart = new Float64Array(steps.length)
  const arrive = new Float64Array(steps.length)
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!
    const to: RoleName = step.from === 'client' ? 'server' : 'client'
    depart[i] = roundTime(step.time - delayOf(delays, step.from))
    arrive[i] = roundTime(step.time + delayOf(delays, to))
  }
  keepCrossingsCrossed(steps, { depart, arrive }, indexOf)
  return { depart, arrive }
}

/** The step indexes of the frames (a frame → index map, made once). */
export function indexOfFrames(steps: readonly NarrativeStep[]): Map<number, number> {
  const map = new Map<number, number>()
  steps.forEach((step, i) => map.set(step.frame, i))
  return map
}

/** The earlier step a step crossed (its 'crossed' mark), or −1. */
export function crossedStep(step: NarrativeStep, indexOf: Map<number, number>): number {
  const mark = step.marks.find((m) => m.code === 'crossed')
  const frame = mark?.frames[0]
  return frame === undefined ? -1 : (indexOf.get(frame) ?? -1)
}

/**
 * Simultaneous open and close (and data that crossed an RST): the later segment must leave before
 * the earlier one arrives, and the earlier one before the later one arrives, whatever the delays say.
 */
function keepCrossingsCrossed(steps: readonly NarrativeStep[], times: SegmentTimes, indexOf: Map<number, number>): void {
  steps.forEach((step, later) => {
    if (step.marks.length === 0) return
    const earlier = crossedStep(step, indexOf)
    if (earlier < 0 || steps[earlier]!.from === step.from) return
    if (times.depart[later]! >= times.arrive[earlier]!) times.depart[later] = roundTime(times.arrive[earlier]! - CROSSING_MARGIN)
    if (times.depart[earlier]! >= times.arrive[later]!) times.arrive[later] = roundTime(times.depart[earlier]! + CROSSING_MARGIN)
  })
}

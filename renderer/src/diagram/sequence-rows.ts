// Where each departure and arrival goes down the page. Every event is placed in time order, so
// what happened first is drawn higher and crossing arrows stay crossing. 'compact': one evenly
// spaced row per event. 'time': y follows the time, with room for each label, long idle gaps
// compressed and labelled. A collapsed data run takes one block's height.
import type { NarrativeStep, RoleName } from '../../../preload/contract/api'
import type { DataRun } from './sequence-data'
import { medianStepGap, type SegmentTimes } from './sequence-time'
import type { FlightDelays, SequenceGap, SequenceMetrics, SequenceSpacing } from './sequence-types'

/** In compact spacing, gaps of at least this many seconds get their own labelled row. */
export const IDLE_SECONDS = 1
/** In time spacing, a gap taller than this many rows is compressed to IDLE_ROWS and labelled. */
const MAX_GAP_ROWS = 8
const IDLE_ROWS = 2.5
/** A collapsed data run's block height, in rows. */
export const BLOCK_ROWS = 2.6

const DEPARTURE = 0
const ARRIVAL = 1

export interface RowPlacement {
  /** For every step: the y of its departure and arrival (a collapsed step: its block's top). */
  yDepart: Float64Array
  yArrive: Float64Array
  blocks: Array<{ run: DataRun; y1: number; y2: number }>
  gaps: SequenceGap[]
  /** The lowest y used. */
  bottom: number
  pixelsPerSecond: number | null
}

interface RowContext {
  steps: readonly NarrativeStep[]
  times: SegmentTimes
  spacing: SequenceSpacing
  metrics: SequenceMetrics
  pixelsPerSecond: number
}

/**
 * The time scale of 'time' spacing: a one-way flight of about two rows, unless that would spread
 * the usual gap between segments over more than two rows.
 */
export function timeScale(steps: readonly NarrativeStep[], delays: FlightDelays, m: SequenceMetrics): number {
  const flight = delays.client + delays.server
  const gap = medianStepGap(steps)
  const byFlight = flight > 0 ? (2 * m.row) / flight : Infinity
  const byGap = gap > 0 ? (2 * m.row) / gap : Infinity
  const scale = Math.min(byFlight, byGap)
  return Number.isFinite(scale) ? scale : m.row
}


export function placeRows(
  steps: readonly NarrativeStep[],
  times: SegmentTimes,
  collapsed: readonly DataRun[],
  options: { spacing: SequenceSpacing; metrics: SequenceMetrics; top: number; pixelsPerSecond: number },
): RowPlacement {
  const ctx: RowContext = { steps, times, spacing: options.spacing, metrics: options.metrics, pixelsPerSecond: options.pixelsPerSecond }
  const m = options.metrics
  const out: RowPlacement = {
    yDepart: new Float64Array(steps.length),
    yArrive: new Float64Array(steps.length),
    blocks: [],
    gaps: [],
    bottom: options.top,
    pixelsPerSecond: options.spacing === 'time' ? options.pixelsPerSecond : null,
  }
  let cursor = options.top
  let next = 0
  for (const run of collapsed) {
    if (run.firstIndex > next) cursor = placeEvents(ctx, next, run.firstIndex - 1, cursor, out) + 0.8 * m.row
    const y1 = cursor
    const y2 = y1 + BLOCK_ROWS * m.row
    out.blocks.push({ run, y1, y2 })
    out.yDepart.fill(y1, run.firstIndex, run.lastIndex + 1)
    out.yArrive.fill(y1, run.firstIndex, run.lastIndex + 1)
    cursor = y2 + 0.8 * m.row
    next = run.lastIndex + 1
  }
  const last = next < steps.length ? placeEvents(ctx, next, steps.length - 1, cursor, out) : cursor - 0.8 * m.row
  out.bottom = Math.max(options.top, last)
  return out
}

/**
 * The departures and arrivals of steps [first, last], in time order (ties: by step, departure
 * first). Event e is step first + e/2, a departure when e is even. Each side's departures (and
 * arrivals) follow the capture order, so the four sequences are merged, and what a crossing moved
 * is put in place by insertion: linear for a capture, whatever its length.
 */
function sortedEvents(ctx: RowContext, first: number, last: number): Uint32Array {
  const count = (last - first + 1) * 2
  const time = new Float64Array(count)
  const runs: number[][] = [[], [], [], []]
  for (let e = 0; e < count; e++) {
    const step = first + (e >> 1)
    const departure = (e & 1) === DEPARTURE
    time[e] = departure ? ctx.times.depart[step]! : ctx.times.arrive[step]!
    runs[(ctx.steps[step]!.from === 'client' ? 0 : 2) + (departure ? 0 : 1)]!.push(e)
  }
  const before = (a: number, b: number): boolean => time[a]! < time[b]! || (time[a] === time[b] && a < b)
  const order = mergeRuns(runs, before, count)
  for (let k = 1; k < count; k++) {
    const e = order[k]!
    let j = k - 1
    while (j >= 0 && before(e, order[j]!)) {
      order[j + 1] = order[j]!
      j--
    }
    order[j + 1] = e
  }
  return order
}

/** Merges runs (each nearly in order) by repeatedly taking the earliest head. */
function mergeRuns(runs: number[][], before: (a: number, b: number) => boolean, count: number): Uint32Array {
  const order = new Uint32Array(count)
  const heads = runs.map(() => 0)
  for (let k = 0; k < count; k++) {
    let best = -1
    for (let r = 0; r < runs.length; r++) {
      if (heads[r]! >= runs[r]!.length) continue
      if (best < 0 || before(runs[r]![heads[r]!]!, runs[best]![heads[best]!]!)) best = r
    }
    order[k] = runs[best]![heads[best]!++]!
  }
  return order
}

/** Places steps [first, last] from `cursor`; returns the y of the last event. */
function placeEvents(ctx: RowContext, first: number, last: number, cursor: number, out: RowPlacement): number {
  const m = ctx.metrics
  const order = sortedEvents(ctx, first, last)
  // Two segments from one side leave (and arrive) at least a row apart: room for their labels.
  const lastDeparture: Record<RoleName, number> = { client: -Infinity, server: -Infinity }
  const lastArrival: Record<RoleName, number> = { client: -Infinity, server: -Infinity }
  let y = cursor
  let previous: { time: number; side: RoleName; kind: number } | null = null
  for (const e of order) {
    const step = first + (e >> 1)
    const kind = e & 1
    const s = ctx.steps[step]!
    const side: RoleName = kind === DEPARTURE ? s.from : s.from === 'client' ? 'server' : 'client'
    const time = kind === DEPARTURE ? ctx.times.depart[step]! : ctx.times.arrive[step]!
    if (previous) {
      const sameInstant = time === previous.time && side === previous.side && previous.kind === ARRIVAL && kind === DEPARTURE
      y += sameInstant ? 0 : gapBefore(ctx, time - previous.time, y, kind === DEPARTURE && s.kind === 'syn-retry', out)
    }
    if (kind === DEPARTURE) {
      y = Math.max(y, lastDeparture[side] + m.row)
      lastDeparture[side] = y
      out.yDepart[step] = y
    } else {
      y = Math.max(y, out.yDepart[step]! + m.minDrop, lastArrival[side] + m.row)
      lastArrival[side] = y
      out.yArrive[step] = y
    }
    previous = { time, side, kind }
  }
  return y
}

/** The vertical room a stretch of `seconds` takes (recording an idle gap's label when it is compressed). */
function gapBefore(ctx: RowContext, seconds: number, y: number, beforeSynRetry: boolean, out: RowPlacement): number {
  const m = ctx.metrics
  if (ctx.spacing === 'compact') {
    if (seconds < IDLE_SECONDS || beforeSynRetry) return m.row
    out.gaps.push({ y: y + m.row, seconds })
    return 2 * m.row
  }
  const scaled = seconds * ctx.pixelsPerSecond
  if (scaled <= MAX_GAP_ROWS * m.row) return Math.max(m.minStep, scaled)
  out.gaps.push({ y: y + (IDLE_ROWS * m.row) / 2, seconds })
  return IDLE_ROWS * m.row
}

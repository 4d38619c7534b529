// The long runs of a connection's data phase, and what a summary block says about each: so a
// 10,000-segment download still reads as handshake → data → teardown.
import type { NarrativeStep } from '../../../preload/contract/api'

/** A data phase of more steps than this collapses into one block by default. */
export const COLLAPSE_ABOVE = 12

const RETRANSMISSION_CODES = new Set(['retransmission', 'fast-retransmission', 'spurious-retransmission'])

export interface DataRun {
  firstIndex: number
  lastIndex: number
}

/** What a data run's block says: its segments, each side's payload bytes, its retransmissions, its first and last frames and the seconds between them. */
export interface DataSummary {
  segments: number
  bytes: { client: number; server: number }
  retransmissions: number
  firstFrame: number
  lastFrame: number
  duration: number
}

/** The maximal runs of consecutive 'data' steps longer than `above`. */
export function longDataRuns(steps: readonly NarrativeStep[], above = COLLAPSE_ABOVE): DataRun[] {
  const runs: DataRun[] = []
  let start = -1
  for (let i = 0; i <= steps.length; i++) {
    const inData = i < steps.length && steps[i]!.phase === 'data'
    if (inData && start < 0) start = i
    if (!inData && start >= 0) {
      if (i - start > above) runs.push({ firstIndex: start, lastIndex: i - 1 })
      start = -1
    }
  }
  return runs
}

export const isRetransmission = (step: NarrativeStep): boolean => step.marks.some((m) => RETRANSMISSION_CODES.has(m.code))

/** Segments, bytes each way and retransmissions of a run. */
export function summarizeRun(steps: readonly NarrativeStep[], run: DataRun): DataSummary {
  const bytes = { client: 0, server: 0 }
  let retransmissions = 0
  for (let i = run.firstIndex; i <= run.lastIndex; i++) {
    const step = steps[i]!
    if (step.segment.length > 0) bytes[step.from] += step.segment.length
    if (isRetransmission(step)) retransmissions++
  }
  const first = steps[run.firstIndex]!
  const last = steps[run.lastIndex]!
  return {
    segments: run.lastIndex - run.firstIndex + 1,
    bytes,
    retransmissions,
    firstFrame: first.frame,
    lastFrame: last.frame,
    duration: last.time - first.time,
  }
}

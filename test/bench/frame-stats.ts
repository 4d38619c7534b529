// Scroll smoothness from animation-frame times: the intervals between frames, their median and
// tail, and how many of them were longer than one frame at 60 Hz (> 16.7 ms) or a visible stall
// (> 50 ms).
import { median } from './measure'

/** One frame at 60 Hz. */
export const FRAME_BUDGET_MS = 16.7
/**
 * Where an interval counts as over FRAME_BUDGET_MS. Chromium rounds rAF times to 0.1 ms, so an
 * on-time frame reads 16.6 to 16.8 ms; frames follow the display's refresh, so a late one lasts at
 * least two refreshes (33.3 ms). Half-way between the two tells them apart.
 */
export const OVER_BUDGET_MS = 1.5 * (1000 / 60)
export const STALL_MS = 50

export interface FrameStats {
  frames: number
  medianMs: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  /** Percent of intervals over FRAME_BUDGET_MS (that is, over OVER_BUDGET_MS). */
  overBudgetPct: number
  /** Percent of intervals over STALL_MS. */
  stallPct: number
}

/** The value below which `p` percent of the sorted values lie (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

export function frameStats(frameTimes: readonly number[]): FrameStats {
  const intervals = frameTimes.slice(1).map((time, i) => time - frameTimes[i])
  const sorted = [...intervals].sort((a, b) => a - b)
  const share = (limit: number) => (intervals.length ? (100 * intervals.filter((ms) => ms > limit).length) / intervals.length : NaN)
  return {
    frames: frameTimes.length,
    medianMs: sorted.length ? median(sorted) : NaN,
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length ? sorted[sorted.length - 1] : NaN,
    overBudgetPct: share(OVER_BUDGET_MS),
    stallPct: share(STALL_MS),
  }
}

// Which steps a lab report lists: every step of the opening and the closing, and of a long data
// phase its beginning, its end and every segment with a mark (a retransmission, a zero window…);
// the segments left out in between become one line saying how many, so a 10,000-segment download
// still prints on a few pages.
import type { NarrativeStep } from '../../../../preload/contract/api'

export type ReportRow = { type: 'step'; step: NarrativeStep } | { type: 'omitted'; count: number; first: number; last: number }

/** Of a run of data segments, this many at its start and at its end are always listed. */
export const DATA_HEAD = 8
export const DATA_TAIL = 2

function kept(step: NarrativeStep, position: number, runLength: number): boolean {
  return position < DATA_HEAD || position >= runLength - DATA_TAIL || step.marks.length > 0
}

/** The runs of consecutive steps in the same kind of phase (data, or not). */
function runs(steps: readonly NarrativeStep[]): NarrativeStep[][] {
  const out: NarrativeStep[][] = []
  for (const step of steps) {
    const last = out[out.length - 1]
    if (last && (last[0]!.phase === 'data') === (step.phase === 'data')) last.push(step)
    else out.push([step])
  }
  return out
}

function dataRows(run: NarrativeStep[]): ReportRow[] {
  const rows: ReportRow[] = []
  run.forEach((step, position) => {
    if (kept(step, position, run.length)) {
      rows.push({ type: 'step', step })
      return
    }
    const last = rows[rows.length - 1]
    if (last?.type === 'omitted') {
      last.count++
      last.last = step.frame
    } else rows.push({ type: 'omitted', count: 1, first: step.frame, last: step.frame })
  })
  return rows
}

export function reportRows(steps: readonly NarrativeStep[]): ReportRow[] {
  return runs(steps).flatMap((run) => (run[0]!.phase === 'data' ? dataRows(run) : run.map((step): ReportRow => ({ type: 'step', step }))))
}

// The phase brackets in the left gutter: the opening (three-way handshake, or the variant it
// was), the data transfer, and the closing (four-way teardown, or its variant), with data that
// still flows one way after a FIN bracketed inside the closing as a half-close.
import type { ConnectionDto, NarrativeStep } from '../../../preload/contract/api'
import type { SequenceColumns } from './sequence-metrics'
import type { RowPlacement } from './sequence-rows'
import type { PhaseName, SequenceMetrics, SequencePhase } from './sequence-types'

const OPEN_NAMES: Record<ConnectionDto['open'], PhaseName> = {
  'three-way': 'three-way-handshake',
  simultaneous: 'simultaneous-open',
  refused: 'refused',
  unanswered: 'unanswered',
  incomplete: 'incomplete-handshake',
  'not-captured': 'three-way-handshake',
}

const CLOSE_NAMES: Record<ConnectionDto['close'], PhaseName> = {
  'four-way': 'four-way-teardown',
  'three-way': 'three-segment-close',
  simultaneous: 'simultaneous-close',
  reset: 'reset',
  'half-closed': 'half-closed',
  none: 'teardown',
}

type Span = { phase: PhaseName; depth: 0 | 1; first: number; last: number }

/** The bracket a step belongs to at the top level: a refusal is part of the (refused) opening. */
const topLevel = (step: NarrativeStep): 'open' | 'data' | 'close' =>
  step.kind === 'refusal' || step.phase === 'open' ? 'open' : step.phase === 'data' ? 'data' : 'close'

/** The phases as step ranges: opening, closing (first to last closing step), and the data runs. */
export function phaseSpans(steps: readonly NarrativeStep[], connection: Pick<ConnectionDto, 'open' | 'close'>): Span[] {
  const spans: Span[] = []
  const open = extent(steps, (s) => topLevel(s) === 'open')
  const close = extent(steps, (s) => topLevel(s) === 'close')
  if (open) spans.push({ phase: OPEN_NAMES[connection.open], depth: 0, ...open })
  if (close) spans.push({ phase: CLOSE_NAMES[connection.close], depth: 0, ...close })
  for (const run of dataRuns(steps)) {
    const inside = close !== null && run.first > close.first && run.last < close.last
    if (!inside) spans.push({ phase: 'data-transfer', depth: 0, ...run })
    else if (hasHalfClose(steps, run)) spans.push({ phase: 'half-close', depth: 1, ...run })
  }
  return spans.sort((a, b) => a.first - b.first || a.depth - b.depth)
}

function extent(steps: readonly NarrativeStep[], test: (s: NarrativeStep) => boolean): { first: number; last: number } | null {
  let first = -1
  let last = -1
  steps.forEach((step, i) => {
    if (!test(step)) return
    if (first < 0) first = i
    last = i
  })
  return first < 0 ? null : { first, last }
}

/** Maximal runs of data steps (outside the opening). */
function dataRuns(steps: readonly NarrativeStep[]): Array<{ first: number; last: number }> {
  const runs: Array<{ first: number; last: number }> = []
  steps.forEach((step, i) => {
    if (topLevel(step) !== 'data') return
    const run = runs.at(-1)
    if (run && run.last === i - 1) run.last = i
    else runs.push({ first: i, last: i })
  })
  return runs
}

function hasHalfClose(steps: readonly NarrativeStep[], run: { first: number; last: number }): boolean {
  for (let i = run.first; i <= run.last; i++) if (steps[i]!.marks.some((m) => m.code === 'half-close')) return true
  return false
}

/** The brackets, placed: each from its highest to its lowest event; top-level ones do not overlap. */
export function placePhases(
  steps: readonly NarrativeStep[],
  connection: Pick<ConnectionDto, 'open' | 'close'>,
  rows: RowPlacement,
  columns: SequenceColumns,
  m: SequenceMetrics,
): SequencePhase[] {
  const blockBottom = (i: number): number => rows.blocks.find((b) => b.run.firstIndex <= i && i <= b.run.lastIndex)?.y2 ?? rows.yArrive[i]!
  const phases = phaseSpans(steps, connection).map((span): SequencePhase => {
    let y1 = Infinity
    let y2 = -Infinity
    for (let i = span.first; i <= span.last; i++) {
      y1 = Math.min(y1, rows.yDepart[i]!)
      y2 = Math.max(y2, rows.yArrive[i]!)
    }
    y2 = Math.max(y2, blockBottom(span.last))
    return { phase: span.phase, depth: span.depth, firstIndex: span.first, lastIndex: span.last, x: columns.gutterX + (span.depth === 0 ? 0.3 : 1.1) * m.rem, y1, y2 }
  })
  separate(
    phases.filter((p) => p.depth === 0),
    m,
  )
  return phases
}

/** Consecutive top-level brackets meet but do not overlap (each keeps at least half a row). */
function separate(phases: SequencePhase[], m: SequenceMetrics): void {
  const gap = 0.4 * m.rem
  for (let k = 1; k < phases.length; k++) {
    const previous = phases[k - 1]!
    const next = phases[k]!
    previous.y2 = Math.max(previous.y1 + 0.5 * m.row, Math.min(previous.y2, next.y1 - gap))
    next.y1 = Math.max(next.y1, previous.y2 + gap)
    next.y2 = Math.max(next.y2, next.y1 + 0.5 * m.row)
  }
}

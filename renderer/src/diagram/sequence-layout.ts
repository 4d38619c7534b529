// layoutSequence: one connection's narrative → the geometry of its sequence diagram, and what to
// print where. Pure (no Vue, no DOM), linear after one sort of the events, so a 15,000-step
// connection lays out in milliseconds. SequenceDiagram.vue draws what it returns.
import type { ConnectionNarrative } from '../../../preload/contract/api'
import { makeArrows, makeLinks, type ArrowContext } from './sequence-arrows'
import { COLLAPSE_ABOVE, longDataRuns, summarizeRun } from './sequence-data'
import { firstEventY, sequenceColumns, sequenceMetrics, type SequenceColumns } from './sequence-metrics'
import { placePhases } from './sequence-phases'
import { placeRows, timeScale, type RowPlacement } from './sequence-rows'
import { placeStates, placeTimeWaits, type StateContext } from './sequence-states'
import { compactDelays, flightDelays, indexOfFrames, segmentTimes } from './sequence-time'
import type { FlightDelays, SequenceDataBlock, SequenceLayout, SequenceLifeline, SequenceMetrics, SequenceOptions } from './sequence-types'

export function layoutSequence(narrative: ConnectionNarrative, options: SequenceOptions): SequenceLayout {
  const { steps, connection } = narrative
  const metrics = sequenceMetrics(options.rem)
  const columns = sequenceColumns(metrics)
  const indexOf = indexOfFrames(steps)
  const delays = flightDelays(steps, connection)
  const collapseAbove = options.collapseAbove ?? COLLAPSE_ABOVE
  const times = segmentTimes(steps, options.spacing === 'compact' ? compactDelays(delays, steps, collapseAbove) : delays, indexOf)
  const runs = longDataRuns(steps, collapseAbove)
  const startBreak = connection.open === 'not-captured'
  const top = firstEventY(metrics, startBreak)
  const rows = placeRows(steps, times, options.dataExpanded ? [] : runs, {
    spacing: options.spacing,
    metrics,
    top,
    pixelsPerSecond: timeScale(steps, delays, metrics),
  })

  const blockOfStep = new Int32Array(steps.length).fill(-1)
  runs.forEach((run, b) => blockOfStep.fill(b, run.firstIndex, run.lastIndex + 1))
  const collapsedOf = new Int32Array(steps.length).fill(-1)
  if (!options.dataExpanded) collapsedOf.set(blockOfStep)
  const arrowCtx: ArrowContext = { steps, times, rows, columns, metrics, indexOf, blockOfStep: collapsedOf }
  const { arrows, arrowOfStep } = makeArrows(arrowCtx)
  const stateCtx: StateContext = { steps, rows, columns, metrics, indexOf }
  const states = placeStates(stateCtx)
  const timeWaits = placeTimeWaits(stateCtx, states)
  const blocks = dataBlocks(narrative, runs, rows, columns, options.dataExpanded)

  const lowest = Math.max(rows.bottom, ...states.map((s) => s.y + s.height / 2), ...timeWaits.map((t) => t.y2 + 3 * metrics.rem))
  const height = lowest + metrics.row
  return {
    metrics,
    width: columns.width,
    height,
    lifelines: lifelines(narrative, columns, metrics, height),
    delays,
    captureX: captureLineX(delays, columns),
    pixelsPerSecond: rows.pixelsPerSecond,
    arrows,
    arrowOfStep,
    blockOfStep,
    states,
    phases: placePhases(steps, connection, rows, columns, metrics),
    timeWaits,
    blocks,
    gaps: rows.gaps,
    links: makeLinks(arrowCtx, arrows, arrowOfStep),
    startBreak: startBreak ? top - 0.9 * metrics.row : null,
  }
}

/** The capture point's line sits between the hosts in proportion to the delays to each (the middle when unknown). */
export function captureLineX(delays: FlightDelays, columns: Pick<SequenceColumns, 'clientX' | 'serverX'>): number {
  const total = delays.client + delays.server
  const share = total > 0 ? delays.client / total : 0.5
  return columns.clientX + (columns.serverX - columns.clientX) * share
}

function lifelines(narrative: ConnectionNarrative, columns: SequenceColumns, m: SequenceMetrics, height: number): SequenceLayout['lifelines'] {
  const { connection } = narrative
  const line = (role: 'client' | 'server'): SequenceLifeline => ({
    role,
    x: role === 'client' ? columns.clientX : columns.serverX,
    address: connection[role].address,
    port: connection[role].port,
    guessed: connection.rolesGuessed,
    top: m.margin + m.header,
    bottom: height - 0.5 * m.row,
  })
  return { client: line('client'), server: line('server') }
}

function dataBlocks(narrative: ConnectionNarrative, runs: ReturnType<typeof longDataRuns>, rows: RowPlacement, columns: SequenceColumns, expanded: boolean): SequenceDataBlock[] {
  return runs.map((run, b) => {
    const placed = rows.blocks[b]
    let y1 = placed?.y1 ?? Infinity
    let y2 = placed?.y2 ?? -Infinity
    if (!placed) {
      for (let i = run.firstIndex; i <= run.lastIndex; i++) {
        y1 = Math.min(y1, rows.yDepart[i]!)
        y2 = Math.max(y2, rows.yArrive[i]!)
      }
    }
    return { ...run, ...summarizeRun(narrative.steps, run), collapsed: !expanded, x1: columns.clientX, x2: columns.serverX, y1, y2 }
  })
}

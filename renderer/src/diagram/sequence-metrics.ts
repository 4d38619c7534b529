// The sequence diagram's sizes, all in rem (so the Projector font size enlarges everything), and
// its columns: the phase gutter, the client's state column, the client lifeline, the span the
// arrows cross, the server lifeline and the server's state column.
import type { SequenceMetrics } from './sequence-types'

/** The UI's root font size at scale 1 (renderer/src/styles/theme.css: 13px × --font-scale). */
export const DEFAULT_REM = 13

export function sequenceMetrics(rem = DEFAULT_REM): SequenceMetrics {
  const row = 3.2 * rem
  return {
    rem,
    row,
    margin: rem,
    gutter: 7.5 * rem,
    stateColumn: 8.5 * rem,
    span: 34 * rem,
    header: 3.6 * rem,
    stateBox: { width: 7.6 * rem, height: 1.7 * rem },
    minDrop: 0.6 * row,
    minStep: 0.4 * rem,
  }
}

export interface SequenceColumns {
  /** The left edge of the phase brackets. */
  gutterX: number
  clientX: number
  serverX: number
  width: number
}

export function sequenceColumns(m: SequenceMetrics): SequenceColumns {
  const gutterX = m.margin
  const clientX = gutterX + m.gutter + m.stateColumn
  const serverX = clientX + m.span
  return { gutterX, clientX, serverX, width: serverX + m.stateColumn + m.margin }
}

/** Below this rem (px) the diagram's words stop being readable: a narrower pane scrolls sideways instead. */
export const MIN_FIT_REM = 9

/**
 * The rem that draws the diagram no wider than `available` px (its width is proportional to the
 * rem): the font-scale's rem when it fits, else smaller, never below MIN_FIT_REM. So both
 * lifelines stay in view when the Projector font size meets a narrow pane.
 */
export function fittedRem(wanted: number, available: number): number {
  if (!(available > 0)) return wanted
  const widthPerRem = sequenceColumns(sequenceMetrics(1)).width
  return Math.max(Math.min(wanted, available / widthPerRem), Math.min(wanted, MIN_FIT_REM))
}

/** The y of the first state boxes (the states before the first step), under the lifeline headers. */
export const initialStateY = (m: SequenceMetrics): number => m.margin + m.header + m.stateBox.height / 2 + 0.3 * m.rem

/** The y where the first event may be drawn (below the first state boxes, and the break when the start was not captured). */
export function firstEventY(m: SequenceMetrics, startBreak: boolean): number {
  const afterStates = initialStateY(m) + m.stateBox.height / 2 + 0.9 * m.row
  return startBreak ? afterStates + m.row : afterStates
}

// What the app remembers about its window between runs, and whether the first start (which
// opens the bundled sample) has happened.
import { isRecord } from './json-file'

export interface WindowBounds {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  bounds?: WindowBounds
  maximized: boolean
  /** The first start is over: the sample was opened once and is not opened again by itself. */
  firstRunDone: boolean
}

const DEFAULT_WINDOW_STATE: Readonly<WindowState> = Object.freeze({ maximized: false, firstRunDone: false })

/** Window sizes outside this range are not restored (a corrupt file, a screen long gone). */
const SIZE = { min: 200, max: 100_000 }
const COORDINATE = 1_000_000

const isInteger = (value: unknown, min: number, max: number): value is number => Number.isInteger(value) && (value as number) >= min && (value as number) <= max

function boundsFrom(stored: unknown): WindowBounds | undefined {
  if (!isRecord(stored)) return undefined
  const { x, y, width, height } = stored
  if (!isInteger(x, -COORDINATE, COORDINATE) || !isInteger(y, -COORDINATE, COORDINATE)) return undefined
  if (!isInteger(width, SIZE.min, SIZE.max) || !isInteger(height, SIZE.min, SIZE.max)) return undefined
  return { x, y, width, height }
}

/** A valid window state from anything stored. */
export function windowStateFrom(stored: unknown): WindowState {
  if (!isRecord(stored)) return { ...DEFAULT_WINDOW_STATE }
  const bounds = boundsFrom(stored['bounds'])
  return {
    ...(bounds ? { bounds } : {}),
    maximized: stored['maximized'] === true,
    firstRunDone: stored['firstRunDone'] === true,
  }
}

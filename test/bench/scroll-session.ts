// A scripted reading of the whole loaded capture in the packet list, as a person would: at ten
// places spread over the file (reached by clicking the scrollbar track), a burst of mouse-wheel
// turns, a click on a row and a run of PgDn presses; then a drag of the scrollbar thumb from top
// to bottom, Home and End. Every animation frame is timed meanwhile, and after each jump the time
// until the list has no "Loading…" placeholder left.
import type { Page } from '@playwright/test'
import { frameStats, type FrameStats } from './frame-stats'
import {
  dragScrollbarDown,
  firstDrawnPosition,
  listFilledAfterMove,
  scrollListTo,
  startFrameRecorder,
  stopFrameRecorder,
} from './page-probes'

const PLACES = 10
const WHEEL_TURNS = 20
const WHEEL_DELTA_PX = 100
const WHEEL_GAP_MS = 16
const PAGE_DOWNS = 10
const PAGE_DOWN_GAP_MS = 60
const DRAG_FRAMES = 60
const FILL_TIMEOUT_MS = 20_000

/** The script in words, for the report. */
export const SCROLL_SCRIPT =
  `${PLACES - 1} clicks on the scrollbar track ${100 / PLACES} % apart, at each place (and at the top) ${WHEEL_TURNS} wheel turns, ` +
  `a click on a row and ${PAGE_DOWNS} PgDn; then a drag of the thumb from top to bottom over ${DRAG_FRAMES} frames, Home, End`

/** Milliseconds until the rows were filled, after each action of a kind. */
export interface FillTimes {
  /** A click on the scrollbar track (a jump to a place in the file). */
  scrollbarClick: number[]
  /** The end of the thumb's drag from top to bottom. */
  thumbDrag: number[]
  /** Home, then End. */
  homeEnd: number[]
  /** The last PgDn of each run of presses. */
  pageDown: number[]
}

export interface ScrollResult {
  frames: FrameStats
  fillMs: FillTimes
}

/** Does `act`, then waits until the list shows other rows than before, all of them filled. */
async function fillTimeAfter(page: Page, what: string, act: () => Promise<unknown>): Promise<number> {
  const before = await page.evaluate(firstDrawnPosition)
  await act()
  const start = performance.now()
  try {
    await page.waitForFunction(listFilledAfterMove, before, { polling: 'raf', timeout: FILL_TIMEOUT_MS })
  } catch (error) {
    throw new Error(`the packet list was not filled ${FILL_TIMEOUT_MS / 1000} s after ${what}`, { cause: error })
  }
  return performance.now() - start
}

async function wheelBurst(page: Page): Promise<void> {
  for (let turn = 0; turn < WHEEL_TURNS; turn++) {
    await page.mouse.wheel(0, WHEEL_DELTA_PX)
    await page.waitForTimeout(WHEEL_GAP_MS)
  }
}

/** PgDn presses; gives the fill time after the last one. */
async function pageDownRun(page: Page): Promise<number> {
  for (let press = 1; press < PAGE_DOWNS; press++) {
    await page.keyboard.press('PageDown')
    await page.waitForTimeout(PAGE_DOWN_GAP_MS)
  }
  return fillTimeAfter(page, 'PgDn', () => page.keyboard.press('PageDown'))
}

export async function runScrollSession(page: Page): Promise<ScrollResult> {
  const box = await page.getByTestId('packet-list').boundingBox()
  if (!box) throw new Error('the packet list is not shown')
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  const fillMs: FillTimes = { scrollbarClick: [], thumbDrag: [], homeEnd: [], pageDown: [] }
  await page.evaluate(startFrameRecorder)
  for (let place = 0; place < PLACES; place++) {
    if (place > 0) fillMs.scrollbarClick.push(await fillTimeAfter(page, `a scrollbar click at ${Math.round((100 * place) / PLACES)} %`, () => page.evaluate(scrollListTo, place / PLACES)))
    await page.mouse.move(centre.x, centre.y)
    await wheelBurst(page)
    // A click selects the row under the pointer (and focuses the list): PgDn goes on from there.
    await page.mouse.click(centre.x, centre.y)
    fillMs.pageDown.push(await pageDownRun(page))
  }
  fillMs.thumbDrag.push(await fillTimeAfter(page, 'dragging the scrollbar', () => page.evaluate(dragScrollbarDown, DRAG_FRAMES)))
  fillMs.homeEnd.push(await fillTimeAfter(page, 'Home', () => page.keyboard.press('Home')))
  fillMs.homeEnd.push(await fillTimeAfter(page, 'End', () => page.keyboard.press('End')))
  const frames = frameStats(await page.evaluate(stopFrameRecorder))
  return { frames, fillMs }
}

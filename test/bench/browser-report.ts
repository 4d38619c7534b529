// Prints the browser-mode benchmark in the style of the rest of `npm run bench`: medians over
// the runs, then the goal line for the time to first rows.
import type { BrowserModeResult, BrowserRun } from './browser-mode'
import { FRAME_BUDGET_MS, OVER_BUDGET_MS, STALL_MS } from './frame-stats'
import { median } from './measure'
import { SCROLL_SCRIPT } from './scroll-session'

/** The goal for the time from opening the page to the first packet rows. */
const FIRST_ROWS_GOAL_S = 1

/** The median over the runs of one number of a run (runs without it left out). */
function medianOver(runs: readonly BrowserRun[], pick: (run: BrowserRun) => number | undefined): number {
  const values = runs.map(pick).filter((value): value is number => value !== undefined && !Number.isNaN(value))
  return values.length ? median(values) : NaN
}

const count = (value: number) => (Number.isNaN(value) ? '–' : Math.round(value).toLocaleString('en'))
const fixed = (value: number, digits: number) => (Number.isNaN(value) ? '–' : value.toFixed(digits))

export function formatBrowserMode(result: BrowserModeResult): string {
  const { runs } = result
  const m = (pick: (run: BrowserRun) => number | undefined) => medianOver(runs, pick)
  const max = (values: number[]) => Math.max(...values)
  const lines: string[] = []
  const firstRows = m((r) => r.firstRowsFromGotoMs) / 1000

  lines.push(`\nBrowser mode (tcplens serve + headless Chromium ${result.chromium}) — ${count(m((r) => r.packets))} packets, median of ${runs.length} runs\n`)
  lines.push('step                                   seconds')
  const step = (label: string, ms: number) => lines.push(`${label.padEnd(36)} ${fixed(ms / 1000, 2).padStart(9)}`)
  step('page ready (from page.goto)', m((r) => r.documentReadyFromGotoMs))
  step('file open in the page (from goto)', m((r) => r.openedFromGotoMs))
  step('time to first rows (from page.goto)', m((r) => r.firstRowsFromGotoMs))
  step('time to first rows (server start)', m((r) => r.firstRowsFromServerStartMs))
  step('time to full load (from page.goto)', m((r) => r.fullLoadFromGotoMs))

  lines.push('')
  lines.push(`scrolling                               median      p95      p99      max   >${FRAME_BUDGET_MS} ms   >${STALL_MS} ms   frames`)
  lines.push(
    `${'frame interval (ms)'.padEnd(36)} ${fixed(m((r) => r.scroll.frames.medianMs), 1).padStart(9)} ${fixed(m((r) => r.scroll.frames.p95Ms), 1).padStart(8)} ` +
      `${fixed(m((r) => r.scroll.frames.p99Ms), 1).padStart(8)} ${fixed(m((r) => r.scroll.frames.maxMs), 1).padStart(8)} ` +
      `${(fixed(m((r) => r.scroll.frames.overBudgetPct), 1) + ' %').padStart(10)} ${(fixed(m((r) => r.scroll.frames.stallPct), 1) + ' %').padStart(8)} ` +
      `${count(m((r) => r.scroll.frames.frames)).padStart(8)}`,
  )
  const fill = (label: string, pick: (run: BrowserRun) => number[]) =>
    lines.push(`${label.padEnd(36)} ${fixed(m((r) => median(pick(r))), 0).padStart(9)} ${''.padStart(8)} ${''.padStart(8)} ${fixed(m((r) => max(pick(r))), 0).padStart(8)}`)
  fill('rows filled after a track click (ms)', (r) => r.scroll.fillMs.scrollbarClick)
  fill('rows filled after thumb drag (ms)', (r) => r.scroll.fillMs.thumbDrag)
  fill('rows filled after Home / End (ms)', (r) => r.scroll.fillMs.homeEnd)
  fill('rows filled after PgDn (ms)', (r) => r.scroll.fillMs.pageDown)
  lines.push(`(over ${FRAME_BUDGET_MS} ms = one 60 Hz frame or more dropped: intervals ≥ ${OVER_BUDGET_MS.toFixed(0)} ms, since rAF times are rounded to 0.1 ms)`)
  lines.push(`(filled = no "Loading…" row left; max = the median over the runs of each run's slowest)`)
  lines.push(`(the script: ${SCROLL_SCRIPT})`)

  lines.push('')
  lines.push('memory                               after load   after scrolling')
  const memory = (label: string, digits: number, pick: (run: BrowserRun, afterScroll: boolean) => number | undefined) => {
    const after = (afterScroll: boolean) => (digits === 0 ? count(m((r) => pick(r, afterScroll))) : fixed(m((r) => pick(r, afterScroll)), digits))
    lines.push(`${label.padEnd(36)} ${after(false).padStart(11)} ${after(true).padStart(17)}`)
  }
  memory('renderer JS heap, after GC (MiB)', 1, (r, s) => (s ? r.rendererAfterScroll : r.rendererAfterLoad).jsHeapUsedMiB)
  memory('renderer DOM nodes (Chromium count)', 0, (r, s) => (s ? r.rendererAfterScroll : r.rendererAfterLoad).domNodes)
  memory('renderer elements in the document', 0, (r, s) => (s ? r.rendererAfterScroll : r.rendererAfterLoad).elements)
  memory('server RSS (MiB)', 0, (r, s) => (s ? r.serverAfterScroll : r.serverAfterLoad)?.rssMiB)
  memory('server peak RSS, VmHWM (MiB)', 0, (r, s) => (s ? r.serverAfterScroll : r.serverAfterLoad)?.peakRssMiB)

  lines.push('')
  lines.push(`time to first rows ≤ ${FIRST_ROWS_GOAL_S} s: ${firstRows <= FIRST_ROWS_GOAL_S ? 'met' : 'NOT met'} (${fixed(firstRows, 2)} s)`)
  return lines.join('\n') + '\n'
}

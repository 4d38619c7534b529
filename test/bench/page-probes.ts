// Functions that run inside the page (through addInitScript / evaluate / waitForFunction): they
// only use the DOM and the hooks of the packet list and the status bar (data-testid), never the
// app's code. Playwright sends them as source text, so they must not use anything from here.

/** What the load watcher notes, in the page's performance.now() milliseconds. */
export interface LoadMarks {
  /** performance.timeOrigin of the document (epoch ms). */
  timeOrigin: number
  /** The status bar names the file: the server has opened it for this page. */
  opened?: number
  /** A first packet row was put in the list. */
  firstRows?: number
  /** The status bar says the file is loaded: a load time, no progress. */
  loaded?: number
}

interface BenchWindow {
  __benchLoad?: LoadMarks
  __benchFrames?: { times: number[]; running: boolean }
}

/**
 * tsx compiles with keepNames, which wraps named inner functions in `__name(fn, "name")`; the
 * page has no such helper, so this init script gives it one that does nothing.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name = globalThis.__name || ((fn) => fn)'

/** Init script: notes when the first packet row appears and when the status bar says loaded. */
export function watchLoad(): void {
  const marks: LoadMarks = { timeOrigin: performance.timeOrigin }
  ;(window as unknown as BenchWindow).__benchLoad = marks
  const observer = new MutationObserver(() => {
    const now = performance.now()
    if (marks.opened === undefined && document.querySelector('[data-testid="status-file"]')) marks.opened = now
    if (marks.firstRows === undefined && document.querySelector('[data-testid="packet-row"]')) marks.firstRows = now
    const loaded = document.querySelector('[data-testid="status-load-time"]') && !document.querySelector('[data-testid="status-progress"]')
    if (marks.firstRows !== undefined && loaded) {
      marks.loaded = now
      observer.disconnect()
    }
  })
  observer.observe(document, { childList: true, subtree: true, characterData: true })
}

/** The load watcher's marks once the file is loaded, else null (for waitForFunction). */
export function loadMarksWhenLoaded(): LoadMarks | null {
  const marks = (window as unknown as BenchWindow).__benchLoad
  return marks?.loaded === undefined ? null : marks
}

/** When the page's document was parsed and its scripts run (DOMContentLoaded ended), in ms. */
export function documentReadyAt(): number {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
  return navigation?.domContentLoadedEventEnd ?? NaN
}

/** The number in the status bar's packet count ("Packets: 2,000,000" → 2000000). */
export function statusPackets(): number {
  const text = document.querySelector('[data-testid="status-packets"]')?.textContent ?? ''
  return Number(text.replace(/\D/g, ''))
}

/** Starts noting the time of every animation frame. */
export function startFrameRecorder(): void {
  const recorder = { times: [] as number[], running: true }
  ;(window as unknown as BenchWindow).__benchFrames = recorder
  const onFrame = (time: number) => {
    if (!recorder.running) return
    recorder.times.push(time)
    requestAnimationFrame(onFrame)
  }
  requestAnimationFrame(onFrame)
}

/** Stops the frame recorder and gives the frame times (ms). */
export function stopFrameRecorder(): number[] {
  const recorder = (window as unknown as BenchWindow).__benchFrames
  if (!recorder) return []
  recorder.running = false
  return recorder.times
}

/** The view position of the first row drawn in the list (a loaded row or a placeholder). */
export function firstDrawnPosition(): string | null {
  return document.querySelector('[data-testid="packet-list"] [data-position]')?.getAttribute('data-position') ?? null
}

/** Whether the list moved away from `before` and every row drawn is filled (no placeholders). */
export function listFilledAfterMove(before: string | null): boolean {
  const first = document.querySelector('[data-testid="packet-list"] [data-position]')?.getAttribute('data-position') ?? null
  if (first === null || first === before) return false
  return !document.querySelector('[data-testid="packet-row-loading"]') && document.querySelector('[data-testid="packet-row"]') !== null
}

/** Puts the list's scrollbar at a fraction of its range, as a click on the scrollbar track does. */
export function scrollListTo(fraction: number): void {
  const list = document.querySelector('[data-testid="packet-list"]') as HTMLElement
  list.scrollTop = fraction * (list.scrollHeight - list.clientHeight)
}

/** Drags the scrollbar's thumb from the top to the bottom, one step per animation frame. */
export function dragScrollbarDown(steps: number): Promise<void> {
  const list = document.querySelector('[data-testid="packet-list"]') as HTMLElement
  const max = list.scrollHeight - list.clientHeight
  return new Promise((done) => {
    let step = 0
    const onFrame = () => {
      step++
      list.scrollTop = (max * step) / steps
      if (step < steps) requestAnimationFrame(onFrame)
      else done()
    }
    requestAnimationFrame(onFrame)
  })
}

/** Elements in the document. */
export function elementCount(): number {
  return document.getElementsByTagName('*').length
}

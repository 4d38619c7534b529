// The browser-mode benchmark: the built `tcplens serve FILE` opened in headless Chromium, as a
// user opens it. Per run (a fresh server and browser context each): time to the first packet
// rows and to the full load, a scripted scroll through the whole file (frame times, fill time
// after jumps), the page's JS heap and DOM size, and the server process's memory (its session
// worker is a thread of it). Results are medians over the runs.
import { existsSync } from 'node:fs'
import { chromium, type Browser } from '@playwright/test'
import { processMemory, type ProcessMemory } from './proc-memory'
import { KEEP_NAMES_SHIM, documentReadyAt, loadMarksWhenLoaded, statusPackets, watchLoad, type LoadMarks } from './page-probes'
import { openMetricsSession, rendererMemory, type RendererMemory } from './renderer-memory'
import { runScrollSession, type ScrollResult } from './scroll-session'
import { startServeProcess } from '../e2e/serve-process'

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const VIEWPORT = { width: 1400, height: 900 }
const LOAD_TIMEOUT_MS = 10 * 60_000

export interface BrowserModeOptions {
  cli: string
  file: string
  runs: number
  /** Frames in the file: the run fails if the status bar ends with another count. */
  expectedFrames?: number
}

export interface BrowserRun {
  /** The page's document parsed and its scripts run (DOMContentLoaded), before any packet. */
  documentReadyFromGotoMs: number
  /** The status bar names the file (the page is connected and the server opened the file). */
  openedFromGotoMs: number
  firstRowsFromGotoMs: number
  firstRowsFromServerStartMs: number
  fullLoadFromGotoMs: number
  packets: number
  scroll: ScrollResult
  rendererAfterLoad: RendererMemory
  rendererAfterScroll: RendererMemory
  serverAfterLoad?: ProcessMemory
  serverAfterScroll?: ProcessMemory
}

export interface BrowserModeResult {
  chromium: string
  runs: BrowserRun[]
}

/** Why the browser benchmark cannot run here, or null when it can. */
export function browserModeMissing(cli: string): string | null {
  if (!existsSync(CHROMIUM_PATH)) return `${CHROMIUM_PATH} is missing (apt-get install -y chromium, or set CHROMIUM_PATH)`
  if (!existsSync(cli)) return 'out/main/cli.js is missing: run `npm run build` first'
  return null
}

async function runOnce(browser: Browser, o: BrowserModeOptions): Promise<BrowserRun> {
  const server = await startServeProcess(o.cli, o.file)
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US' })
  try {
    await context.addInitScript(KEEP_NAMES_SHIM)
    await context.addInitScript(watchLoad)
    const page = await context.newPage()
    const cdp = await openMetricsSession(page)
    const gotoAt = Date.now()
    await page.goto(server.url)
    const loaded = await page.waitForFunction(loadMarksWhenLoaded, undefined, { polling: 250, timeout: LOAD_TIMEOUT_MS })
    const marks = (await loaded.jsonValue()) as LoadMarks
    const packets = await page.evaluate(statusPackets)
    const documentReady = await page.evaluate(documentReadyAt)
    if (o.expectedFrames !== undefined && packets !== o.expectedFrames) {
      throw new Error(`the status bar says ${packets} packets once loaded, not ${o.expectedFrames}`)
    }
    const rendererAfterLoad = await rendererMemory(page, cdp)
    const serverAfterLoad = processMemory(server.pid)
    const scroll = await runScrollSession(page)
    const rendererAfterScroll = await rendererMemory(page, cdp)
    const serverAfterScroll = processMemory(server.pid)
    const at = (mark: number) => marks.timeOrigin + mark
    return {
      documentReadyFromGotoMs: at(documentReady) - gotoAt,
      openedFromGotoMs: marks.opened === undefined ? NaN : at(marks.opened) - gotoAt,
      firstRowsFromGotoMs: at(marks.firstRows!) - gotoAt,
      firstRowsFromServerStartMs: at(marks.firstRows!) - server.startedAt,
      fullLoadFromGotoMs: at(marks.loaded!) - gotoAt,
      packets,
      scroll,
      rendererAfterLoad,
      rendererAfterScroll,
      serverAfterLoad,
      serverAfterScroll,
    }
  } finally {
    await context.close()
    await server.stop()
  }
}

export async function benchBrowserMode(o: BrowserModeOptions, progress: (line: string) => void): Promise<BrowserModeResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const runs: BrowserRun[] = []
    for (let run = 1; run <= o.runs; run++) {
      const result = await runOnce(browser, o)
      progress(`  browser run ${run}/${o.runs}: first rows ${(result.firstRowsFromGotoMs / 1000).toFixed(2)} s, loaded ${(result.fullLoadFromGotoMs / 1000).toFixed(2)} s`)
      runs.push(result)
    }
    return { chromium: browser.version(), runs }
  } finally {
    await browser.close()
  }
}

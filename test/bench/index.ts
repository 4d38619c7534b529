// npm run bench: speed of reading, indexing and decoding a large capture that the project
// generates itself, `tcplens conv` against `tshark -z conv,tcp` on the same file (wall time and
// peak memory), where installed capinfos, and the browser mode: the built `tcplens serve` opened
// in headless Chromium (time to first rows and to full load, scrolling, memory), and display
// filters applied through the session worker (index-backed ones: goal ≤ 1 s on 2 M packets).
//   npm run bench [-- --connections N --per-connection M --runs R --with-fields --browser-only --filters-only]
//   npm run bench -- live [--rate N] [--seconds S]   only the live-capture flood (live-flood.ts)
//   npm run bench -- huge [--gib G] [--keep]          only memory on huge captures (huge-capture.ts)
// Results are medians over R runs (default 3). These machines are shared and noisy: read the
// ratios, not the absolute numbers. --with-fields adds `tcplens fields` and `tshark -T fields`
// (a full decode of every frame each: about a minute per run on 2 M frames). --browser-only runs
// only the browser mode, --filters-only only the display filters. Needs `npm run build` first.
import { resolve } from 'node:path'
import { benchBrowserMode, browserModeMissing } from './browser-mode'
import { formatBrowserMode } from './browser-report'
import { benchCaptureFile } from './capture-file'
import { benchEngine } from './engine'
import { benchFilters } from './filters'
import { benchFrameCount, type BenchCaptureOptions } from './generate'
import { benchHugeCapture } from './huge-capture'
import { benchLiveFlood } from './live-flood'

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}

const say = (line: string) => process.stdout.write(line + '\n')

async function main(): Promise<void> {
  if (process.argv.includes('live')) return benchLiveFlood({ rate: option('rate', 25_000), seconds: option('seconds', 10) }, say)
  if (process.argv.includes('huge')) return benchHugeCapture({ gib: option('gib', 2), keep: process.argv.includes('--keep') }, say)
  const capture: BenchCaptureOptions = { connections: option('connections', 20_000), packetsPerConnection: option('per-connection', 100), segmentSize: 200 }
  const runs = option('runs', 3)
  const cli = resolve(__dirname, '../../out/main/cli.js')
  const file = await benchCaptureFile(capture, say)

  if (process.argv.includes('--filters-only')) return benchFilters(file, runs, say)
  if (!process.argv.includes('--browser-only')) {
    await benchEngine({ cli, file, runs, withFields: process.argv.includes('--with-fields') })
    await benchFilters(file, runs, say)
  }

  const missing = browserModeMissing(cli)
  if (missing) {
    say(`\nBrowser mode: skipped, ${missing}`)
    return
  }
  say('\nbrowser mode: serving the capture to headless Chromium …')
  const result = await benchBrowserMode({ cli, file, runs, expectedFrames: benchFrameCount(capture) }, say)
  process.stdout.write(formatBrowserMode(result))
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
})

// The display-filter part of `npm run bench`: the built session worker (SessionHost, as the app
// runs it) opens the bench capture, then each filter is applied with setView and timed from the
// request to the answer, as the packet list waits for it. Index-backed filters (fields the
// packet index holds) have a goal of at most 1 s over 2,000,000 packets; a filter that must
// decode packets is timed too, with the `work` progress events it sends on the way.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { SessionHost } from '../../main/session/session-host'
import { median } from './measure'

/** Index-backed filters: the lab-sheet classics and one of each kind of field the index holds. */
export const INDEX_FILTERS = [
  'tcp.flags.syn == 1 && tcp.flags.ack == 0',
  'tcp.stream eq 1234',
  'tcp.analysis.retransmission || tcp.analysis.duplicate_ack',
  'ip.addr == 10.0.16.0/20 && tcp.port == 80',
  'tcp.len > 100 && tcp.seq > 1000',
  'tcp.flags & 0x05',
  'frame.time_relative >= 30 and frame.len < 100',
  'tcp.port in {10000..10100}',
]

/** A filter on a field the index does not hold: every packet is decoded. */
export const DECODE_FILTER = 'tcp.payload contains "GET"'

const GOAL_SECONDS = 1

export interface FilterBenchRow {
  filter: string
  seconds: number
  displayed: number
  /** `work` events received while it ran. */
  progressEvents: number
}

export async function benchFilters(file: string, runs: number, say: (line: string) => void): Promise<void> {
  const workerPath = resolve(__dirname, '../../out/main/session-worker.js')
  if (!existsSync(workerPath)) {
    say('\nDisplay filters: skipped, out/main/session-worker.js is missing (run `npm run build`)')
    return
  }
  const samples = new Map<string, FilterBenchRow[]>()
  let packets = 0
  for (let run = 0; run < runs; run++) {
    // A fresh session each run: the session keeps the last filter's result.
    const host = new SessionHost({ workerPath })
    let progressEvents = 0
    host.onEvent((event) => {
      if (event === 'work') progressEvents++
    })
    try {
      await host.openPath(file)
      packets = (await host.loaded()).packets
      for (const filter of [...INDEX_FILTERS, DECODE_FILTER]) {
        progressEvents = 0
        const start = process.hrtime.bigint()
        const view = await host.setView({ filter })
        const seconds = Number(process.hrtime.bigint() - start) / 1e9
        samples.set(filter, [...(samples.get(filter) ?? []), { filter, seconds, displayed: view.count, progressEvents }])
      }
    } finally {
      await host.dispose()
    }
  }
  say(`\nDisplay filters — setView({ filter }) through the session worker, ${packets.toLocaleString('en')} packets, median of ${runs} runs`)
  say(`goal: index-backed filters ≤ ${GOAL_SECONDS} s\n`)
  say('| filter | kind | time | displayed | progress events | goal |')
  say('|---|---|---|---|---|---|')
  for (const [filter, rows] of samples) {
    const seconds = median(rows.map((r) => r.seconds))
    const indexed = filter !== DECODE_FILTER
    const goal = indexed ? (seconds <= GOAL_SECONDS ? 'met' : 'NOT met') : '—'
    say(`| \`${filter}\` | ${indexed ? 'index' : 'decode'} | ${seconds.toFixed(3)} s | ${rows[0]!.displayed.toLocaleString('en')} | ${rows[0]!.progressEvents} | ${goal} |`)
  }
}

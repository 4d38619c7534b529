// npm run fuzz [-- --count N --filter-count F --seed S --timeout-ms T --memory-mb M --out DIR --jobs J]
// Mutated captures (default 100,000) and mutated display-filter texts (default 20,000) from the
// fixture catalogue and test/fuzz/regressions/, through the app's own session (pipeline.ts), in
// J worker processes (default 2) that are killed when an input overruns T ms or the memory
// ceiling. T defaults to 10,000: an input takes 40 ms on average (the whole session: every row,
// every detail tree, narratives, filters), the slowest seen 1.7 s on a machine loaded five times
// over its cores; an endless loop never ends, so the margin costs nothing but false alarms.
// then every regression input once more. The same --seed gives the same inputs. Crashing and
// hanging inputs are saved into DIR (default .fuzz/, ignored by git); the exit code is 1 when
// there is any. Ctrl+C stops it.
import { resolve } from 'node:path'
import { loadCorpus, regressionFiles } from './corpus'
import { runCampaign } from './campaign'
import { formatReport } from './report'

function option(name: string, fallback: number): number
function option(name: string, fallback: string): string
function option(name: string, fallback: number | string): number | string {
  const at = process.argv.indexOf(`--${name}`)
  if (at < 0) return fallback
  const value = process.argv[at + 1]
  if (value === undefined) throw new Error(`--${name} needs a value`)
  if (typeof fallback === 'string') return value
  const number = Number(value)
  if (!Number.isSafeInteger(number) || number < 0) throw new Error(`--${name} must be a whole number ≥ 0, not ${value}`)
  return number
}

async function main(): Promise<void> {
  const options = {
    count: option('count', 100_000),
    filterCount: option('filter-count', 20_000),
    seed: option('seed', 1),
    timeoutMs: option('timeout-ms', 10_000),
    memoryMb: option('memory-mb', 512),
    jobs: Math.max(1, option('jobs', 2)),
    outDir: resolve(option('out', '.fuzz')),
  }
  const corpus = await loadCorpus()
  const files = regressionFiles()
  process.stdout.write(`fuzzing: ${corpus.seeds.length} seeds (${files.length} regression inputs), seed ${options.seed}, ${options.jobs} workers …\n`)
  let lastShown = 0
  const result = await runCampaign(corpus, {
    ...options,
    files,
    onProgress(done, total, findings) {
      const now = Date.now()
      if (now - lastShown < 5000 && done < total) return
      lastShown = now
      process.stdout.write(`  ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} inputs, ${findings} crashes or hangs\n`)
    },
  })
  process.stdout.write('\n' + formatReport(result))
  if (result.findings.length) process.exitCode = 1
}

main().catch((error: unknown) => {
  process.stderr.write(`fuzz failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 2
})

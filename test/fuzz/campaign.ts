// A fuzz campaign: `count` mutated captures and `filterCount` mutated filter texts from one seed,
// then the given files (the regression inputs), all through the pool; every crash and hang is
// saved into `outDir` (with a note saying what it was, and a shorter prefix that fails the same
// way, when one is found cheaply), and the figures of the report are gathered.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Corpus } from './corpus'
import { filterText } from './filter-text'
import { fuzzInput } from './input'
import { runPool, type JobSpec, type Outcome, type PoolOptions } from './pool'

export interface CampaignOptions extends PoolOptions {
  count: number
  filterCount: number
  seed: number
  /** Where crashing and hanging inputs are saved; none saved without it. */
  outDir?: string
  /** Files run as they are after the mutated inputs (the regression inputs). */
  files?: ReadonlyArray<{ file: string; bytes: Uint8Array }>
  /** Crashes and hangs minimised at most (each costs up to ~20 runs). */
  minimiseAtMost?: number
  onProgress?(done: number, total: number, findings: number): void
}

export interface Finding {
  kind: 'crash' | 'hang' | 'memory'
  source: 'capture' | 'filter' | 'file'
  index: number
  mutator: string
  seed: string
  what: string
  /** The pipeline stage that failed (crashes). */
  stage?: string
  message: string
  /** The mutated filter text (filter findings). */
  text?: string
  saved?: string
  minimised?: string
}

export interface MutatorFigures {
  inputs: number
  /** Capture inputs: refused at open, read whole, damaged after some frames. */
  refused: number
  read: number
  damaged: number
  frames: number
  crashes: number
  hangs: number
  totalMs: number
}

export interface Slowest {
  ms: number
  mutator: string
  seed: string
  what: string
  index: number
}

export interface CampaignResult {
  options: Omit<CampaignOptions, 'files' | 'onProgress'>
  figures: Record<string, MutatorFigures>
  findings: Finding[]
  slowest?: Slowest
  durationMs: number
  inputs: number
  peakRssMiB: number
  peakHeapMiB: number
}

function* jobsOf(options: CampaignOptions): Generator<JobSpec> {
  // Interleaved, so a run cut short has seen both kinds.
  const { count, filterCount, seed } = options
  for (let i = 0, f = 0; i < count || f < filterCount; ) {
    if (i < count) yield { kind: 'capture', seed, index: i++ }
    if (f < filterCount && (f * count <= i * filterCount || i >= count)) yield { kind: 'filter', seed, index: f++ }
  }
  for (const { bytes } of options.files ?? []) yield { kind: 'bytes', bytes }
}

export async function runCampaign(corpus: Corpus, options: CampaignOptions): Promise<CampaignResult> {
  const started = performance.now()
  const figures: Record<string, MutatorFigures> = {}
  const findings: Finding[] = []
  let slowest: Slowest | undefined
  let done = 0
  let peakHeap = 0
  const total = options.count + options.filterCount + (options.files?.length ?? 0)
  const figuresOf = (mutator: string) => (figures[mutator] ??= { inputs: 0, refused: 0, read: 0, damaged: 0, frames: 0, crashes: 0, hangs: 0, totalMs: 0 })

  const onOutcome = (outcome: Outcome) => {
    done++
    const finding = findingOf(outcome, corpus, options)
    const mutator = finding?.mutator ?? outcome.done!.mutator
    const row = figuresOf(mutator)
    row.inputs++
    if (outcome.done) {
      const { ms, result, heapUsed } = outcome.done
      peakHeap = Math.max(peakHeap, heapUsed)
      row.totalMs += ms
      if (result) {
        row[result.ending]++
        row.frames += result.frames
      }
      if (!slowest || ms > slowest.ms) slowest = { ms, mutator, seed: outcome.done.seed, what: outcome.done.what, index: indexOf(outcome) }
    }
    if (finding) {
      if (finding.kind === 'hang') row.hangs++
      else row.crashes++
      findings.push(finding)
    }
    options.onProgress?.(done, total, findings.length)
  }
  const pool = await runPool(jobsOf(options), options, onOutcome)

  findings.sort((a, b) => a.source.localeCompare(b.source) || a.index - b.index)
  if (options.outDir) await saveFindings(findings, corpus, options)
  const { files: _files, onProgress: _onProgress, ...shown } = options
  return { options: shown, figures, findings, slowest, durationMs: performance.now() - started, inputs: done, peakRssMiB: pool.peakRssMiB, peakHeapMiB: peakHeap / 2 ** 20 }
}

function indexOf(outcome: Outcome): number {
  return 'index' in outcome.job ? outcome.job.index : -1
}

/** The finding an outcome is, if any, with what its input was (made again from the seed when the child died). */
function findingOf(outcome: Outcome, corpus: Corpus, options: CampaignOptions): Finding | undefined {
  const { job, done, failure } = outcome
  const crash = done?.result?.crash
  const filterCrash = done?.filter?.crash
  if (!failure && !crash && !filterCrash) return undefined
  const source = job.kind === 'capture' || job.kind === 'filter' ? job.kind : 'file'
  const index = indexOf(outcome)
  const described = done ?? describeJob(job, corpus, options)
  const base = { source, index, mutator: described.mutator, seed: described.seed, what: described.what } as const
  const text = job.kind === 'filter' ? filterText(job.seed, job.index).text : undefined
  if (failure) return { ...base, kind: failure.kind === 'hang' ? 'hang' : failure.kind === 'memory' ? 'memory' : 'crash', message: failure.message, text }
  if (crash) return { ...base, kind: 'crash', stage: crash.stage, message: crash.message }
  return { ...base, kind: 'crash', stage: 'filter', message: filterCrash!, text }
}

function describeJob(job: JobSpec, corpus: Corpus, options: CampaignOptions): { mutator: string; seed: string; what: string } {
  if (job.kind === 'capture') return fuzzInput(corpus, job.seed, job.index)
  if (job.kind === 'filter') return { mutator: 'filter-text', seed: 'FUZZ_FILTERS', what: filterText(job.seed, job.index).what }
  if (job.kind === 'probe') return { mutator: 'probe', seed: 'none', what: job.probe }
  const file = options.files?.find((f) => f.bytes === job.bytes)
  return { mutator: 'regression', seed: file?.file ?? 'given', what: `${job.bytes.length} bytes` }
}

/** The bytes a finding's input was. */
function inputBytes(finding: Finding, corpus: Corpus, options: CampaignOptions): Uint8Array {
  if (finding.source === 'filter') return new TextEncoder().encode(finding.text ?? '')
  if (finding.source === 'file') return options.files?.find((f) => f.file === finding.seed)?.bytes ?? new Uint8Array(0)
  return fuzzInput(corpus, options.seed, finding.index).bytes
}

async function saveFindings(findings: Finding[], corpus: Corpus, options: CampaignOptions): Promise<void> {
  const dir = options.outDir!
  mkdirSync(dir, { recursive: true })
  const toMinimise: Array<{ finding: Finding; bytes: Uint8Array; name: string }> = []
  for (const finding of findings) {
    const bytes = inputBytes(finding, corpus, options)
    const extension = finding.source === 'filter' ? 'txt' : 'capture'
    const name = `${finding.kind}-${finding.mutator}-seed${options.seed}-${finding.source}${finding.index}`
    finding.saved = join(dir, `${name}.${extension}`)
    writeFileSync(finding.saved, bytes)
    if (finding.source !== 'filter' && toMinimise.length < (options.minimiseAtMost ?? 10)) toMinimise.push({ finding, bytes, name })
  }
  for (const { finding, bytes, name } of toMinimise) {
    const shorter = await shortestFailingPrefix(bytes, finding, options)
    if (shorter.length < bytes.length) {
      finding.minimised = join(dir, `${name}.min.capture`)
      writeFileSync(finding.minimised, shorter)
    }
  }
  for (const finding of findings) writeFileSync(finding.saved!.replace(/\.(txt|capture)$/, '.about.json'), JSON.stringify(finding, null, 2) + '\n')
}

/** Whether an outcome fails as `finding` did: the same kind, and for a crash the same stage name. */
function failsAlike(outcome: Outcome | undefined, finding: Finding): boolean {
  if (finding.kind === 'hang' || finding.kind === 'memory') return outcome?.failure?.kind === finding.kind
  const stage = (s: string | undefined) => s?.split(' ')[0]
  const crash = outcome?.done?.result?.crash
  return outcome?.failure?.kind === 'died' || (crash !== undefined && stage(crash.stage) === stage(finding.stage))
}

/**
 * A cheap minimisation: the shortest prefix, by bisection, that still fails the same way. The
 * candidates run one after another on one worker, each bounded as any input is.
 */
async function shortestFailingPrefix(bytes: Uint8Array, finding: Finding, options: PoolOptions): Promise<Uint8Array> {
  let lo = 0
  let hi = bytes.length
  let last: Outcome | undefined
  function* candidates(): Generator<JobSpec> {
    for (let tries = 0; hi - lo > 1 && tries < 24; tries++) {
      const mid = (lo + hi) >>> 1
      yield { kind: 'bytes', bytes: bytes.slice(0, mid) }
      // The pool asks for the next job only after this one's outcome came.
      if (failsAlike(last, finding)) hi = mid
      else lo = mid
    }
  }
  await runPool(candidates(), { ...options, jobs: 1 }, (outcome) => (last = outcome))
  return bytes.slice(0, hi)
}

// A fuzz worker process: loads the corpus once, then runs the jobs the runner sends, one at a
// time, and answers each. The runner kills it when a job overruns its time or its memory grows
// past the ceiling, and starts another. An exception that escapes a job (an unhandled rejection,
// an uncaught throw) is reported as that job's crash, and the process then ends.
import { loadCorpus } from './corpus'
import { filterFrames, filterText, runFilterText } from './filter-text'
import { fuzzInput } from './input'
import { describe, runPipeline } from './pipeline'
import type { ChildMessage, Job, JobDone, Probe } from './protocol'

const workDir = process.argv[2]
if (!workDir || !process.send) throw new Error('test/fuzz/child.ts is started by the fuzz runner (runner.ts), with its work folder')

let current: number | undefined

function send(message: ChildMessage): void {
  process.send!(message)
}

function fatal(error: unknown): void {
  send({ kind: 'fatal', id: current, message: `escaped the pipeline: ${describe(error)}` })
  // Let the message go, then end: the process's state is not to be trusted any more.
  setTimeout(() => process.exit(70), 50)
}
process.on('uncaughtException', fatal)
process.on('unhandledRejection', fatal)

async function main(): Promise<void> {
  const corpus = await loadCorpus()
  const frames = await filterFrames(corpus)
  const queue: Job[] = []
  let busy = false
  const next = async () => {
    if (busy) return
    busy = true
    for (let job = queue.shift(); job; job = queue.shift()) send(await run(job))
    busy = false
  }
  const run = async (job: Job): Promise<JobDone> => {
    current = job.id
    if (job.kind === 'filter') {
      const { text, what } = filterText(job.seed, job.index)
      const start = performance.now()
      const crash = runFilterText(text, frames)
      return done(job.id, start, { filter: { text, crash }, mutator: 'filter-text', seed: 'FUZZ_FILTERS', what })
    }
    if (job.kind === 'probe') return probe(job.probe)
    const input = job.kind === 'capture' ? fuzzInput(corpus, job.seed, job.index) : { mutator: 'given', seed: 'given', what: `${job.bytes.length} bytes`, bytes: job.bytes }
    const start = performance.now()
    const result = await runPipeline(input.bytes, workDir)
    return done(job.id, start, { result, mutator: input.mutator, seed: input.seed, what: input.what })
  }
  process.on('message', (job: Job) => {
    queue.push(job)
    void next()
  })
  send({ kind: 'ready' })
}

/** Misbehaves as asked, so the runner's test sees it caught (none of these answers). */
async function probe(kind: Probe): Promise<never> {
  const kept: number[][] = []
  for (;;) {
    if (kind === 'exit') process.exit(3)
    if (kind === 'reject') {
      void Promise.reject(new Error('a rejection nobody handles'))
      await new Promise(() => {})
    }
    if (kind === 'heap') kept.push(new Array(1 << 20).fill(kept.length))
  }
}

function done(id: number, start: number, rest: Omit<JobDone, 'kind' | 'id' | 'ms' | 'heapUsed'>): JobDone {
  return { kind: 'done', id, ms: performance.now() - start, heapUsed: process.memoryUsage().heapUsed, ...rest }
}

main().catch(fatal)

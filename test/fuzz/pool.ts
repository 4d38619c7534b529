// The fuzz runner's worker pool: J child processes (child.ts), each running one job at a time.
// A job is bounded for real: a child that overruns the time bound is killed (an endless loop in
// a process cannot be interrupted from inside it), and so is one whose resident memory passes the
// ceiling; a child whose V8 heap fills up dies on its own (--max-old-space-size). Each of these is
// the job's outcome, and the slot starts a fresh child for the next job.
import { fork, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { processMemory } from '../bench/proc-memory'
import type { ChildMessage, Job, JobDone } from './protocol'

export interface PoolOptions {
  /** Child processes (default 2). */
  jobs: number
  /** A job's time bound, ms: past it the child is killed and the job is a hang. */
  timeoutMs: number
  /** The V8 heap of a child, MiB; its resident memory may reach this plus RSS_MARGIN_MIB. */
  memoryMb: number
}

export type JobSpec = Job extends infer J ? (J extends Job ? Omit<J, 'id'> : never) : never

export type Failure = { kind: 'hang' | 'memory' | 'died'; message: string }

export interface Outcome {
  job: JobSpec
  done?: JobDone
  failure?: Failure
}

/** Room above the heap for buffers, code and the runtime itself. */
const RSS_MARGIN_MIB = 768
/** How long a child may take to load the corpus before it is given up (not a job's time). */
const START_TIMEOUT_MS = 120_000
const MEMORY_POLL_MS = 100

/** Where children write their inputs: memory-backed when there is a /dev/shm. */
const WORK_ROOT = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()

class Slot {
  private child?: ChildProcess
  private workDir?: string
  private stderr = ''
  private nextId = 0
  /** The highest resident memory seen of this slot's children, MiB. */
  peakRssMiB = 0

  constructor(private readonly options: PoolOptions) {}

  async run(job: JobSpec): Promise<Outcome> {
    const child = await this.ready()
    const id = ++this.nextId
    return new Promise<Outcome>((resolve) => {
      const finish = (outcome: Omit<Outcome, 'job'>) => {
        clearTimeout(timer)
        clearInterval(poll)
        child.off('message', onMessage)
        child.off('exit', onExit)
        if (outcome.failure) this.kill()
        resolve({ job, ...outcome })
      }
      const onMessage = (message: ChildMessage) => {
        if (message.kind === 'done' && message.id === id) finish({ done: message })
        else if (message.kind === 'fatal') finish({ failure: { kind: 'died', message: message.message } })
      }
      const onExit = (code: number | null, signal: string | null) => {
        const outOfMemory = /heap out of memory|Allocation failed/i.test(this.stderr)
        finish({ failure: { kind: outOfMemory ? 'memory' : 'died', message: `the worker process ended (${signal ?? `exit code ${code}`})${this.lastStderr()}` } })
      }
      const timer = setTimeout(() => finish({ failure: { kind: 'hang', message: `no answer within ${this.options.timeoutMs} ms` } }), this.options.timeoutMs)
      const poll = setInterval(() => {
        const memory = child.pid ? processMemory(child.pid) : undefined
        if (!memory) return
        this.peakRssMiB = Math.max(this.peakRssMiB, memory.peakRssMiB)
        const ceiling = this.options.memoryMb + RSS_MARGIN_MIB
        if (memory.rssMiB > ceiling) finish({ failure: { kind: 'memory', message: `resident memory ${Math.round(memory.rssMiB)} MiB passed the ceiling of ${ceiling} MiB` } })
      }, MEMORY_POLL_MS)
      child.on('message', onMessage)
      child.on('exit', onExit)
      child.send({ ...job, id } as Job)
    })
  }

  /** The slot's child, started (and its corpus loaded) when there is none. */
  private async ready(): Promise<ChildProcess> {
    if (this.child) return this.child
    this.workDir = mkdtempSync(join(WORK_ROOT, 'tcplens-fuzz-'))
    this.stderr = ''
    const child = fork(join(__dirname, 'child.ts'), [this.workDir], {
      execArgv: ['--import', 'tsx', `--max-old-space-size=${this.options.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-4000)
    })
    this.child = child
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`a fuzz worker did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS)
      const onMessage = (message: ChildMessage) => {
        if (message.kind === 'ready') settle()
        else if (message.kind === 'fatal') fail(new Error(`a fuzz worker failed to start: ${message.message}`))
      }
      const onExit = () => fail(new Error(`a fuzz worker ended while starting${this.lastStderr()}`))
      const settle = () => {
        clearTimeout(timer)
        child.off('message', onMessage)
        child.off('exit', onExit)
        resolve()
      }
      const fail = (error: Error) => {
        settle()
        this.kill()
        reject(error)
      }
      child.on('message', onMessage)
      child.on('exit', onExit)
    })
    return child
  }

  private lastStderr(): string {
    const text = this.stderr.trim()
    return text ? `: ${text.split('\n').slice(-6).join(' | ')}` : ''
  }

  /** Ends this slot's child (by its own pid) and removes its work folder. */
  kill(): void {
    const child = this.child
    this.child = undefined
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    if (this.workDir) rmSync(this.workDir, { recursive: true, force: true })
    this.workDir = undefined
  }
}

export interface PoolRun {
  /** The highest resident memory of any worker process, MiB. */
  peakRssMiB: number
}

/** Runs every job of `jobs` on `options.jobs` children, handing each outcome to `onOutcome` as it comes. */
export async function runPool(jobs: Iterator<JobSpec>, options: PoolOptions, onOutcome: (outcome: Outcome) => void): Promise<PoolRun> {
  const slots = Array.from({ length: Math.max(1, options.jobs) }, () => new Slot(options))
  const take = (): JobSpec | undefined => {
    const next = jobs.next()
    return next.done ? undefined : next.value
  }
  try {
    await Promise.all(
      slots.map(async (slot) => {
        for (let job = take(); job; job = take()) onOutcome(await slot.run(job))
      }),
    )
  } finally {
    for (const slot of slots) slot.kill()
  }
  return { peakRssMiB: Math.max(...slots.map((s) => s.peakRssMiB)) }
}

// The fuzz runner's bounds are real: a worker that loops for ever is killed at the time bound (a
// hang), one that fills its heap dies and is reported as out of memory, one that exits or leaves
// a rejection unhandled is a crash; and each time a fresh worker takes the next job.
import { describe, expect, it } from 'vitest'
import { fixture } from '../fixtures/catalog'
import { runPool, type JobSpec, type Outcome } from './pool'

async function outcomesOf(jobs: JobSpec[], timeoutMs: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = []
  await runPool(jobs[Symbol.iterator](), { jobs: 1, timeoutMs, memoryMb: 192 }, (outcome) => outcomes.push(outcome))
  return outcomes
}

describe('fuzz/pool: each job bounded in a worker process', () => {
  const good: JobSpec = { kind: 'bytes', bytes: fixture('tcp-scenario-four-way-close').bytes() }

  it('should kill a worker that runs past the time bound, report a hang, and go on with a fresh worker', async () => {
    const [looped, next] = await outcomesOf([{ kind: 'probe', probe: 'loop' }, good], 3_000)
    expect(looped!.failure).toEqual({ kind: 'hang', message: 'no answer within 3000 ms' })
    expect(next!.done?.result).toMatchObject({ ending: 'read', frames: 11, connections: 1 })
    expect(next!.done?.result?.crash).toBeUndefined()
  }, 120_000)

  it('should report a worker whose heap fills up as out of memory', async () => {
    const [filled] = await outcomesOf([{ kind: 'probe', probe: 'heap' }], 60_000)
    expect(filled!.failure?.kind).toBe('memory')
  }, 120_000)

  it('should report a worker that ends, or leaves a rejection unhandled, as a crash', async () => {
    const [exited, rejected] = await outcomesOf([{ kind: 'probe', probe: 'exit' }, { kind: 'probe', probe: 'reject' }], 30_000)
    expect(exited!.failure).toMatchObject({ kind: 'died', message: expect.stringContaining('exit code 3') })
    expect(rejected!.failure).toMatchObject({ kind: 'died', message: expect.stringContaining('a rejection nobody handles') })
  }, 120_000)
})

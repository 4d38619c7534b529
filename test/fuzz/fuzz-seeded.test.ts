// The short fuzz run that `npm test` keeps honest: a fixed seed's mutated captures and filter
// texts through the app's own session (pipeline.ts), then every input kept in
// test/fuzz/regressions/ (captures that once crashed or hung the app), in worker processes that
// are killed past the time bound, so a hang fails this test instead of stalling the suite. The
// bound is a hang detector with a wide margin (an input takes milliseconds), not a speed assertion.
import { describe, expect, it } from 'vitest'
import { runCampaign, type Finding } from './campaign'
import { loadCorpus, regressionFiles } from './corpus'
import { MUTATORS } from './mutators'

const SEED = 20260801
const CAPTURES = 1_050
const FILTER_TEXTS = 800

const shown = (f: Finding) => `${f.kind} ${f.source} #${f.index} ${f.mutator} on ${f.seed}${f.stage ? ` in ${f.stage}` : ''}: ${f.message.split('\n')[0]} (${f.text ?? f.what})`

describe('fuzz (seeded): mutated captures and filter texts through the session', () => {
  it(`should end each of ${CAPTURES} mutated captures, ${FILTER_TEXTS} filter texts and the regression inputs cleanly: no crash, no hang`, async () => {
    const corpus = await loadCorpus()
    const files = regressionFiles()
    const result = await runCampaign(corpus, { count: CAPTURES, filterCount: FILTER_TEXTS, seed: SEED, jobs: 2, timeoutMs: 20_000, memoryMb: 512, files })
    expect(result.findings.map(shown)).toEqual([])
    expect(result.inputs).toBe(CAPTURES + FILTER_TEXTS + files.length)
    // Every mutator had its share, and the mutations were not all refused at the door.
    for (const mutator of MUTATORS) expect(result.figures[mutator.name]?.inputs).toBe(CAPTURES / MUTATORS.length)
    const frames = Object.values(result.figures).reduce((n, f) => n + f.frames, 0)
    expect(frames).toBeGreaterThan(CAPTURES)
  }, 600_000)
})

// Input N of a run: the seed it starts from and the mutator it goes to are drawn from the run's
// seed and N alone, so the same --seed gives the same inputs, in any worker, in any order.
import type { Corpus } from './corpus'
import { MUTATORS } from './mutators'
import { Random } from '../fixtures/random'

export interface FuzzInput {
  index: number
  mutator: string
  seed: string
  what: string
  bytes: Uint8Array
}

export function fuzzInput(corpus: Corpus, runSeed: number, index: number): FuzzInput {
  const random = Random.forInput(runSeed, index)
  const mutator = MUTATORS[index % MUTATORS.length]!
  const seed = random.pick(corpus.seeds)
  const mutation = mutator.mutate(seed, random, corpus)
  return { index, mutator: mutator.name, seed: mutation.seed ?? seed.name, what: mutation.what, bytes: mutation.bytes }
}

// The mutators, in the order the runner deals inputs to them (input N goes to MUTATORS[N % 6]).
import { bitFlip } from './bit-flip'
import { interestingValues } from './interesting-values'
import { lengthFields } from './length-fields'
import type { Mutator } from './mutator'
import { pcapngBlockSwaps } from './pcapng-blocks'
import { splice } from './splice'
import { truncate } from './truncate'

export const MUTATORS: readonly Mutator[] = [bitFlip, interestingValues, truncate, lengthFields, pcapngBlockSwaps, splice]

export type { Mutation, Mutator } from './mutator'

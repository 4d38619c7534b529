// The mutators, in the order the runner deals inputs to them (input N goes to MUTATORS[N % 7]).
import { bitFlip } from './bit-flip'
import { interestingValues } from './interesting-values'
import { lengthFields } from './length-fields'
import type { Mutator } from './mutator'
import { pcapngBlockSwaps } from './pcapng-blocks'
import { repeatRecord } from './repeat-record'
import { splice } from './splice'
import { truncate } from './truncate'

export const MUTATORS: readonly Mutator[] = [bitFlip, interestingValues, truncate, lengthFields, pcapngBlockSwaps, splice, repeatRecord]

export type { Mutation, Mutator } from './mutator'

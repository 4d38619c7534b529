// What the fuzz runner and its child processes say to each other (over the IPC channel).
import type { PipelineResult } from './pipeline'

export type Job =
  /** Capture input `index` of the run seeded `seed` (the child makes it from its own corpus). */
  | { kind: 'capture'; id: number; seed: number; index: number }
  /** Filter text `index` of the run seeded `seed`. */
  | { kind: 'filter'; id: number; seed: number; index: number }
  /** Given bytes (a regression input, a minimisation candidate). */
  | { kind: 'bytes'; id: number; bytes: Uint8Array }
  /** The runner's own test: a job that loops for ever, fills the heap, ends the process, or leaves a rejection unhandled. */
  | { kind: 'probe'; id: number; probe: Probe }

export type Probe = 'loop' | 'heap' | 'exit' | 'reject'

export interface JobDone {
  kind: 'done'
  id: number
  /** Time in the pipeline, ms (making the input excluded). */
  ms: number
  /** Capture inputs: how the pipeline ended. */
  result?: PipelineResult
  /** Filter inputs: the text, and a crash's description. */
  filter?: { text: string; crash?: string }
  /** What the input was (mutator, seed, what was done), for the report. */
  mutator: string
  seed: string
  what: string
  /** The child's V8 heap after the input, bytes. */
  heapUsed: number
}

export type ChildMessage = { kind: 'ready' } | JobDone | { kind: 'fatal'; id?: number; message: string }

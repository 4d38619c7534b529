// The messages between the main thread (SessionHost) and the session worker (worker.ts):
// requests with ids, answers, the session's events, and notices that need no answer (a live
// capture's file grew). Plain data (structured clone).
import type { ErrorCode } from '../../preload/contract/result'
import type { SessionEvent, SessionMethod } from '../api/port'

/** What the worker answers: the session's requests, and the host's own. */
export type WorkerMethod = SessionMethod | 'openPath' | 'openLive' | 'saveAs' | 'dispose' | 'openFiles' | 'memory'

export interface WorkerRequest {
  id: number
  method: WorkerMethod
  args: unknown[]
}

/** Sent and forgotten: the live capture's file has `size` bytes of complete blocks (`ended`: no more). */
export interface LiveGrowth {
  notice: 'liveGrew'
  size: number
  ended: boolean
}

/** What the host sends the worker. */
export type WorkerInbound = WorkerRequest | LiveGrowth

export type WorkerMessage =
  | { kind: 'answer'; id: number; ok: true; value: unknown }
  | { kind: 'answer'; id: number; ok: false; error: { code: ErrorCode; message: string } }
  | { [E in keyof SessionEvent]: { kind: 'event'; event: E; data: SessionEvent[E] } }[keyof SessionEvent]

/** The worker's own memory use (its isolate's heap and the typed arrays of the index). */
export interface WorkerMemory {
  heapUsed: number
  heapTotal: number
  external: number
  arrayBuffers: number
  /** The whole process's resident set (shared with the main thread). */
  rss: number
}

/** What the host passes the worker when it starts (workerData). */
export interface WorkerOptions {
  tmpDir?: string
  /** The least time between two `progress` or `work` events (tests lower it). */
  progressIntervalMs?: number
}

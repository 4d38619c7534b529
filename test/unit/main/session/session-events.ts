// Test helper: a SessionCore in process with every event it sends recorded, and the ApiFailure a
// request ends with.
import { expect } from 'vitest'
import type { CaptureStatus, OpenProgress, WorkProgress } from '../../../../preload/contract/dto'
import { ApiFailure, type SessionEvent } from '../../../../main/api/port'
import { SessionCore, type SessionCoreOptions } from '../../../../main/session/session-core'

export interface Listening {
  progress?: (p: OpenProgress) => void
  work?: (w: WorkProgress) => void
}

/** A core and the events it sent. */
export function session(options: SessionCoreOptions = {}): { core: SessionCore; captures: CaptureStatus[]; progress: OpenProgress[]; work: WorkProgress[]; on: Listening } {
  const captures: CaptureStatus[] = []
  const progress: OpenProgress[] = []
  const work: WorkProgress[] = []
  const on: Listening = {}
  const core = new SessionCore(<E extends keyof SessionEvent>(event: E, data: SessionEvent[E]) => {
    if (event === 'capture') captures.push(data as CaptureStatus)
    else if (event === 'work') {
      work.push(data as WorkProgress)
      on.work?.(data as WorkProgress)
    } else {
      progress.push(data as OpenProgress)
      on.progress?.(data as OpenProgress)
    }
  }, options)
  return { core, captures, progress, work, on }
}

export async function failure(promise: Promise<unknown>): Promise<ApiFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiFailure)
  return error as ApiFailure
}

/** frame.time_delta as the full pass filed it (undefined: the record has no time). */

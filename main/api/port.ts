// The seams between the parts of the main process that answer the contract
// (preload/contract/api.ts). Three parts meet here:
//   main/session/  CaptureSessions: one open capture, its worker, its answers
//   main/api/      createBackend(): validates each request and routes it (to the session, the
//                  settings, the file policy) and answers a Result; one backend per window
//                  (Electron) or per WebSocket connection (browser mode)
//   main/ipc/, main/server/   the two transports, which only carry requests and events
import type { Answer, Args, ErrorCode, EventName, Events, Method, Result } from '../../preload/contract/api'
import type { FileInfo } from '../../preload/contract/dto'

/** How main-process code fails a request: the backend turns it into `{ ok: false, error }`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ApiFailure'
  }
}

/** The requests a capture session answers itself. */
export type SessionMethod = 'cancelOpen' | 'close' | 'status' | 'setView' | 'cancelWork' | 'rows' | 'positionOf' | 'packet' | 'connections' | 'narrative' | 'lab' | 'flowGraph' | 'expertInfo' | 'followStream'

/** A capture session's events. */
export type SessionEvent = Pick<Events, 'capture' | 'progress' | 'work'>

/**
 * One open capture at a time (main/session/). Opening closes the previous capture first (its
 * worker ended, its file closed). Methods throw ApiFailure (never anything else on purpose).
 */
export type CaptureSessions = { [M in SessionMethod]: (...args: Args<M>) => Promise<Answer<M>> } & {
  /** Starts reading a capture file; resolves once it is known to be a capture (loading goes on). */
  openPath(path: string, options?: { displayName?: string }): Promise<FileInfo>
  onEvent(listener: <E extends keyof SessionEvent>(event: E, data: SessionEvent[E]) => void): () => void
  /** Ends the worker and closes the file. */
  dispose(): Promise<void>
}

/** What a transport talks to: one per window or WebSocket connection. */
export interface BackendPort {
  /** Validates `method` and `args` (untrusted), runs the request, never throws. */
  call(method: string, args: unknown): Promise<Result<unknown>>
  onEvent(listener: <E extends EventName>(event: E, data: Events[E]) => void): () => void
  dispose(): Promise<void>
}

export type { Answer, Args, Method }

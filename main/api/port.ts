// The seams between the parts of the main process that answer the contract
// (preload/contract/api.ts). Three parts meet here:
//   main/session/  CaptureSessions: one open capture, its worker, its answers
//   main/api/      createBackend(): validates each request and routes it (to the session, the
//                  settings, the file policy) and answers a Result; one backend per window
//                  (Electron) or per WebSocket connection (browser mode)
//   main/ipc/, main/server/   the two transports, which only carry requests and events
import type { Answer, Args, ErrorCode, EventName, Events, Method, Result } from '../../preload/contract/api'
import type { CaptureFilterCheck, CaptureInterfaces, CaptureStart, CaptureStatus, ConnectTarget, DemoScenario, FileInfo, LiveCaptureInfo, LiveCaptureOptions, LiveStats, MadeConnection, SavedFile } from '../../preload/contract/dto'

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
  /**
   * Opens a live capture's temporary file, which grows while it is read: the session reads only
   * the bytes liveGrew said are complete, and waits for more until liveGrew(…, true). The status
   * carries `live` and `unsaved` until the capture is saved.
   */
  openLive(path: string, live: Omit<LiveCaptureInfo, 'state'>, options?: { displayName?: string }): Promise<FileInfo>
  /**
   * The live file's first `size` bytes are complete blocks; `ended`: it grows no more. May be
   * called before openLive resolved (the latest size is passed on once the reader is there).
   */
  liveGrew(size: number, ended: boolean): void
  /**
   * Writes the open capture (or only the frames of the current view) to `path`, atomically
   * (a temporary file beside it, then a rename); pcap for .pcap, else pcapng. Saving a live
   * capture whole clears `unsaved`.
   */
  saveAs(path: string, options: { displayed: boolean }): Promise<SavedFile>
  onEvent(listener: <E extends keyof SessionEvent>(event: E, data: SessionEvent[E]) => void): () => void
  /** Ends the worker and closes the file. */
  dispose(): Promise<void>
}

/**
 * Live capture for one backend (main/live/capture-controller.ts): it runs captures, demos and
 * "Connect to host:port", and opens what they write in the backend's CaptureSessions. Methods
 * throw ApiFailure for misuse; a capture that cannot run answers its CaptureProblem instead.
 */
export interface CaptureControl {
  interfaces(): Promise<CaptureInterfaces>
  checkFilter(iface: string, filter: string): Promise<CaptureFilterCheck>
  start(options: LiveCaptureOptions): Promise<CaptureStart>
  stop(): Promise<CaptureStatus>
  restart(): Promise<CaptureStart>
  runDemo(scenario: DemoScenario): Promise<MadeConnection>
  connectTo(target: ConnectTarget): Promise<MadeConnection>
  onStats(listener: (stats: LiveStats) => void): () => void
  /** Stops a capture under way (its file stays open in the session until that closes). */
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

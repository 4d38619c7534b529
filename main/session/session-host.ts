// CaptureSessions on the main thread: a thin proxy to a session worker (worker.ts). Each open
// starts a new worker (the previous one is asked to close its files, then ended), so a closed
// capture's memory goes at once; requests are posted with ids and their answers resolved; a
// worker that fails or exits turns every pending request into an ApiFailure and the capture into
// 'failed'. Events of the current worker (progress, work) are passed on; the capture status is
// kept here too, so it is known with no worker running. A live capture's growth (liveGrew) is
// posted to the worker with no answer; the latest growth is kept until the live capture's worker
// is there to take it.
import { Worker } from 'node:worker_threads'
import { sessionWorkerPath } from '../bundle-dir'
import type { CaptureStatus, FileInfo, LiveCaptureInfo, SavedFile } from '../../preload/contract/dto'
import { ApiFailure, type Answer, type Args, type CaptureSessions, type SessionEvent, type SessionMethod } from '../api/port'
import type { LiveGrowth, WorkerInbound, WorkerMemory, WorkerMessage, WorkerMethod, WorkerOptions } from './worker-protocol'

export interface SessionHostOptions {
  /** The worker script; default: session-worker.js next to the bundle (out/main/). */
  workerPath?: string
  /** Node options of the worker thread (tests run the TypeScript worker with ['--require', 'tsx/cjs']). */
  execArgv?: string[]
  /** Where a gzip capture is spooled for random access (default: the OS's temporary folder). */
  tmpDir?: string
  /** The least time between two `progress` or `work` events (default: the session's; tests lower it). */
  progressIntervalMs?: number
  /** How long closing waits for the worker to close its files before ending it (ms). */
  closeTimeoutMs?: number
}

type Listener = <E extends keyof SessionEvent>(event: E, data: SessionEvent[E]) => void

/** Workers started by any host and not yet ended (for leak checks). */
let liveWorkers = 0

export class SessionHost implements CaptureSessions {
  private channel?: WorkerChannel
  private session = 0
  private current: CaptureStatus = { session: 0, state: 'empty', packets: 0, connections: 0 }
  private readonly listeners = new Set<Listener>()
  private readonly settled: Array<(status: CaptureStatus) => void> = []
  /**
   * The live capture's growth: the latest liveGrew, and the worker reading that capture once its
   * openLive was posted (growth before that waits here, then goes right after the open).
   */
  private live?: { growth?: LiveGrowth; channel?: WorkerChannel }
  /** Growth that came while no live capture was open or being opened (the next openLive takes it). */
  private earlyGrowth?: LiveGrowth

  constructor(private readonly options: SessionHostOptions = {}) {}

  /** Session workers running in this process, over all hosts. */
  static get liveWorkers(): number {
    return liveWorkers
  }

  /** After dispose() nothing is opened any more. */
  private disposed = false

  /** This host's worker is running. */
  get hasWorker(): boolean {
    return this.channel !== undefined
  }

  async openPath(path: string, options: { displayName?: string } = {}): Promise<FileInfo> {
    this.live = undefined
    this.earlyGrowth = undefined
    return this.openIn((channel, session) => channel.call('openPath', [path, { displayName: options.displayName, session }]))
  }

  /**
   * Opens a live capture's file in a new worker, which reads it as liveGrew says it grows. Growth
   * told before this answers (even before the previous worker has ended) is passed on.
   */
  async openLive(path: string, live: Omit<LiveCaptureInfo, 'state'>, options: { displayName?: string } = {}): Promise<FileInfo> {
    const state: NonNullable<SessionHost['live']> = { growth: this.earlyGrowth }
    this.live = state
    this.earlyGrowth = undefined
    return this.openIn((channel, session) => {
      const opened = channel.call('openLive', [path, { interface: live.interface, filter: live.filter }, { displayName: options.displayName, session }])
      if (this.live === state) {
        state.channel = channel
        if (state.growth) channel.notify(state.growth)
      }
      return opened
    })
  }

  /**
   * The live file's first `size` bytes are complete blocks; `ended`: it grows no more. Goes to the
   * live capture opened last (a capture that has ended grows no more: growth after its end is
   * kept for the next openLive).
   */
  liveGrew(size: number, ended: boolean): void {
    if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`liveGrew: a size must be an integer ≥ 0, not ${size}`)
    const growth: LiveGrowth = { notice: 'liveGrew', size, ended }
    const live = this.live
    if (live?.growth?.ended && ended && size === live.growth.size) return // the end told again
    if (!live || live.growth?.ended) {
      this.earlyGrowth = growth
      return
    }
    live.growth = growth
    if (live.channel && live.channel === this.channel) live.channel.notify(growth)
  }

  /** Writes the open capture (or the frames of the current view) to `path`, atomically. */
  async saveAs(path: string, options: { displayed: boolean }): Promise<SavedFile> {
    if (!this.channel) throw new ApiFailure('no-capture', 'no capture is open')
    return (await this.channel.call('saveAs', [path, { displayed: options.displayed }])) as SavedFile
  }

  /** Ends the current worker, then starts one and opens a capture in it with `open`. */
  private async openIn(open: (channel: WorkerChannel, session: number) => Promise<unknown>): Promise<FileInfo> {
    if (this.disposed) throw new ApiFailure('cancelled', 'the capture session has ended')
    await this.endWorker()
    // Disposed while the previous worker was ending: start nothing that no one would end.
    if (this.disposed) throw new ApiFailure('cancelled', 'the capture session has ended')
    const session = ++this.session
    const channel = this.startWorker()
    try {
      return (await open(channel, session)) as FileInfo
    } catch (error) {
      // Not a capture (or gone): the worker holds nothing worth keeping.
      if (this.channel === channel) await this.endWorker()
      throw error
    }
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async dispose(): Promise<void> {
    this.disposed = true
    this.live = undefined
    this.earlyGrowth = undefined
    await this.endWorker()
    this.listeners.clear()
  }

  async status(): Promise<CaptureStatus> {
    return this.channel ? ((await this.channel.call('status', [])) as CaptureStatus) : this.current
  }

  async cancelOpen(): Promise<CaptureStatus> {
    return this.channel ? this.request('cancelOpen', []) : this.current
  }

  async close(): Promise<CaptureStatus> {
    this.live = undefined
    this.earlyGrowth = undefined
    await this.endWorker()
    this.publish({ session: this.session, state: 'empty', packets: 0, connections: 0 })
    return this.current
  }

  setView(...args: Args<'setView'>): Promise<Answer<'setView'>> {
    return this.request('setView', args)
  }

  cancelWork(): Promise<Answer<'cancelWork'>> {
    return this.request('cancelWork', [])
  }

  rows(...args: Args<'rows'>): Promise<Answer<'rows'>> {
    return this.request('rows', args)
  }

  positionOf(...args: Args<'positionOf'>): Promise<Answer<'positionOf'>> {
    return this.request('positionOf', args)
  }

  packet(...args: Args<'packet'>): Promise<Answer<'packet'>> {
    return this.request('packet', args)
  }

  connections(): Promise<Answer<'connections'>> {
    return this.request('connections', [])
  }

  narrative(...args: Args<'narrative'>): Promise<Answer<'narrative'>> {
    return this.request('narrative', args)
  }

  lab(...args: Args<'lab'>): Promise<Answer<'lab'>> {
    return this.request('lab', args)
  }

  flowGraph(...args: Args<'flowGraph'>): Promise<Answer<'flowGraph'>> {
    return this.request('flowGraph', args)
  }

  expertInfo(): Promise<Answer<'expertInfo'>> {
    return this.request('expertInfo', [])
  }

  followStream(...args: Args<'followStream'>): Promise<Answer<'followStream'>> {
    return this.request('followStream', args)
  }

  // ── For benchmarks and tests ─────────────────────────────────────────────────────────────────

  /** Resolves with the status once the current open has settled (ready or failed; at once if none loads). */
  loaded(): Promise<CaptureStatus> {
    if (this.current.state !== 'loading') return Promise.resolve(this.current)
    return new Promise((resolve) => this.settled.push(resolve))
  }

  /** The worker's memory use (undefined with no worker). */
  async workerMemory(): Promise<WorkerMemory | undefined> {
    return this.channel ? ((await this.channel.call('memory', [])) as WorkerMemory) : undefined
  }

  /** Files the worker holds open (the capture and its random-access copy). */
  async openFiles(): Promise<number> {
    return this.channel ? ((await this.channel.call('openFiles', [])) as number) : 0
  }

  private async request<M extends SessionMethod>(method: M, args: unknown[]): Promise<Answer<M>> {
    if (!this.channel) throw new ApiFailure('no-capture', 'no capture is open')
    return (await this.channel.call(method, args)) as Answer<M>
  }

  private startWorker(): WorkerChannel {
    const workerData: WorkerOptions = { tmpDir: this.options.tmpDir, progressIntervalMs: this.options.progressIntervalMs }
    const worker = new Worker(this.options.workerPath ?? sessionWorkerPath(), { execArgv: this.options.execArgv, workerData })
    const channel = new WorkerChannel(worker, {
      event: (message) => {
        if (this.channel !== channel) return
        if (message.event === 'capture') this.publish(message.data)
        else this.emit(message.event, message.data)
      },
      died: (reason) => {
        if (this.channel !== channel) return
        this.channel = undefined
        this.publish({ ...this.current, session: this.session, state: 'failed', error: { code: 'internal', message: reason, framesRead: this.current.packets } })
      },
    })
    this.channel = channel
    return channel
  }

  /** Asks the worker to close its files, then ends it (after closeTimeoutMs at the latest). */
  private async endWorker(): Promise<void> {
    const channel = this.channel
    this.channel = undefined
    if (channel) await channel.stop(this.options.closeTimeoutMs ?? 2000)
  }

  private publish(status: CaptureStatus): void {
    this.current = status
    this.emit('capture', status)
    if (status.state !== 'loading') for (const resolve of this.settled.splice(0)) resolve(status)
  }

  private emit<E extends keyof SessionEvent>(event: E, data: SessionEvent[E]): void {
    for (const listener of this.listeners) listener(event, data)
  }
}

/** One worker: requests by id, answers resolved, events and death reported. */
class WorkerChannel {
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: ApiFailure) => void }>()
  private ended = false
  private readonly exited: Promise<void>

  constructor(
    private readonly worker: Worker,
    private readonly on: { event(message: Extract<WorkerMessage, { kind: 'event' }>): void; died(reason: string): void },
  ) {
    liveWorkers++
    worker.on('message', (message: WorkerMessage) => this.receive(message))
    worker.on('error', (error) => this.fail(`the capture worker failed: ${error.message}`))
    this.exited = new Promise((resolve) => {
      worker.once('exit', (code) => {
        liveWorkers--
        this.fail(`the capture worker stopped (exit code ${code})`)
        resolve()
      })
    })
  }

  call(method: WorkerMethod, args: unknown[]): Promise<unknown> {
    if (this.ended) return Promise.reject(new ApiFailure('cancelled', 'the capture was closed'))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.worker.postMessage({ id, method, args } satisfies WorkerInbound)
    })
  }

  /** Posts a message that has no answer (dropped once the worker is ending). */
  notify(notice: LiveGrowth): void {
    if (!this.ended) this.worker.postMessage(notice satisfies WorkerInbound)
  }

  /** Closes the worker's files (within `timeoutMs`), then ends the thread. */
  async stop(timeoutMs: number): Promise<void> {
    if (!this.ended) {
      const timeout = new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())
      await Promise.race([this.call('dispose', []).catch(() => undefined), timeout])
      this.ended = true
      this.rejectAll(new ApiFailure('cancelled', 'the capture was closed'))
      await this.worker.terminate()
    }
    await this.exited
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'event') {
      if (!this.ended) this.on.event(message)
      return
    }
    const waiting = this.pending.get(message.id)
    if (!waiting) return
    this.pending.delete(message.id)
    if (message.ok) waiting.resolve(message.value)
    else waiting.reject(new ApiFailure(message.error.code, message.error.message))
  }

  private fail(reason: string): void {
    if (this.ended) return
    this.ended = true
    this.rejectAll(new ApiFailure('internal', reason))
    this.on.died(reason)
  }

  private rejectAll(error: ApiFailure): void {
    for (const { reject } of this.pending.values()) reject(error)
    this.pending.clear()
  }
}

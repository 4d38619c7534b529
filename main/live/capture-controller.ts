// Live capture for one backend (CaptureControl, main/api/port.ts): a CaptureRun writes packets to a
// temporary pcapng file, and the backend's capture session reads that file as it grows, as
// Wireshark reads dumpcap's temporary file. The first committed bytes (the file header) open the
// session (openLive); every later flush is passed on (liveGrew); the run's end ends the file.
// Demos and "Connect to host:port" are captures of one prepared connection, opened the same way.
// Temporary files are removed once no session reads them any more (the next capture, dispose).
import { randomBytes } from 'node:crypto'
import { mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CaptureFilterCheck, CaptureInterfaces, CaptureProblem, CaptureStart, CaptureStatus, ConnectTarget, DemoScenario, FileInfo, LiveCaptureOptions, LiveStats, MadeConnection } from '../../preload/contract/dto'
import { ApiFailure, type CaptureControl, type CaptureSessions } from '../api/port'
import { CaptureProblemError, captureProblem } from '../capture/capture-problem'
import { checkCaptureFilter, isLoopbackAddress, listInterfaces, loopbackInterface } from '../capture/live'
import { captureConnection, type CapturedConnection, type ConnectionCaptureOptions } from '../demo/capture-connection'
import { prepareTarget, type PreparedTarget } from '../demo/connect-target'
import { prepareScenario, type PreparedConnection } from '../demo/scenarios'
import { CaptureRun, type CaptureRunOptions, type CaptureRunStats } from './capture-run'

/** What the controller needs of a running capture (CaptureRun; tests pass a fake). */
export interface RunHandle {
  readonly stopped: Promise<CaptureRunStats>
  stop(): Promise<CaptureRunStats>
}

/** The pieces the controller puts together (defaults: the real ones; tests replace them). */
export interface CaptureControllerDeps {
  listInterfaces(): Promise<CaptureInterfaces>
  checkFilter(iface: string, filter: string): Promise<CaptureFilterCheck>
  startRun(options: CaptureRunOptions): Promise<RunHandle>
  prepareScenario(scenario: DemoScenario): Promise<PreparedConnection>
  prepareTarget(target: ConnectTarget): Promise<PreparedTarget>
  captureConnection(connection: PreparedConnection, options: ConnectionCaptureOptions): Promise<CapturedConnection>
}

export interface CaptureControllerOptions {
  sessions: CaptureSessions
  /** Where temporary capture files go (default: <OS temp>/tcplens-captures). */
  tmpDir?: string
  deps?: Partial<CaptureControllerDeps>
}

const REAL_DEPS: CaptureControllerDeps = {
  listInterfaces: () => listInterfaces(),
  checkFilter: (iface, filter) => checkCaptureFilter(iface, filter),
  startRun: (options) => CaptureRun.start(options),
  prepareScenario: (scenario) => prepareScenario(scenario),
  prepareTarget: (target) => prepareTarget(target),
  captureConnection: (connection, options) => captureConnection(connection, options),
}

/** One capture's link to the session: the file it writes and how much of it is complete. */
class LiveFile {
  committed = 0
  ended = false
  opened?: Promise<FileInfo>

  constructor(
    readonly path: string,
    readonly options: LiveCaptureOptions,
  ) {}
}

export class CaptureController implements CaptureControl {
  private readonly deps: CaptureControllerDeps
  private readonly tmpDir: string
  private readonly listeners = new Set<(stats: LiveStats) => void>()
  private run?: RunHandle
  private file?: LiveFile
  /** The options of the last capture started (Restart runs them again). */
  private lastOptions?: LiveCaptureOptions
  /** Temporary files made by this controller that no session reads any more. */
  private readonly leftovers = new Set<string>()
  /** The session number of the live file, for its counters (known once openLive answered). */
  private statsSession = 0
  /** One start, stop, demo or connect at a time. */
  private queue: Promise<unknown> = Promise.resolve()
  private disposed = false

  constructor(private readonly options: CaptureControllerOptions) {
    this.deps = { ...REAL_DEPS, ...options.deps }
    this.tmpDir = options.tmpDir ?? join(tmpdir(), 'tcplens-captures')
  }

  interfaces(): Promise<CaptureInterfaces> {
    return this.deps.listInterfaces()
  }

  checkFilter(iface: string, filter: string): Promise<CaptureFilterCheck> {
    return this.deps.checkFilter(iface, filter)
  }

  start(options: LiveCaptureOptions): Promise<CaptureStart> {
    return this.serially(() => this.startNow(options))
  }

  stop(): Promise<CaptureStatus> {
    return this.serially(async () => {
      await this.stopRun()
      return this.options.sessions.status()
    })
  }

  restart(): Promise<CaptureStart> {
    const options = this.lastOptions
    if (!options) return Promise.reject(new ApiFailure('no-capture', 'no capture has been started yet: there is nothing to restart'))
    return this.start(options)
  }

  runDemo(scenario: DemoScenario): Promise<MadeConnection> {
    return this.serially(async () => {
      const { interfaces, problem } = await this.interfacesOrProblem()
      if (problem) return { problem }
      const loopback = loopbackInterface(interfaces)
      if (!loopback) return { problem: captureProblem('no-device', 'this machine lists no loopback interface to capture the demo on') }
      return this.captureMade(() => this.deps.prepareScenario(scenario), loopback, `demo-${scenario}`)
    })
  }

  connectTo(target: ConnectTarget): Promise<MadeConnection> {
    return this.serially(async () => {
      let prepared: PreparedTarget
      try {
        prepared = await this.deps.prepareTarget(target)
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) }
      }
      let iface = target.interface
      if (!iface) {
        const { interfaces, problem } = await this.interfacesOrProblem()
        if (problem) {
          await prepared.close()
          return { problem }
        }
        iface = isLoopbackAddress(prepared.address) ? loopbackInterface(interfaces) : (interfaces.find((i) => i.recommended) ?? interfaces.find((i) => !i.loopback && i.addresses.length > 0))?.name
      }
      if (!iface) {
        await prepared.close()
        return { problem: captureProblem('no-device', `no interface to capture the connection to ${target.host} on`) }
      }
      return this.captureMade(async () => prepared, iface, `connect-${target.port}`)
    })
  }

  onStats(listener: (stats: LiveStats) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async dispose(): Promise<void> {
    this.disposed = true
    this.listeners.clear()
    await this.queue.catch(() => undefined)
    await this.stopRun()
    // The session reading the last file is being ended by its owner as well.
    if (this.file) this.leftovers.add(this.file.path)
    await this.removeLeftovers()
  }

  // ── a capture's life ─────────────────────────────────────────────────────────────────────────

  private async startNow(options: LiveCaptureOptions): Promise<CaptureStart> {
    await this.stopRun()
    const file = await this.newFile(options, `capture-${options.interface}`)
    let run: RunHandle
    try {
      run = await this.deps.startRun({ ...this.runOptions(file), interface: options.interface, filter: options.filter, ...(options.stop ? { stop: options.stop } : {}) })
    } catch (error) {
      this.forget(file)
      return { problem: problemOf(error) }
    }
    this.lastOptions = options
    this.run = run
    void run.stopped.then(
      (final) => this.ended(file, final),
      () => this.ended(file),
    )
    try {
      return { file: await this.opened(file) }
    } catch (error) {
      // No session reads the file: capturing on would fill a file no one sees.
      await this.stopRun()
      throw error
    }
  }

  /** A demo or a connection: prepared, captured to the end, and open in the session. */
  private async captureMade(prepare: () => Promise<PreparedConnection>, iface: string, label: string): Promise<MadeConnection> {
    await this.stopRun()
    let connection: PreparedConnection
    try {
      connection = await prepare()
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) }
    }
    const file = await this.newFile({ interface: iface, filter: connection.filter }, label)
    let captured: CapturedConnection
    try {
      captured = await this.deps.captureConnection(connection, { ...this.runOptions(file), interface: iface })
    } catch (error) {
      this.forget(file)
      await connection.close().catch(() => undefined)
      return { problem: problemOf(error) }
    }
    this.ended(file, captured.stats)
    if (!file.opened) {
      this.forget(file)
      return { problem: captured.stats.problem ?? captureProblem('failed', 'the capture wrote no file') }
    }
    const made: MadeConnection = { file: await file.opened, stream: 0 }
    if (captured.error) made.error = captured.error
    return made
  }

  private runOptions(file: LiveFile): Pick<CaptureRunOptions, 'path' | 'onCommitted' | 'onStats'> {
    return {
      path: file.path,
      onCommitted: (size) => this.committed(file, size),
      onStats: (stats) => this.publish(file, stats),
    }
  }

  /** The file's first `size` bytes are complete: the first time, the session opens it. */
  private committed(file: LiveFile, size: number): void {
    file.committed = size
    if (this.file !== file) return
    if (!file.opened) {
      file.opened = this.options.sessions.openLive(file.path, { interface: file.options.interface, filter: file.options.filter })
      file.opened.then(
        () => this.options.sessions.status().then((status) => void (this.statsSession = status.session)),
        () => undefined,
      )
    }
    this.options.sessions.liveGrew(size, false)
  }

  /** The run stopped: the file grows no more. */
  private ended(file: LiveFile, final?: CaptureRunStats): void {
    if (file.ended) return
    file.ended = true
    if (this.file === file && file.opened) this.options.sessions.liveGrew(file.committed, true)
    if (final) this.publish(file, final)
    if (this.run && this.file === file) this.run = undefined
  }

  private publish(file: LiveFile, stats: CaptureRunStats): void {
    if (this.file !== file) return
    const live: LiveStats = { session: this.statsSession, interface: file.options.interface, filter: file.options.filter, ...stats }
    for (const listener of [...this.listeners]) {
      try {
        listener(live)
      } catch {
        // One listener's failure must not stop the others.
      }
    }
  }

  /** The session has the file open: answers its FileInfo (the open failing is a failure of the start). */
  private async opened(file: LiveFile): Promise<FileInfo> {
    if (!file.opened) throw new ApiFailure('internal', 'the capture started without writing its file header')
    return file.opened
  }

  private async stopRun(): Promise<void> {
    const run = this.run
    this.run = undefined
    if (run) await run.stop()
  }

  /** A new temporary file; the previous one is no longer read once the session opens this one. */
  private async newFile(options: LiveCaptureOptions, label: string): Promise<LiveFile> {
    if (this.disposed) throw new ApiFailure('cancelled', 'the capture session has ended')
    await mkdir(this.tmpDir, { recursive: true })
    const previous = this.file
    if (previous) this.leftovers.add(previous.path)
    await this.removeLeftovers()
    const file = new LiveFile(join(this.tmpDir, temporaryName(label)), options)
    this.file = file
    // The status's session number is the next one from here on.
    this.statsSession = (await this.options.sessions.status()).session + 1
    return file
  }

  /** A file whose capture never started: removed at once. */
  private forget(file: LiveFile): void {
    if (this.file === file) this.file = undefined
    this.leftovers.add(file.path)
    void this.removeLeftovers()
  }

  private async removeLeftovers(): Promise<void> {
    for (const path of [...this.leftovers]) {
      try {
        await rm(path, { force: true })
        this.leftovers.delete(path)
      } catch {
        // Still open somewhere (Windows): tried again at the next capture or at dispose.
      }
    }
  }

  private async interfacesOrProblem(): Promise<{ interfaces: CaptureInterfaces['interfaces']; problem?: CaptureProblem }> {
    const list = await this.deps.listInterfaces()
    if (!list.available) return { interfaces: [], problem: list.problem ?? captureProblem('no-capture-module', 'live capture is not available') }
    return { interfaces: list.interfaces }
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work)
    this.queue = next.catch(() => undefined)
    return next
  }
}

/** A CaptureProblemError's problem; anything else is a failure of its own. */
function problemOf(error: unknown): CaptureProblem {
  if (error instanceof CaptureProblemError) return error.problem
  if (error instanceof ApiFailure) throw error
  return captureProblem('failed', error instanceof Error ? error.message : String(error))
}

/** "tcplens_capture-eth0_20261121-132045_3f9a.pcapng": what, when, and unique. */
export function temporaryName(label: string, now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  const safe = label.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60)
  return `tcplens_${safe}_${stamp}_${randomBytes(3).toString('hex')}.pcapng`
}

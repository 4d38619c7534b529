// One capture at a time, and every request about it (CaptureSessions' methods, in process): the
// logic the session worker runs (worker.ts is a message loop around it), testable without a
// thread. Opening starts the pass and answers as soon as the file is known to be a capture; the
// rows, packets and views of the frames read so far are answered while it goes on. Requests that
// need the whole capture (connections, expert info, follow stream) wait for the pass to end.
// A live capture (openLive) is read as its file grows, until liveGrew says it ended: its pass may
// last as long as the capture, so connections, expert info and follow stream answer with the
// frames read so far (the connections as they stand, not settled; each answer is worked out again
// once more frames were read), and it can be saved meanwhile.
// The slow ones (a sort by a text column, Expert Info streaming the file) report how far they have
// got as `work` events. Every method throws ApiFailure, never anything else on purpose.
import type {
  CaptureStatus,
  LiveCaptureInfo,
  SavedFile,
  ConnectionDto,
  ConnectionNarrative,
  ExpertInfo,
  FileInfo,
  FlowGraph,
  FollowStream,
  LabReport,
  Lang,
  PacketDetail,
  RowPage,
  ViewInfo,
  ViewSpec,
} from '../../preload/contract/dto'
import { ApiFailure, type SessionEvent } from '../api/port'
import { LiveFeed } from '../capture/live-feed'
import { CaptureError } from '../capture/source'
import type { CaptureFinding, ConnectionTimeline } from '../tcp/step'
import { CaptureLoad, type LoadOptions } from './capture-load'
import { saveCapture, type SaveOptions } from './save-capture'
import { connectionDto } from './connection-dto'
import { ExpertCollector } from './expert-info'
import { scanExpertItems } from './expert-scan'
import { followStream } from './follow-stream'
import { giveWay, scanDecoded } from './full-scan'
import { narrate } from './narrative'
import { replayConnection, type ReplayedConnection } from './connection-replay'
import { flowGraph } from './flow-graph'
import { labAnswers } from './lab'
import { packetDetail } from './packet-detail'
import { packetRow } from './packet-rows'
import { AllFrames, allFrameNumbers, INDEX_COLUMNS, indexComparator, ListedFrames, sortFrames, StreamFrames, textComparator, type PacketView } from './packet-view'
import { FilterResults } from './filter-results'
import { WorkReporter, type WorkTask } from './work-reporter'

export type SessionEmit = <E extends keyof SessionEvent>(event: E, data: SessionEvent[E]) => void

export interface SessionCoreOptions {
  /** Where a gzip file is spooled for random access (default: the OS's temporary folder). */
  tmpDir?: string
  /** The least time between two `progress` or `work` events (default PROGRESS_INTERVAL_MS; tests lower it). */
  progressIntervalMs?: number
}

/** Rows a page holds at most (the contract's limit). */
export const MAX_PAGE_ROWS = 1000

/**
 * Sorting by Source, Destination, Protocol or Info needs every row's text: a full decode of the
 * view's frames (about 10 µs a frame). Views larger than this are not sorted by text.
 */
export const TEXT_SORT_LIMIT = 1_000_000

type TextColumn = 'source' | 'destination' | 'protocol' | 'info'

type Summary = { connections: ConnectionTimeline[]; findings: CaptureFinding[] }

/** What is worked out once per capture, after its pass. */
interface Findings {
  summary?: Summary
  /** A live capture's connections as they stood after `packets` frames (not settled: it goes on). */
  soFar?: { packets: number; summary: Summary }
  expert?: { packets: number; info: Promise<ExpertInfo> }
  /** The connection replayed last (its narrative, in either language, and its lab answers read it), as of `packets` frames. */
  replayed?: { stream: number; packets: number; connection: Promise<ReplayedConnection> }
}

export class SessionCore {
  private session = 0
  private load?: CaptureLoad
  private findings: Findings = {}
  /** Why the last open failed (the status stays 'failed' until the next open or close). */
  private openFailure?: CaptureStatus['error']
  private view?: PacketView
  /** Increases with every setView: a view still being built gives way to a newer one. */
  private viewRequest = 0
  private readonly filterResults = new FilterResults()
  /** The growth of the live capture opened last (liveGrew's messages go there, even while it opens). */
  private feed?: LiveFeed
  /** Increases with every open and close: an open overtaken by another (or a close) gives up. */
  private opens = 0

  constructor(
    private readonly emit: SessionEmit,
    private readonly options: SessionCoreOptions = {},
  ) {}

  /** Closes the open capture, then starts reading `path`; answers once it is known to be a capture. */
  async openPath(path: string, options: { displayName?: string; session?: number } = {}): Promise<FileInfo> {
    this.endFeed()
    return this.open(path, options, (loadOptions) => CaptureLoad.open(path, loadOptions))
  }

  /**
   * Closes the open capture, then follows a live capture's file as it grows: liveGrew says how far
   * it is complete (it may say so before this answers). Answers once its header is complete; the
   * status carries `live` (capturing until liveGrew's end, then stopped) and `unsaved`.
   */
  async openLive(path: string, live: Omit<LiveCaptureInfo, 'state'>, options: { displayName?: string; session?: number } = {}): Promise<FileInfo> {
    this.endFeed()
    const feed = new LiveFeed()
    this.feed = feed
    const info = { interface: live.interface, filter: live.filter }
    return this.open(path, options, (loadOptions) => CaptureLoad.openLive(path, { info, feed }, loadOptions))
  }

  /** The live file's first `size` bytes are complete blocks; `ended`: it grows no more. */
  liveGrew(size: number, ended: boolean): void {
    this.feed?.grow(size, ended)
  }

  private async open(path: string, options: { displayName?: string; session?: number }, opener: (options: LoadOptions) => Promise<CaptureLoad>): Promise<FileInfo> {
    const open = ++this.opens
    await this.closeLoad()
    this.session = options.session ?? this.session + 1
    this.openFailure = undefined
    const session = this.session
    let load: CaptureLoad
    try {
      load = await opener({
        displayName: options.displayName,
        tmpDir: this.options.tmpDir,
        progressIntervalMs: this.options.progressIntervalMs,
        onProgress: (progress) => {
          if (this.load === load) this.emit('progress', { session, ...progress })
        },
      })
    } catch (error) {
      if (this.opens !== open) throw new ApiFailure('cancelled', `opening ${path} was cancelled`)
      const failure = openFailure(path, error)
      this.openFailure = { code: failure.status, message: failure.message, framesRead: 0 }
      this.emitStatus()
      throw new ApiFailure(failure.code, failure.message)
    }
    if (this.opens !== open) {
      // Another open or a close came while this one was opening the file.
      await load.close()
      throw new ApiFailure('cancelled', `opening ${path} was cancelled`)
    }
    this.load = load
    this.view = new AllFrames(load.indexer.index)
    this.emitStatus()
    void load.done.then(() => {
      if (this.load === load) this.emitStatus()
    })
    return load.file
  }

  /** Stops reading a file (the frames read so far stay); a live capture is read until it is stopped (liveGrew's end). */
  async cancelOpen(): Promise<CaptureStatus> {
    if (this.load?.loading && !this.load.live) await this.load.cancel()
    return this.status()
  }

  async close(): Promise<CaptureStatus> {
    this.opens++
    this.endFeed()
    await this.closeLoad()
    this.openFailure = undefined
    this.emitStatus()
    return this.status()
  }

  /** Ends the pass and closes every file. */
  async dispose(): Promise<void> {
    this.opens++
    this.endFeed()
    await this.closeLoad()
  }

  /**
   * Writes the capture (the frames read so far), or only the frames of the current view, to `path`
   * atomically: pcap for .pcap, else pcapng. A live capture saved whole, once it has stopped and
   * every frame is in the file, is no longer unsaved.
   */
  async saveAs(path: string, options: { displayed: boolean }, saving: Pick<SaveOptions, 'createWriter'> = {}): Promise<SavedFile> {
    const load = this.requireLoad()
    const frames = options.displayed ? viewFrames(this.view!) : undefined
    const wanted = () => this.load === load
    const saved = await this.guard(load, () => saveCapture(load, path, { ...saving, frames, wanted }))
    if (!options.displayed && load.live) {
      load.savedWhole = { packets: saved.packets, file: { name: saved.name, path: saved.path, format: saved.format } }
      this.emitStatus()
    }
    return saved
  }

  status(): CaptureStatus {
    const base = { session: this.session, packets: 0, connections: 0 }
    const load = this.load
    if (!load) return this.openFailure ? { ...base, state: 'failed', error: this.openFailure } : { ...base, state: 'empty' }
    const status: CaptureStatus = { ...base, state: load.loading ? 'loading' : load.failure ? 'failed' : 'ready', file: load.file, packets: load.packets, connections: load.connections }
    if (load.live) {
      status.file = { ...load.file, size: load.live.feed.committed }
      status.live = { ...load.live.info, state: load.loading ? 'capturing' : 'stopped' }
      const saved = load.savedWhole
      status.unsaved = load.loading || saved?.packets !== load.packets
      // Saved whole: the capture is that file now (its frames are still read from the temporary one).
      if (!status.unsaved && saved) status.file = { ...status.file, ...saved.file }
    }
    if (load.loading) return status
    status.loadMs = load.loadMs
    if (load.cancelled) status.cancelled = true
    if (load.damage) status.error = { code: 'damaged', message: load.damage.message, framesRead: load.packets }
    if (load.failure) status.error = { code: 'internal', message: load.failure.message, framesRead: load.packets }
    return status
  }

  /** Files held open (the capture's reader and its random-access file), for tests and leak checks. */
  get openFiles(): number {
    return this.load?.openFiles ?? 0
  }

  /** Resolves when the current pass has ended (at once when none runs). */
  async loaded(): Promise<void> {
    await this.load?.done
  }

  async setView(spec: ViewSpec): Promise<ViewInfo> {
    const load = this.requireLoad()
    const request = ++this.viewRequest
    const wanted = () => this.viewRequest === request && this.load === load
    const view = await this.guard(load, () => this.buildView(load, spec, wanted))
    if (!wanted()) throw new ApiFailure('cancelled', 'a newer view replaced this one')
    this.view = view
    return { count: view.count(), total: load.packets }
  }

  /** Stops the view being built (a filter or a sort that decodes); the list keeps the view it had. */
  async cancelWork(): Promise<null> {
    this.viewRequest++
    return null
  }

  async rows(start: number, count: number): Promise<RowPage> {
    const load = this.requireLoad()
    if (!Number.isSafeInteger(start) || start < 0) throw new ApiFailure('bad-argument', `rows: start must be an integer ≥ 0, not ${start}`)
    if (!Number.isSafeInteger(count) || count < 0 || count > MAX_PAGE_ROWS) throw new ApiFailure('bad-argument', `rows: count must be an integer from 0 to ${MAX_PAGE_ROWS}, not ${count}`)
    const view = this.view!
    const total = view.count()
    const frames: number[] = []
    for (let position = start; position < Math.min(total, start + count); position++) frames.push(view.frameAt(position))
    const decoded = await this.guard(load, () => load.decoder.decodeMany(frames))
    const streams = load.indexer.index.stream
    return { start, rows: decoded.map((frame) => packetRow(frame, load.decoder.times(frame.raw).timeDelta, streams[frame.raw.no - 1]!)), count: total }
  }

  async positionOf(frame: number): Promise<number> {
    this.requireLoad()
    if (!Number.isSafeInteger(frame)) throw new ApiFailure('bad-argument', `positionOf: not a frame number: ${frame}`)
    return this.view!.positionOf(frame)
  }

  async packet(frame: number): Promise<PacketDetail> {
    const load = this.requireLoad()
    if (!Number.isSafeInteger(frame) || frame < 1 || frame > load.packets) throw new ApiFailure('not-found', `there is no frame ${frame} (the capture has ${load.packets} so far)`)
    return packetDetail(await this.guard(load, () => load.decoder.decode(frame)))
  }

  /** The TCP connections (after the pass has ended; a live capture's so far). */
  async connections(): Promise<ConnectionDto[]> {
    const load = this.requireLoad()
    return (await this.summary(load)).connections.map(connectionDto)
  }

  async narrative(stream: number, lang: Lang): Promise<ConnectionNarrative> {
    const load = this.requireLoad()
    this.checkStream(load, stream)
    this.checkLang('narrative', lang)
    return this.guard(load, async () => narrate(await this.replayed(load, stream), lang))
  }

  /** The lab assistant's answers for one connection. */
  async lab(stream: number, lang: Lang): Promise<LabReport> {
    const load = this.requireLoad()
    this.checkStream(load, stream)
    this.checkLang('lab', lang)
    return this.guard(load, async () => labAnswers(await this.replayed(load, stream), lang, load.decoder))
  }

  /** The view's TCP frames as a flow between hosts, each with its connection's step. */
  async flowGraph(lang: Lang): Promise<FlowGraph> {
    const load = this.requireLoad()
    this.checkLang('flowGraph', lang)
    const view = this.view ?? new AllFrames(load.indexer.index)
    return this.guard(load, () => flowGraph(view, lang, load.indexer, load.decoder, () => this.load === load))
  }

  /** A connection replayed with its steps: the last one is kept, until more frames are read. */
  private replayed(load: CaptureLoad, stream: number): Promise<ReplayedConnection> {
    const kept = this.findings.replayed
    if (kept && kept.stream === stream && kept.packets === load.packets) return kept.connection
    const connection = replayConnection(stream, load.indexer, load.decoder)
    const entry = { stream, packets: load.packets, connection }
    this.findings.replayed = entry
    connection.catch(() => {
      if (this.findings.replayed === entry) this.findings.replayed = undefined
    })
    return connection
  }

  private checkLang(method: string, lang: Lang): void {
    if (lang !== 'en' && lang !== 'zh-CN') throw new ApiFailure('bad-argument', `${method}: unknown language ${String(lang)}`)
  }

  /**
   * Expert info over the whole capture (after the pass has ended; made once): plain TCP segments
   * from the columns, every other frame decoded in full.
   */
  async expertInfo(): Promise<ExpertInfo> {
    const load = this.requireLoad()
    const { findings } = await this.summary(load)
    const cached = this.findings.expert
    if (cached && cached.packets === load.packets) return cached.info
    const info = this.guard(load, async () => {
      const wanted = () => this.load === load
      const work = this.workReporter('expert-info', wanted)
      const collector = new ExpertCollector()
      await scanExpertItems(load, collector, wanted, { onStreamed: (done, total) => work.progress(done, total) })
      for (const finding of findings) collector.addFinding(finding)
      if (load.damage) collector.addDamage(load.damage)
      const result = collector.result()
      work.finish()
      return result
    })
    this.findings.expert = { packets: load.packets, info }
    info.catch(() => {
      if (this.findings.expert?.info === info) this.findings.expert = undefined
    })
    return info
  }

  async followStream(stream: number): Promise<FollowStream> {
    const load = this.requireLoad()
    this.checkStream(load, stream)
    const { connections } = await this.summary(load)
    return this.guard(load, () => followStream(stream, connections.find((c) => c.stream === stream), load.indexer, load.decoder))
  }

  private async summary(load: CaptureLoad): Promise<Summary> {
    if (load.live && load.loading) return this.summarySoFar(load)
    await this.guard(load, () => load.done)
    // The timeline builder sums up once: finish() settles the connections' last states.
    this.findings.summary ??= load.indexer.timelines.finish()
    return this.findings.summary
  }

  /** A live capture's connections as they stand (not settled), worked out again once more frames were read. */
  private summarySoFar(load: CaptureLoad): Summary {
    const kept = this.findings.soFar
    if (kept && kept.packets === load.packets) return kept.summary
    const summary = load.indexer.timelines.snapshot()
    this.findings.soFar = { packets: load.packets, summary }
    return summary
  }

  private async buildView(load: CaptureLoad, spec: ViewSpec, wanted: () => boolean): Promise<PacketView> {
    const stream = spec.stream
    if (stream !== undefined) this.checkStream(load, stream)
    const sort = spec.sort
    const index = load.indexer.index
    const filter = spec.filter?.trim() ? spec.filter : undefined
    const inOrder = !sort || (sort.column === 'no' && !sort.descending)
    if (inOrder && !filter) return stream === undefined ? new AllFrames(index) : new StreamFrames({ ...spec, stream }, load.indexer.tcp)
    const selected = filter ? await this.filtered(load, filter, stream, wanted) : this.framesOf(load, stream, 0)
    if (inOrder) return new ListedFrames(spec, selected, true)
    // Sorting works in place, and a filter's result is kept (FilterResults): sort a copy of it.
    const frames = filter ? selected.slice() : selected
    if (sort.column === 'no') return new ListedFrames(spec, sortFrames(frames, (a, b) => a - b, sort.descending), false)
    if (INDEX_COLUMNS.has(sort.column)) return new ListedFrames(spec, sortFrames(frames, indexComparator(sort.column, index), sort.descending), false)
    if (frames.length > TEXT_SORT_LIMIT) {
      throw new ApiFailure('unsupported', `sorting by ${sort.column} needs every row's text: views of more than ${TEXT_SORT_LIMIT.toLocaleString('en-US')} rows are not sorted by it (this one has ${frames.length.toLocaleString('en-US')})`)
    }
    const work = this.workReporter('sort', wanted)
    work.progress(0, frames.length)
    const text = await this.columnText(load, frames, sort.column as TextColumn, stream === undefined && !filter, wanted, (done) => work.progress(done, frames.length))
    const order = sortFrames(frames, textComparator(text), sort.descending)
    work.finish()
    return new ListedFrames(spec, order, false)
  }

  /** The frames a filter selects (within a stream), with `work` events while it runs. */
  private async filtered(load: CaptureLoad, filter: string, stream: number | undefined, wanted: () => boolean): Promise<Uint32Array> {
    const work = this.workReporter('filter', wanted)
    const frames = await this.filterResults.select(load, filter, stream, (after) => this.framesOf(load, stream, after), { wanted, progress: (done, total) => work.progress(done, total) })
    work.finish()
    return frames
  }

  /** The frames after frame `after`, of the whole capture or one stream, ascending. */
  private framesOf(load: CaptureLoad, stream: number | undefined, after: number): Uint32Array {
    if (stream === undefined) return allFrameNumbers(load.packets, after)
    return Uint32Array.from(load.indexer.tcp.framesOf(stream).filter((frame) => frame > after))
  }

  /**
   * One column's text for `frames` (by frame − 1): a streaming full decode for the whole capture,
   * else frame by frame; `onDone` hears how many frames are decoded so far.
   */
  private async columnText(load: CaptureLoad, frames: Uint32Array, column: TextColumn, whole: boolean, wanted: () => boolean, onDone: (done: number) => void): Promise<string[]> {
    const text: string[] = []
    if (whole) {
      await scanDecoded(load.path, frames.length, (frame) => void (text[frame.raw.no - 1] = frame.columns[column]), wanted, onDone)
      return text
    }
    const BATCH = 500
    for (let at = 0; at < frames.length; at += BATCH) {
      for (const frame of await load.decoder.decodeMany([...frames.subarray(at, at + BATCH)])) text[frame.raw.no - 1] = frame.columns[column]
      await giveWay()
      if (!wanted()) throw new ApiFailure('cancelled', 'a newer view replaced this one')
      onDone(Math.min(frames.length, at + BATCH))
    }
    return text
  }

  /** The `work` events of one long request of this session, silent once it is no longer wanted. */
  private workReporter(task: WorkTask, wanted: () => boolean): WorkReporter {
    return new WorkReporter((work) => this.emit('work', work), { session: this.session, task }, wanted, this.options.progressIntervalMs)
  }

  private checkStream(load: CaptureLoad, stream: number): void {
    if (!Number.isSafeInteger(stream) || stream < 0) throw new ApiFailure('bad-argument', `not a TCP stream number: ${stream}`)
    if (!load.loading && stream >= load.connections) throw new ApiFailure('bad-argument', `there is no TCP stream ${stream} (the capture has ${load.connections})`)
  }

  private requireLoad(): CaptureLoad {
    if (!this.load) throw new ApiFailure('no-capture', 'no capture is open')
    return this.load
  }

  /**
   * Runs work on `load`: an error becomes an ApiFailure, and a result or error that arrives after
   * the capture was closed or replaced is 'cancelled'.
   */
  private async guard<T>(load: CaptureLoad, work: () => Promise<T>): Promise<T> {
    try {
      const value = await work()
      if (this.load !== load) throw new ApiFailure('cancelled', 'the capture was closed')
      return value
    } catch (error) {
      if (this.load !== load) throw new ApiFailure('cancelled', 'the capture was closed')
      throw asApiFailure(error)
    }
  }

  private emitStatus(): void {
    this.emit('capture', this.status())
  }

  /** The live capture's feed (if any) is no longer this session's: a wait on it ends. */
  private endFeed(): void {
    this.feed?.close()
    this.feed = undefined
  }

  private async closeLoad(): Promise<void> {
    const load = this.load
    this.load = undefined
    this.view = undefined
    this.findings = {}
    this.filterResults.clear()
    this.viewRequest++
    await load?.close()
  }
}

/** The frames a view shows, in its order. */
function viewFrames(view: PacketView): Uint32Array {
  const frames = new Uint32Array(view.count())
  for (let position = 0; position < frames.length; position++) frames[position] = view.frameAt(position)
  return frames
}

/** What a failed open says: the contract's error code, the status's, and a message. */
function openFailure(path: string, error: unknown): { code: ApiFailure['code']; status: NonNullable<CaptureStatus['error']>['code']; message: string } {
  if (error instanceof CaptureError) {
    if (error.code === 'empty' || error.code === 'not-capture') return { code: 'unsupported', status: 'unsupported', message: `${path}: ${error.message}` }
    if (error.code === 'io') return { code: 'io', status: 'io', message: error.message }
    return { code: 'damaged', status: 'damaged', message: `${path}: ${error.message}` }
  }
  const errno = (error as NodeJS.ErrnoException | undefined)?.code
  if (errno === 'ENOENT') return { code: 'not-found', status: 'io', message: `${path}: no such file` }
  if (errno === 'EISDIR') return { code: 'unsupported', status: 'unsupported', message: `${path} is a folder, not a capture file` }
  if (errno) return { code: 'io', status: 'io', message: `${path}: ${(error as Error).message}` }
  return { code: 'internal', status: 'internal', message: `opening ${path}: ${error instanceof Error ? error.message : String(error)}` }
}

function asApiFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error
  if (error instanceof CaptureError) return new ApiFailure(error.code === 'io' ? 'io' : 'damaged', error.message)
  if (error instanceof RangeError) return new ApiFailure('bad-argument', error.message)
  return new ApiFailure('internal', error instanceof Error ? `${error.message}${error.stack ? ` (${error.stack.split('\n')[1]?.trim()})` : ''}` : String(error))
}


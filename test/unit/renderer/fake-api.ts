// A TcpLensApi that answers from canned data, for store and component tests: a capture of a few
// hundred rows (or 2,000,000 for windowing), a field tree with its bytes, connections, expert
// info, a followed stream and a narrative. Every call is recorded; events are emitted by hand.
import type {
  CaptureFilterCheck,
  CaptureInterfaces,
  CaptureStart,
  ConnectTarget,
  DemoScenario,
  LiveCaptureOptions,
  LiveStats,
  MadeConnection,
  SavedFile,
  SaveTarget,
  AppInfo,
  CaptureStatus,
  ColourClass,
  ConnectionDto,
  ConnectionNarrative,
  DirectoryListing,
  ExpertInfo,
  FieldNode,
  FilterCheck,
  FilterFieldInfo,
  FileInfo,
  FlowGraph,
  FollowStream,
  LabReport,
  MenuCommand,
  OpenProgress,
  PacketDetail,
  PacketRowDto,
  Preferences,
  Result,
  TcpLensApi,
  Transport,
  ViewSpec,
  WorkProgress,
} from '../../../preload/contract/api'

export const FAKE_FILE: FileInfo = { name: 'lab.pcapng', path: '/captures/lab.pcapng', size: 123_456, format: 'pcapng', compressed: false }
/** Frames of one connection in the fake capture (stream n holds frames 10n+1 … 10n+10). */
export const FRAMES_PER_STREAM = 10
/** Every 50th frame is UDP (no stream). */
export const UDP_EVERY = 50
/** This frame has a second byte source ("Reassembled IPv4") holding its TCP header. */
export const REASSEMBLED_FRAME = 7
/** Frame 4's tree carries a retransmission warning and a link to frame 2. */
export const EXPERT_FRAME = 4
export const FRAME_LENGTH = 74

/** What filterFields answers: a few protocols and fields (the TCP ones first, as the back end lists them). */
export const FAKE_FILTER_FIELDS: FilterFieldInfo[] = [
  { name: 'tcp', title: { en: 'Transmission Control Protocol', 'zh-CN': '传输控制协议' }, protocol: true, type: 'Protocol' },
  { name: 'tcp.flags', title: { en: 'Flags', 'zh-CN': '标志' }, protocol: false, type: 'Unsigned integer (2 bytes)' },
  { name: 'tcp.flags.syn', title: { en: 'Syn', 'zh-CN': 'SYN 标志' }, protocol: false, type: 'Boolean' },
  { name: 'tcp.stream', title: { en: 'Stream index', 'zh-CN': '流编号' }, protocol: false, type: 'Unsigned integer (4 bytes)' },
  { name: 'ip', title: { en: 'Internet Protocol Version 4', 'zh-CN': '网际协议第 4 版' }, protocol: true, type: 'Protocol' },
  { name: 'ip.addr', title: { en: 'Source or Destination Address', 'zh-CN': '源地址或目的地址' }, protocol: false, type: 'IPv4 address' },
  { name: 'udp', title: { en: 'User Datagram Protocol', 'zh-CN': '用户数据报协议' }, protocol: true, type: 'Protocol' },
  { name: 'tcp.analysis.retransmission', title: { en: 'Retransmission', 'zh-CN': '重传' }, protocol: false, type: 'Label' },
]

export interface FakeApiOptions {
  rows?: number
  transport?: Transport
  /** 'empty': nothing open at start; 'ready' (default): the canned capture is open. */
  initial?: 'empty' | 'ready' | 'loading'
  systemLanguage?: 'en' | 'zh-CN'
}

type Listener<T> = (value: T) => void

function ok<T>(value: T): Promise<Result<T>> {
  return Promise.resolve({ ok: true, value })
}

function fail<T>(code: 'bad-argument' | 'not-found' | 'no-capture', message: string): Promise<Result<T>> {
  return Promise.resolve({ ok: false, error: { code, message } })
}

function base64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
}

export function streamOfFrame(no: number): number {
  return no % UDP_EVERY === 0 ? -1 : Math.floor((no - 1) / FRAMES_PER_STREAM)
}

function colourOf(no: number): ColourClass {
  if (no % UDP_EVERY === 0) return 'udp'
  const inStream = (no - 1) % FRAMES_PER_STREAM
  if (inStream === 0 || inStream === FRAMES_PER_STREAM - 1) return 'tcp-syn-fin'
  if (no === EXPERT_FRAME) return 'bad-tcp'
  return 'tcp'
}

export function fakeRow(no: number): PacketRowDto {
  const stream = streamOfFrame(no)
  const fromClient = no % 2 === 1
  const time = (no - 1) * 0.001
  return {
    no,
    time,
    delta: no === 1 ? 0 : 0.001,
    epoch: 1_700_000_000 + time,
    source: fromClient ? '10.0.0.1' : '10.0.0.2',
    destination: fromClient ? '10.0.0.2' : '10.0.0.1',
    protocol: stream < 0 ? 'UDP' : 'TCP',
    length: 60 + (no % 7) * 10,
    info: stream < 0 ? `53 → 5353 Len=${no % 30}` : `${40000 + stream} → 80 [ACK] Seq=${no} Ack=1 Win=502 Len=0`,
    colour: colourOf(no),
    stream,
  }
}

/** What the fake's tree offers for "Apply as filter": `name == value`, or the name of a value-less field. */
function fakeFieldFilter(name: string, value: string): string | undefined {
  if (!name) return undefined
  return value === '' ? name : `${name} == ${value}`
}

let nextId = 0
function field(name: string, label: string, value: string, offset: number, length: number, extra: Partial<FieldNode> = {}): FieldNode {
  const filter = fakeFieldFilter(name, value)
  return { id: nextId++, name, label, value, source: 0, offset, length, generated: false, ...(filter ? { filter } : {}), ...extra }
}

/** The tree of a TCP frame: Frame, Ethernet II, IPv4, TCP (relative and raw seq, flags, analysis), payload. */
export function fakeTree(no: number): FieldNode[] {
  nextId = 0
  const tcpSource = no === REASSEMBLED_FRAME ? 1 : 0
  const tcpBase = no === REASSEMBLED_FRAME ? 0 : 34
  const frame = field('frame', `Frame ${no}: ${FRAME_LENGTH} bytes on wire`, '', 0, FRAME_LENGTH)
  frame.children = [field('frame.number', `Frame Number: ${no}`, String(no), 0, 0), field('frame.len', `Frame Length: ${FRAME_LENGTH} bytes`, String(FRAME_LENGTH), 0, 0)]
  const eth = field('eth', 'Ethernet II, Src: 02:00:00:00:00:01, Dst: 02:00:00:00:00:02', '', 0, 14)
  eth.children = [
    field('eth.dst', 'Destination: 02:00:00:00:00:02', '02:00:00:00:00:02', 0, 6),
    field('eth.src', 'Source: 02:00:00:00:00:01', '02:00:00:00:00:01', 6, 6),
    field('eth.type', 'Type: IPv4 (0x0800)', '0x0800', 12, 2),
  ]
  const ip = field('ip', 'Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.0.2', '', 14, 20)
  ip.children = [
    field('ip.version', '0100 .... = Version: 4', '4', 14, 1, { bitmask: 0xf0 }),
    field('ip.hdr_len', '.... 0101 = Header Length: 20 bytes (5)', '20', 14, 1, { bitmask: 0x0f }),
    field('ip.ttl', 'Time to Live: 64', '64', 22, 1),
    field('ip.src', 'Source Address: 10.0.0.1', '10.0.0.1', 26, 4),
    field('ip.dst', 'Destination Address: 10.0.0.2', '10.0.0.2', 30, 4),
  ]
  const at = (offset: number, length: number, node: FieldNode): FieldNode => ({ ...node, source: tcpSource, offset: tcpBase + offset, length })
  const tcp = at(0, 20, field('tcp', 'Transmission Control Protocol, Src Port: 40000, Dst Port: 80, Seq: 1, Ack: 1, Len: 20', '', 0, 0))
  tcp.children = [
    at(0, 2, field('tcp.srcport', 'Source Port: 40000', '40000', 0, 0)),
    at(2, 2, field('tcp.dstport', 'Destination Port: 80', '80', 0, 0)),
    field('tcp.stream', `Stream index: ${streamOfFrame(no)}`, String(streamOfFrame(no)), 0, 0, { generated: true }),
    at(4, 4, field('tcp.seq', 'Sequence Number: 1    (relative sequence number)', '1', 0, 0)),
    at(4, 4, field('tcp.seq_raw', 'Sequence Number (raw): 1000001', '1000001', 0, 0)),
    at(8, 4, field('tcp.ack', 'Acknowledgment Number: 1    (relative ack number)', '1', 0, 0)),
  ]
  const flags = at(12, 2, field('tcp.flags', 'Flags: 0x018 (PSH, ACK)', '0x0018', 0, 0))
  flags.children = [
    at(12, 2, field('tcp.flags.ack', '.... ...1 .... = Acknowledgment: Set', 'True', 0, 0, { bitmask: 0x0010 })),
    at(12, 2, field('tcp.flags.push', '.... .... 1... = Push: Set', 'True', 0, 0, { bitmask: 0x0008 })),
  ]
  tcp.children.push(flags, at(14, 2, field('tcp.window_size_value', 'Window: 502', '502', 0, 0)))
  const analysis = field('tcp.analysis', '[SEQ/ACK analysis]', '', 0, 0, { generated: true })
  analysis.children = [field('tcp.analysis.acks_frame', `[This is an ACK to the segment in frame: ${Math.max(1, no - 1)}]`, String(Math.max(1, no - 1)), 0, 0, { generated: true, link: Math.max(1, no - 1) })]
  if (no === EXPERT_FRAME) {
    analysis.children.push(
      field('tcp.analysis.retransmission', '[This frame is a (suspected) retransmission]', '', 0, 0, {
        generated: true,
        expert: { severity: 'note', group: 'sequence', message: 'This frame is a (suspected) retransmission' },
      }),
    )
  }
  tcp.children.push(analysis)
  const payload = field('tcp.payload', 'TCP payload (20 bytes)', '474554202f20485454502f312e310d0a0d0a0000', 54, 20)
  return [frame, eth, ip, tcp, payload]
}

export function fakeFrameBytes(no: number): Uint8Array {
  const bytes = new Uint8Array(FRAME_LENGTH)
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + no) & 0xff
  bytes.set([0x47, 0x45, 0x54, 0x20, 0x2f], 54) // "GET /"
  return bytes
}

export function fakeDetail(no: number): PacketDetail {
  const sources = [{ label: `Frame (${FRAME_LENGTH} bytes)`, bytes: base64(fakeFrameBytes(no)) }]
  if (no === REASSEMBLED_FRAME) sources.push({ label: 'Reassembled IPv4 (20 bytes)', bytes: base64(fakeFrameBytes(no).subarray(34, 54)) })
  return { frame: no, tree: fakeTree(no), sources }
}

export function fakeConnection(stream: number, total: number): ConnectionDto {
  const firstFrame = stream * FRAMES_PER_STREAM + 1
  const lastFrame = Math.min(total, firstFrame + FRAMES_PER_STREAM - 1)
  return {
    stream,
    client: { address: '10.0.0.1', port: 40000 + stream, state: stream === 1 ? 'CLOSED' : 'TIME-WAIT' },
    server: { address: '10.0.0.2', port: 80, state: 'CLOSED' },
    rolesGuessed: stream === 2,
    open: stream === 2 ? 'not-captured' : 'three-way',
    close: stream === 1 ? 'reset' : 'four-way',
    closeInitiator: 'client',
    completeness: stream === 1 ? 47 : 31,
    firstFrame,
    lastFrame,
    packets: lastFrame - firstFrame + 1 - (firstFrame <= UDP_EVERY && UDP_EVERY <= lastFrame ? 1 : 0),
    bytes: { client: 100 + stream, server: 2000 + stream },
    irtt: 0.002,
    duration: 0.009,
    startTime: 1_700_000_000 + stream * 0.01,
    variants: [],
  }
}

/**
 * Which frames the fake's display filter keeps: `tcp.stream == N` keeps stream N, `udp` the UDP
 * frames, `tcp.flags.syn == 1` the first frame of each stream; any other filter the odd frames.
 */
export function fakeFilterKeeps(filter: string, no: number): boolean {
  const stream = /^tcp\.stream (?:==|eq) (\d+)$/.exec(filter.trim())
  if (stream) return streamOfFrame(no) === Number(stream[1])
  if (filter.trim() === 'udp') return streamOfFrame(no) < 0
  if (filter.trim() === 'tcp.flags.syn == 1') return streamOfFrame(no) >= 0 && (no - 1) % FRAMES_PER_STREAM === 0
  return no % 2 === 1
}

/** A setView the fake holds until the test lets it finish (or it is cancelled). */
interface HeldView {
  view: ViewSpec
  finish: (result: Result<{ count: number; total: number }>) => void
}

export const FAKE_FOLLOW_TEXT = { client: 'GET / HTTP/1.1\r\nHost: example\r\n\r\n', server: 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi' }

export class FakeApi implements TcpLensApi {
  readonly transport: Transport
  readonly calls: Array<{ method: string; args: unknown[] }> = []
  rowCount: number
  /** The capture status the fake reports (changed by open, close, cancel and emit). */
  captureStatus: CaptureStatus
  preferences: Preferences = { language: 'system', theme: 'system', timeFormat: 'relative', fontScale: 1 }
  view: ViewSpec = {}
  /** When true, setView answers only at releaseView() (or cancelWork()), as a slow filter does. */
  holdViews = false
  private held: HeldView | null = null
  /** Paths that pathForFile answers for dropped files (Electron). */
  droppedPath = '/drop/dropped.pcap'
  /** Electron only (absent in browser mode, as in the contract). */
  pathForFile?: (file: File) => string
  private readonly listeners = {
    capture: new Set<Listener<CaptureStatus>>(),
    progress: new Set<Listener<OpenProgress>>(),
    work: new Set<Listener<WorkProgress>>(),
    preferences: new Set<Listener<Preferences>>(),
    menu: new Set<Listener<MenuCommand>>(),
    live: new Set<Listener<LiveStats>>(),
  }
  private readonly systemLanguage: 'en' | 'zh-CN'

  constructor(options: FakeApiOptions = {}) {
    this.transport = options.transport ?? 'electron'
    this.rowCount = options.rows ?? 300
    this.systemLanguage = options.systemLanguage ?? 'en'
    const initial = options.initial ?? 'ready'
    this.captureStatus =
      initial === 'empty'
        ? { session: 0, state: 'empty', packets: 0, connections: 0 }
        : { session: 1, state: initial, file: FAKE_FILE, packets: this.rowCount, connections: this.streamCount(), ...(initial === 'ready' ? { loadMs: 1234 } : {}) }
    if (this.transport === 'electron') {
      this.pathForFile = (file: File): string => {
        this.record('pathForFile', [file.name])
        return this.droppedPath
      }
    }
  }

  /** Calls of one method, with their arguments. */
  callsOf(method: string): unknown[][] {
    return this.calls.filter((call) => call.method === method).map((call) => call.args)
  }

  private record(method: string, args: unknown[]): void {
    this.calls.push({ method, args })
  }

  streamCount(): number {
    return Math.ceil(this.rowCount / FRAMES_PER_STREAM)
  }

  /** The frame numbers of the current view, in order (small captures only). */
  private viewFrames(): number[] {
    let frames = Array.from({ length: this.rowCount }, (_, i) => i + 1)
    if (this.view.stream !== undefined) frames = frames.filter((no) => streamOfFrame(no) === this.view.stream)
    const filter = this.view.filter
    if (filter) frames = frames.filter((no) => fakeFilterKeeps(filter, no))
    const sort = this.view.sort
    if (sort) {
      const key = (no: number): number | string => {
        const row = fakeRow(no)
        return sort.column === 'no' ? no : sort.column === 'time' ? (row.time ?? 0) : (row[sort.column] as number | string)
      }
      frames.sort((a, b) => {
        const ka = key(a)
        const kb = key(b)
        const order = ka < kb ? -1 : ka > kb ? 1 : a - b
        return sort.descending ? -order : order
      })
    }
    return frames
  }

  private isPlainView(): boolean {
    return this.view.stream === undefined && !this.view.filter && this.view.sort === undefined
  }

  private viewCount(): number {
    return this.isPlainView() ? this.rowCount : this.viewFrames().length
  }

  emit(event: 'capture', data: CaptureStatus): void
  emit(event: 'progress', data: OpenProgress): void
  emit(event: 'work', data: WorkProgress): void
  emit(event: 'preferences', data: Preferences): void
  emit(event: 'menu', data: MenuCommand): void
  emit(event: 'live', data: LiveStats): void
  emit(event: keyof FakeApi['listeners'], data: unknown): void {
    if (event === 'capture') this.captureStatus = data as CaptureStatus
    for (const listener of this.listeners[event]) (listener as Listener<unknown>)(data)
  }

  listenerCount(event: keyof FakeApi['listeners']): number {
    return this.listeners[event].size
  }

  private subscribe<T>(set: Set<Listener<T>>, listener: Listener<T>): () => void {
    set.add(listener)
    return () => set.delete(listener)
  }

  onCapture(listener: Listener<CaptureStatus>): () => void {
    return this.subscribe(this.listeners.capture, listener)
  }
  onProgress(listener: Listener<OpenProgress>): () => void {
    return this.subscribe(this.listeners.progress, listener)
  }
  onWork(listener: Listener<WorkProgress>): () => void {
    return this.subscribe(this.listeners.work, listener)
  }
  onPreferences(listener: Listener<Preferences>): () => void {
    return this.subscribe(this.listeners.preferences, listener)
  }
  onMenu(listener: Listener<MenuCommand>): () => void {
    return this.subscribe(this.listeners.menu, listener)
  }
  onLive(listener: Listener<LiveStats>): () => void {
    return this.subscribe(this.listeners.live, listener)
  }

  // ── Live capture: two interfaces, the recommended one first; a capture starts at once ────────

  captureInterfaces(): Promise<Result<CaptureInterfaces>> {
    this.record('captureInterfaces', [])
    return ok({
      available: true,
      interfaces: [
        { name: 'eth0', addresses: ['192.168.1.20', 'fe80::1'], loopback: false, recommended: true },
        { name: 'lo', description: 'Loopback', addresses: ['127.0.0.1', '::1'], loopback: true, recommended: false },
      ],
    })
  }

  checkCaptureFilter(iface: string, filter: string): Promise<Result<CaptureFilterCheck>> {
    this.record('checkCaptureFilter', [iface, filter])
    if (filter.includes('bogus')) return ok({ ok: false, problem: { code: 'bad-filter', message: "syntax error in filter expression: syntax error", platform: 'linux' } })
    return ok({ ok: true })
  }

  startCapture(options: LiveCaptureOptions): Promise<Result<CaptureStart>> {
    this.record('startCapture', [options])
    const file = { ...FAKE_FILE, name: `capture-${options.interface}.pcapng`, path: `/tmp/tcplens/capture-${options.interface}.pcapng` }
    this.view = {}
    this.emit('capture', { session: this.captureStatus.session + 1, state: 'loading', file, packets: 0, connections: 0, live: { state: 'capturing', interface: options.interface, filter: options.filter }, unsaved: true })
    return ok({ file })
  }

  stopCapture(): Promise<Result<CaptureStatus>> {
    this.record('stopCapture', [])
    const live = this.captureStatus.live
    this.emit('capture', { ...this.captureStatus, state: 'ready', ...(live ? { live: { ...live, state: 'stopped' as const } } : {}) })
    return ok({ ...this.captureStatus })
  }

  restartCapture(): Promise<Result<CaptureStart>> {
    this.record('restartCapture', [])
    const live = this.captureStatus.live
    return live ? this.startCapture({ interface: live.interface, filter: live.filter }) : ok({})
  }

  runDemo(scenario: DemoScenario): Promise<Result<MadeConnection>> {
    this.record('runDemo', [scenario])
    const file = this.startSession({ ...FAKE_FILE, name: `demo-${scenario}.pcapng`, path: `/tmp/tcplens/demo-${scenario}.pcapng` })
    this.captureStatus = { ...this.captureStatus, unsaved: true }
    return ok({ file, stream: 0 })
  }

  connectTo(target: ConnectTarget): Promise<Result<MadeConnection>> {
    this.record('connectTo', [target])
    if (target.host === 'nowhere.invalid') return ok({ error: 'getaddrinfo ENOTFOUND nowhere.invalid' })
    const file = this.startSession({ ...FAKE_FILE, name: `connect-${target.host}.pcapng`, path: `/tmp/tcplens/connect.pcapng` })
    return ok({ file, stream: 0 })
  }

  saveCapture(target: SaveTarget): Promise<Result<SavedFile | null>> {
    this.record('saveCapture', [target])
    if (target.kind === 'dialog' && this.transport === 'browser') return Promise.resolve({ ok: false, error: { code: 'unsupported', message: 'The save dialog is not available in browser mode' } })
    const path = target.kind === 'path' ? target.path : '/captures/saved.pcapng'
    if (!target.displayed) this.captureStatus = { ...this.captureStatus, unsaved: false }
    return ok({ path, name: path.split('/').pop() ?? path, format: path.endsWith('.pcap') ? 'pcap' : 'pcapng', packets: this.rowCount, bytes: 12_345 })
  }


  appInfo(): Promise<Result<AppInfo>> {
    this.record('appInfo', [])
    return ok({
      name: 'TCP Lens',
      version: '0.1.0',
      transport: this.transport,
      platform: 'linux',
      systemLanguage: this.systemLanguage,
      files: this.transport === 'browser' ? 'server' : 'native',
    })
  }

  getPreferences(): Promise<Result<Preferences>> {
    this.record('getPreferences', [])
    return ok({ ...this.preferences })
  }

  setPreferences(changes: Partial<Preferences>): Promise<Result<Preferences>> {
    this.record('setPreferences', [changes])
    this.preferences = { ...this.preferences, ...changes }
    return ok({ ...this.preferences })
  }

  recentFiles(): Promise<Result<Array<{ path: string; name: string; openedAt: number }>>> {
    this.record('recentFiles', [])
    return ok([{ path: '/captures/old.pcap', name: 'old.pcap', openedAt: 1_700_000_000_000 }])
  }

  /** Opening starts a new session that is ready at once (events emitted before the answer). */
  private startSession(file: FileInfo): FileInfo {
    this.view = {}
    this.emit('capture', { session: this.captureStatus.session + 1, state: 'ready', file, packets: this.rowCount, connections: this.streamCount(), loadMs: 10 })
    return file
  }

  open(source: Parameters<TcpLensApi['open']>[0]): Promise<Result<FileInfo | null>> {
    this.record('open', [source])
    if (source.kind === 'dialog') return ok(null)
    const name = source.kind === 'sample' ? 'sample.pcapng' : (source.path.split('/').pop() ?? source.path)
    return ok(this.startSession({ ...FAKE_FILE, name, path: source.kind === 'sample' ? '/app/sample.pcapng' : source.path }))
  }

  upload(name: string, data: string): Promise<Result<FileInfo>> {
    this.record('upload', [name, data])
    return ok(this.startSession({ ...FAKE_FILE, name, path: '' }))
  }

  listDirectory(path?: string): Promise<Result<DirectoryListing>> {
    this.record('listDirectory', [path])
    const here = path ?? '/captures'
    if (here === '/captures') {
      return ok({
        path: '/captures',
        parent: '/',
        entries: [
          { name: 'labs', path: '/captures/labs', kind: 'dir', size: 0, capture: false },
          { name: 'notes.txt', path: '/captures/notes.txt', kind: 'file', size: 12, capture: false },
          { name: 'lab.pcapng', path: '/captures/lab.pcapng', kind: 'file', size: 123_456, capture: true },
        ],
      })
    }
    return ok({ path: here, parent: '/captures', entries: [{ name: 'syn.pcap', path: `${here}/syn.pcap`, kind: 'file', size: 999, capture: true }] })
  }

  cancelOpen(): Promise<Result<CaptureStatus>> {
    this.record('cancelOpen', [])
    this.captureStatus = { ...this.captureStatus, state: 'ready', cancelled: true }
    return ok({ ...this.captureStatus })
  }

  close(): Promise<Result<CaptureStatus>> {
    this.record('close', [])
    this.captureStatus = { session: this.captureStatus.session, state: 'empty', packets: 0, connections: 0 }
    return ok({ ...this.captureStatus })
  }

  status(): Promise<Result<CaptureStatus>> {
    this.record('status', [])
    return ok({ ...this.captureStatus })
  }

  setView(view: ViewSpec): Promise<Result<{ count: number; total: number }>> {
    this.record('setView', [view])
    if (!this.holdViews) return ok(this.takeView(view))
    this.held?.finish({ ok: false, error: { code: 'cancelled', message: 'replaced by a newer view' } })
    return new Promise((finish) => (this.held = { view, finish }))
  }

  private takeView(view: ViewSpec): { count: number; total: number } {
    this.view = view
    return { count: this.viewCount(), total: this.rowCount }
  }

  /** The held setView is under way. */
  get viewHeld(): boolean {
    return this.held !== null
  }

  /** Lets the held setView finish: the view changes and the answer arrives. */
  releaseView(): void {
    const held = this.held
    this.held = null
    held?.finish({ ok: true, value: this.takeView(held.view) })
  }

  /** A held setView answers 'cancelled' and the view stays as it was. */
  cancelWork(): Promise<Result<null>> {
    this.record('cancelWork', [])
    const held = this.held
    this.held = null
    held?.finish({ ok: false, error: { code: 'cancelled', message: 'cancelled' } })
    return ok(null)
  }

  /** A filter is valid unless it contains "bad" (the error spans that word) or ends in "==". */
  checkFilter(text: string): Promise<Result<FilterCheck>> {
    this.record('checkFilter', [text])
    const bad = text.indexOf('bad')
    if (bad >= 0) return ok({ valid: false, message: { en: 'unknown field bad', 'zh-CN': '未知字段 bad' }, start: bad, end: bad + 3 })
    if (text.trimEnd().endsWith('==')) return ok({ valid: false, message: { en: 'Unexpected end of filter expression', 'zh-CN': '过滤表达式意外结束' }, start: text.length, end: text.length })
    return ok({ valid: true, indexed: !text.includes('contains') })
  }

  filterFields(): Promise<Result<FilterFieldInfo[]>> {
    this.record('filterFields', [])
    return ok(FAKE_FILTER_FIELDS)
  }

  rows(start: number, count: number): Promise<Result<{ start: number; rows: PacketRowDto[]; count: number }>> {
    this.record('rows', [start, count])
    if (count > 1000 || start < 0) return fail('bad-argument', 'count must be at most 1000')
    const total = this.viewCount()
    const end = Math.min(total, start + count)
    const rows: PacketRowDto[] = []
    if (this.isPlainView()) for (let position = start; position < end; position++) rows.push(fakeRow(position + 1))
    else for (const no of this.viewFrames().slice(start, end)) rows.push(fakeRow(no))
    return ok({ start, rows, count: total })
  }

  positionOf(frame: number): Promise<Result<number>> {
    this.record('positionOf', [frame])
    if (this.isPlainView()) return ok(frame >= 1 && frame <= this.rowCount ? frame - 1 : -1)
    return ok(this.viewFrames().indexOf(frame))
  }

  packet(frame: number): Promise<Result<PacketDetail>> {
    this.record('packet', [frame])
    if (frame < 1 || frame > this.rowCount) return fail('not-found', `no frame ${frame}`)
    return ok(fakeDetail(frame))
  }

  connections(): Promise<Result<ConnectionDto[]>> {
    this.record('connections', [])
    return ok(Array.from({ length: Math.min(this.streamCount(), 40) }, (_, stream) => fakeConnection(stream, this.rowCount)))
  }

  narrative(stream: number, lang: 'en' | 'zh-CN'): Promise<Result<ConnectionNarrative>> {
    this.record('narrative', [stream, lang])
    const zh = lang === 'zh-CN'
    const step = (frame: number, n: number, headline: string) => ({
      frame,
      phase: 'open' as const,
      step: [n],
      from: n === 2 ? ('server' as const) : ('client' as const),
      kind: 'handshake',
      label: `SYN ${n}`,
      time: n / 100,
      before: { client: 'CLOSED' as const, server: 'LISTEN' as const },
      after: { client: 'SYN-SENT' as const, server: 'LISTEN' as const },
      changes: [{ role: 'client' as const, from: 'CLOSED' as const, to: 'SYN-SENT' as const, reason: 'sent-syn' }],
      segment: { flags: 2, flagNames: ['SYN'], relative: true, seq: 0, ack: 0, rawSeq: 1000, rawAck: 0, length: 0, nextSeq: -1, windowRaw: 64240, window: 64240 },
      verdicts: 0,
      marks: [],
      topicIds: [],
      headline,
      title: headline,
      direction: zh ? '客户端 → 服务器' : 'client → server',
      sent: [zh ? `第 ${n} 次握手` : `Handshake ${n}`],
      does: zh ? '发起连接' : 'Opens the connection',
      arithmetic: [`ack = ${n}`],
      states: [zh ? '客户端进入 SYN-SENT' : 'The client enters SYN-SENT'],
      notes: [zh ? '注释' : 'A note'],
      seeAlso: [],
      line: headline,
    })
    return ok({
      stream,
      lang,
      title: zh ? `连接 ${stream}` : `Connection ${stream}`,
      summary: [zh ? '三次握手，四次挥手' : 'Three-way handshake, four-way close'],
      steps: [step(stream * FRAMES_PER_STREAM + 1, 1, zh ? '握手 1' : 'Handshake 1'), step(stream * FRAMES_PER_STREAM + 2, 2, zh ? '握手 2' : 'Handshake 2')],
      topics: [],
      connection: fakeConnection(stream, this.rowCount),
      mermaid: 'sequenceDiagram',
    })
  }

  lab(stream: number, lang: 'en' | 'zh-CN'): Promise<Result<LabReport>> {
    this.record('lab', [stream, lang])
    return ok({ stream, lang, answers: [], rtt: { alpha: 0.125, samples: [] }, timeSequence: [], fieldTables: [] })
  }

  flowGraph(lang: 'en' | 'zh-CN'): Promise<Result<FlowGraph>> {
    this.record('flowGraph', [lang])
    return ok({ lang, hosts: [], rows: [], connections: [] })
  }

  expertInfo(): Promise<Result<ExpertInfo>> {
    this.record('expertInfo', [])
    return ok({
      counts: { error: 1, warn: 2, note: 1, chat: 3 },
      entries: [
        { severity: 'error', group: 'malformed', protocol: 'TCP', message: 'Malformed packet', count: 1, frames: [9] },
        { severity: 'warn', group: 'sequence', protocol: 'TCP', message: 'Previous segment not captured', count: 2, frames: [12, 25] },
        { severity: 'note', group: 'sequence', protocol: 'TCP', message: 'This frame is a (suspected) retransmission', count: 1, frames: [EXPERT_FRAME] },
        { severity: 'chat', group: 'sequence', protocol: 'TCP', message: 'Connection establish request (SYN)', count: 3, frames: [1, 11, 21] },
      ],
    })
  }

  followStream(stream: number): Promise<Result<FollowStream>> {
    this.record('followStream', [stream])
    if (stream < 0 || stream >= this.streamCount()) return fail('not-found', `no stream ${stream}`)
    const encode = (text: string): string => btoa(text)
    return ok({
      stream,
      client: { address: '10.0.0.1', port: 40000 + stream },
      server: { address: '10.0.0.2', port: 80 },
      bytes: { client: FAKE_FOLLOW_TEXT.client.length, server: FAKE_FOLLOW_TEXT.server.length },
      encoding: 'utf-8',
      chunks: [
        { from: 'client', frame: stream * FRAMES_PER_STREAM + 4, data: encode(FAKE_FOLLOW_TEXT.client) },
        { from: 'server', frame: stream * FRAMES_PER_STREAM + 5, data: encode(FAKE_FOLLOW_TEXT.server) },
      ],
      truncated: false,
    })
  }
}

export function createFakeApi(options: FakeApiOptions = {}): FakeApi {
  return new FakeApi(options)
}

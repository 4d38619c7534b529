// THE contract between the UI and the process that reads captures, declared once, as types only
// (no Electron, no Node): main/ipc and main/server answer it, preload/index.ts (Electron) and
// renderer/src/api.ts (browser mode) speak it, and the renderer sees nothing else.
import type {
  AppInfo,
  CaptureFilterCheck,
  CaptureInterfaces,
  CaptureStart,
  CaptureStatus,
  ConnectTarget,
  DemoScenario,
  LiveCaptureOptions,
  LiveStats,
  MadeConnection,
  SavedFile,
  SaveTarget,
  ConnectionDto,
  ConnectionNarrative,
  DirectoryListing,
  ExpertInfo,
  FilterCheck,
  FlowGraph,
  FilterFieldInfo,
  FileInfo,
  FollowStream,
  LabReport,
  Lang,
  MenuCommand,
  OpenProgress,
  OpenSource,
  PacketDetail,
  Preferences,
  RecentFile,
  RowPage,
  Transport,
  ViewInfo,
  ViewSpec,
  WorkProgress,
} from './dto'
import type { Result } from './result'

export type * from './dto'
export type * from './result'

/**
 * Every request: its arguments (a tuple) and what it answers. Each method is one channel
 * (`tcplens:<method>` in Electron, `{ method }` on the WebSocket) and answers a Result.
 */
export interface Requests {
  appInfo: { args: []; result: AppInfo }
  getPreferences: { args: []; result: Preferences }
  /** Merges, saves and answers the new preferences (also sent as the `preferences` event). */
  setPreferences: { args: [changes: Partial<Preferences>]; result: Preferences }
  recentFiles: { args: []; result: RecentFile[] }

  /**
   * Starts opening a capture (closing the open one first) and answers as soon as it started;
   * progress and the end come as events. null: the user cancelled the dialog.
   */
  open: { args: [source: OpenSource]; result: FileInfo | null }
  /** Browser mode: a file dropped on the page, sent whole; it is opened like a path. */
  upload: { args: [name: string, base64: string]; result: FileInfo }
  /** Browser mode: one folder of the server's disk for the Open dialog (default: the start folder). */
  listDirectory: { args: [path?: string]; result: DirectoryListing }
  /** Stops a load that is under way; the frames read so far stay. */
  cancelOpen: { args: []; result: CaptureStatus }
  close: { args: []; result: CaptureStatus }
  status: { args: []; result: CaptureStatus }

  /**
   * Chooses the rows of the list (stream, display filter, order). Answers how many. A filter that
   * must decode packets sends `work` events (task 'filter'); an invalid one fails with code
   * 'bad-filter' and the message of checkFilter.
   */
  setView: { args: [view: ViewSpec]; result: ViewInfo }
  /** Stops the setView under way (a filter or a sort); the list keeps the view it had. */
  cancelWork: { args: []; result: null }
  /** Checks a display filter as the user types (no capture needed). */
  checkFilter: { args: [text: string]; result: FilterCheck }
  /** Every field and protocol the filter language knows, with titles in both languages. */
  filterFields: { args: []; result: FilterFieldInfo[] }
  /** Rows [start, start + count) of the view. count ≤ 1000. */
  rows: { args: [start: number, count: number]; result: RowPage }
  /** The view position of a frame (−1: not in the view). */
  positionOf: { args: [frame: number]; result: number }
  /** A frame's field tree and bytes, decoded when asked. */
  packet: { args: [frame: number]; result: PacketDetail }

  connections: { args: []; result: ConnectionDto[] }
  /** One connection's steps, told in `lang`. */
  narrative: { args: [stream: number, lang: Lang]; result: ConnectionNarrative }
  /** The lab assistant's answers for one connection, in `lang`. */
  lab: { args: [stream: number, lang: Lang]; result: LabReport }
  /**
   * The view's TCP frames as a flow between hosts, each with its connection's step, in `lang`.
   * Fails with 'unsupported' when the connections in the view hold too many frames to replay.
   */
  flowGraph: { args: [lang: Lang]; result: FlowGraph }
  expertInfo: { args: []; result: ExpertInfo }
  followStream: { args: [stream: number]; result: FollowStream }

  // Live capture (main/capture/live.ts loads `cap` only when one of these is first called).
  /** The interfaces to capture on (`available: false` with the reason when `cap` cannot load). */
  captureInterfaces: { args: []; result: CaptureInterfaces }
  /** Compiles a capture filter (BPF) with libpcap for an interface, capturing nothing. */
  checkCaptureFilter: { args: [iface: string, filter: string]; result: CaptureFilterCheck }
  /**
   * Starts capturing (closing the open capture first; the renderer asked about unsaved packets):
   * packets go to a temporary pcapng file, which the session reads as it grows.
   */
  startCapture: { args: [options: LiveCaptureOptions]; result: CaptureStart }
  /** Stops the live capture; the packets stay open (unsaved). */
  stopCapture: { args: []; result: CaptureStatus }
  /** Stops, discards the packets, and starts again with the same options. */
  restartCapture: { args: []; result: CaptureStart }
  /** Plays a scenario on 127.0.0.1 while capturing it on the loopback interface, then opens it. */
  runDemo: { args: [scenario: DemoScenario]; result: MadeConnection }
  /** Captures one TCP connection to host:port, opened and closed by TCP Lens, then opens it. */
  connectTo: { args: [target: ConnectTarget]; result: MadeConnection }
  /** Saves the open capture (all of it, or the displayed packets) atomically; null: cancelled. */
  saveCapture: { args: [target: SaveTarget]; result: SavedFile | null }
}

export type Method = keyof Requests
export type Args<M extends Method> = Requests[M]['args']
export type Answer<M extends Method> = Requests[M]['result']

/** What main pushes to the UI, unasked. */
export interface Events {
  capture: CaptureStatus
  progress: OpenProgress
  /** A long request's progress (a filter or a sort that decodes packets, Expert Info reading the whole file). */
  work: WorkProgress
  preferences: Preferences
  /** A live capture's counters (at most 10 a second, and once when it stops). */
  live: LiveStats
  /** Electron only: a menu item or its shortcut. */
  menu: MenuCommand
}

export type EventName = keyof Events

/** The Electron channel of a request or event. */
export type Channel = `tcplens:${Method}` | `tcplens:event:${EventName}`

/** The request methods as the renderer calls them. */
export type RequestFunctions = { [M in Method]: (...args: Args<M>) => Promise<Result<Answer<M>>> }

/** Subscriptions: each `on…` returns the function that unsubscribes. */
export interface EventFunctions {
  onCapture(listener: (status: CaptureStatus) => void): () => void
  onProgress(listener: (progress: OpenProgress) => void): () => void
  onWork(listener: (work: WorkProgress) => void): () => void
  onPreferences(listener: (preferences: Preferences) => void): () => void
  onLive(listener: (stats: LiveStats) => void): () => void
  onMenu(listener: (command: MenuCommand) => void): () => void
}

/** `window.tcplens` in Electron, and what renderer/src/api.ts builds over the WebSocket. */
export interface TcpLensApi extends RequestFunctions, EventFunctions {
  readonly transport: Transport
  /**
   * Electron: the path of a file dropped on the window (webUtils.getPathForFile), which the
   * renderer then opens as `{ kind: 'path' }`; "" when it has none. Absent in browser mode.
   */
  pathForFile?(file: File): string
}

// ── Browser mode's WebSocket messages (JSON text frames) ───────────────────────────────────────

export interface WireRequest<M extends Method = Method> {
  id: number
  method: M
  args: Args<M>
}

export type WireMessage =
  | { kind: 'answer'; id: number; result: Result<unknown> }
  | { [E in EventName]: { kind: 'event'; event: E; data: Events[E] } }[EventName]

// The data that crosses the contract. Plain JSON values only (no typed arrays, no Dates, no
// bigints, no class instances): the same objects travel through Electron's IPC and, as JSON,
// through browser mode's WebSocket. Byte strings are base64. Types only.

export type Lang = 'en' | 'zh-CN'
export type Transport = 'electron' | 'browser'

// ── App and preferences ───────────────────────────────────────────────────────────────────────

export interface AppInfo {
  name: string
  version: string
  transport: Transport
  /** process.platform of the machine that reads the files. */
  platform: string
  /** The OS language, resolved to one TCP Lens speaks. */
  systemLanguage: Lang
  /** Where files are opened: a native dialog (Electron) or the server's folders (browser mode). */
  files: 'native' | 'server'
}

export type LanguagePreference = Lang | 'system'
export type ThemePreference = 'light' | 'dark' | 'system'
/** Wireshark's View › Time Display Format, the ones a lab needs. */
export type TimeFormat = 'relative' | 'delta' | 'absolute' | 'epoch'

export interface Preferences {
  language: LanguagePreference
  theme: ThemePreference
  timeFormat: TimeFormat
  /** 1 = normal; 1.25 and 1.5 for a classroom projector. */
  fontScale: number
  /** The display filters applied last, most recent first (at most 30); absent: none yet. */
  filterHistory?: string[]
}

export interface RecentFile {
  path: string
  name: string
  /** Epoch milliseconds of the last open. */
  openedAt: number
}

// ── Opening files ─────────────────────────────────────────────────────────────────────────────

/**
 * What to open. The main process opens a path only when the user chose it: in its own dialog,
 * from the recent list, by drag and drop, on the command line, or (browser mode) in the server's
 * file dialog. `sample` is the capture bundled with the app.
 */
export type OpenSource =
  | { kind: 'dialog' }
  | { kind: 'sample' }
  | { kind: 'recent'; path: string }
  | { kind: 'path'; path: string }

export interface FileInfo {
  /** The name alone ("handshake.pcapng"). */
  name: string
  /** Full path on the machine that reads it ("" for an upload). */
  path: string
  /** Bytes on disk. */
  size: number
  format: 'pcap' | 'pcapng'
  compressed: boolean
}

export type CaptureState = 'empty' | 'loading' | 'ready' | 'failed'

/** The open capture as a whole; sent as the `capture` event at every change. */
export interface CaptureStatus {
  /** Increases with every open: events of an earlier session can be told apart and ignored. */
  session: number
  state: CaptureState
  file?: FileInfo
  /** Frames indexed so far (the list can show them before loading ends). */
  packets: number
  connections: number
  /** Milliseconds from open to fully loaded. */
  loadMs?: number
  /** The user cancelled the load: `packets` frames were read and can be looked at. */
  cancelled?: boolean
  /**
   * What went wrong. With state 'ready' the file was damaged part-way: the frames before the
   * damage are there. With 'failed' nothing could be read.
   */
  error?: { code: 'damaged' | 'unsupported' | 'io' | 'internal'; message: string; framesRead: number }
  /** A live capture: the session reads its temporary file while packets are written to it. */
  live?: LiveCaptureInfo
  /**
   * The capture exists only in a temporary file (a live capture not saved yet): closing it,
   * opening another file or quitting asks first.
   */
  unsaved?: boolean
}

/** What the status says of a live capture. */
export interface LiveCaptureInfo {
  /** 'capturing' until a stop condition, the user or an error stops it; then 'stopped'. */
  state: 'capturing' | 'stopped'
  interface: string
  /** The capture filter (BPF) it runs with ("" for none). */
  filter: string
}

export interface OpenProgress {
  session: number
  bytesRead: number
  totalBytes: number
  packets: number
  connections: number
}

/**
 * How far a long request has got (sent as the `work` event at most about ten times a second,
 * the last one with done === total; a cancelled request sends no more): sorting by a text column
 * (a full decode), Expert Info when it reads the whole file again, and (next version) a display
 * filter that needs decoding. `done` and `total` count frames.
 */
export interface WorkProgress {
  session: number
  task: 'sort' | 'expert-info' | 'filter'
  done: number
  total: number
}

/** browser mode's file dialog: one folder of the server's disk. */
export interface DirectoryListing {
  path: string
  /** null at the root. */
  parent: string | null
  entries: Array<{ name: string; path: string; kind: 'dir' | 'file'; size: number; capture: boolean }>
}

// ── The packet list ───────────────────────────────────────────────────────────────────────────

export type ColumnId = 'no' | 'time' | 'source' | 'destination' | 'protocol' | 'length' | 'info'

/** Which rows the list shows and in which order. Issue 5 adds display filters. */
export interface ViewSpec {
  /** Only this tcp.stream. */
  stream?: number
  /**
   * A display filter in Wireshark 4.0's language (`tcp.flags.syn == 1 && tcp.stream eq 3`):
   * only the frames it selects, and with `stream`, only those of the stream. "" or absent: all.
   */
  filter?: string
  sort?: { column: ColumnId; descending: boolean }
}

export interface ViewInfo {
  /** Rows in the view. */
  count: number
  /** Rows in the capture. */
  total: number
}

/** A display filter as the filter bar checks it while the user types. */
export type FilterCheck =
  | {
      valid: true
      /** The filter reads only what the packet index holds, so it runs without decoding packets. */
      indexed: boolean
    }
  | {
      valid: false
      /** What is wrong, in both languages (`"==" was unexpected here`). */
      message: Record<Lang, string>
      /** The offending token: [start, end) in UTF-16 code units of the text. */
      start: number
      end: number
    }

/** A field or protocol the filter language knows, for the filter bar's autocomplete. */
export interface FilterFieldInfo {
  /** Wireshark's name: tcp.flags.syn, ip.addr, tcp. */
  name: string
  /** What it is, in both languages ("Syn" / "SYN 标志"). */
  title: Record<Lang, string>
  /** A protocol name (an existence test), not a field. */
  protocol: boolean
  /** Its value type, in Wireshark's words ("Unsigned integer (2 bytes)", "IPv4 address", "Boolean"). */
  type: string
}

/** Wireshark's default colouring rules that apply to what TCP Lens decodes, first match wins. */
export type ColourClass = 'bad-tcp' | 'checksum-error' | 'tcp-rst' | 'tcp-syn-fin' | 'tcp' | 'udp' | 'icmp-error' | 'icmp' | 'arp' | 'broadcast' | 'other'

export interface PacketRowDto {
  /** frame.number */
  no: number
  /** Seconds since the first frame, since the previous frame, and since the epoch; null: the record has no time. */
  time: number | null
  delta: number | null
  epoch: number | null
  source: string
  destination: string
  protocol: string
  /** frame.len */
  length: number
  info: string
  colour: ColourClass
  /** tcp.stream, or −1. */
  stream: number
}

export interface RowPage {
  /** View position of rows[0]. */
  start: number
  rows: PacketRowDto[]
  /** Rows in the view when the page was made (it grows while a file loads). */
  count: number
}

// ── One packet ────────────────────────────────────────────────────────────────────────────────

export type Severity = 'chat' | 'note' | 'warn' | 'error'

export interface FieldNode {
  /** Unique within the packet: the tree's pre-order position. */
  id: number
  /** Wireshark's filter name (tcp.seq), "" for text-only lines. */
  name: string
  /** The line shown in the tree. */
  label: string
  /** Value as `tshark -T fields` prints it, for "copy value" and "apply as filter". */
  value: string
  /** Bytes it covers in its byte source (length 0: generated, no bytes). */
  source: number
  offset: number
  length: number
  /** For bit fields, the mask within those bytes. */
  bitmask?: number
  /** Computed by the analysis, shown [in brackets]. */
  generated: boolean
  /** An expert item attached here. */
  expert?: { severity: Severity; group: string; message: string }
  /** A frame this line points to (tcp.analysis.acks_frame, "retransmission of frame 5" …). */
  link?: number
  /** The display filter that selects frames with this field and value ("Apply as filter"), when there is one. */
  filter?: string
  children?: FieldNode[]
}

export interface ByteSourceDto {
  /** "Frame (74 bytes)", "Reassembled IPv4 (2,960 bytes)". */
  label: string
  /** base64 */
  bytes: string
}

export interface PacketDetail {
  frame: number
  tree: FieldNode[]
  sources: ByteSourceDto[]
}

// ── Connections, expert info, follow stream ───────────────────────────────────────────────────

export type TcpStateName =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN-SENT'
  | 'SYN-RECEIVED'
  | 'ESTABLISHED'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'CLOSE-WAIT'
  | 'CLOSING'
  | 'LAST-ACK'
  | 'TIME-WAIT'
  | 'UNKNOWN'
export type RoleName = 'client' | 'server'
export type OpenKind = 'three-way' | 'simultaneous' | 'refused' | 'unanswered' | 'incomplete' | 'not-captured'
export type CloseKind = 'four-way' | 'three-way' | 'simultaneous' | 'reset' | 'half-closed' | 'none'

export interface EndpointDto {
  address: string
  port: number
  /** Its state at the end of the capture. */
  state: TcpStateName
}

/** One row of Conversations: the engine's summary of a connection (`tcplens conv --json` without steps). */
export interface ConnectionDto {
  stream: number
  client: EndpointDto
  server: EndpointDto
  rolesGuessed: boolean
  open: OpenKind
  close: CloseKind
  closeInitiator: RoleName | 'both' | null
  /** tcp.completeness bits. */
  completeness: number
  firstFrame: number
  lastFrame: number
  packets: number
  bytes: { client: number; server: number }
  irtt: number | null
  duration: number
  startTime: number
  variants: string[]
}

/** The numbers of a segment as Wireshark shows them (relative unless the capture gave no base). */
export interface SegmentFacts {
  /** TCP flag bits (FIN 0x01 … CWR 0x80), and their names in Wireshark's order ("SYN", "ACK"). */
  flags: number
  flagNames: string[]
  relative: boolean
  seq: number
  ack: number
  rawSeq: number
  rawAck: number
  /** Payload length (−1: unknown, e.g. an IP fragment). */
  length: number
  /** tcp.nxtseq (−1: none). */
  nextSeq: number
  /** The window as sent, and scaled (tcp.window_size). */
  windowRaw: number
  window: number
}

/** A state change a step caused (main/tcp/step.ts StateChange without the frame). */
export interface StateChangeDto {
  role: RoleName
  from: TcpStateName
  to: TcpStateName
  /** Why (main/tcp/step.ts StateReason): 'sent-syn', 'received-syn-ack', 'received-fin'… */
  reason: string
}

/**
 * A note on a step as data (main/tcp/step.ts Note): its code ('retransmission', 'syn-retry',
 * 'crossed', 'rst-in-flight', 'time-wait'…), the frames it rests on (a retransmission's
 * original, the segment a SYN crossed…) and its numbers (a SYN retry's `gap` in seconds).
 */
export interface StepMark {
  code: string
  frames: number[]
  values?: Record<string, number | number[] | string>
}

/** A step as the narrative tells it (main/teach's DescribedStep) with the engine's facts beside. */
export interface NarrativeStep {
  frame: number
  /** Seconds since the connection's first captured frame. */
  time: number
  phase: 'open' | 'data' | 'close' | 'abort'
  /** Handshake 1–3, wave 1–4; [2, 3] for a merged FIN; [] for data. */
  step: number[]
  from: RoleName
  kind: string
  label: string
  before: { client: TcpStateName; server: TcpStateName }
  after: { client: TcpStateName; server: TcpStateName }
  changes: StateChangeDto[]
  segment: SegmentFacts
  /** The sender's earlier frame whose end this seq continues ("seq = 0 + 1"). */
  seqFrom?: number
  /** The peer's frame whose end this ack equals ("ack = x + 1"). */
  ackOf?: number
  /** tcp.analysis verdict bits (main/tcp/verdicts.ts VERDICT). */
  verdicts: number
  marks: StepMark[]
  /** The payload in a few words when it is readable text: "GET /index.html", "HTTP/1.1 200 OK". */
  payload?: string
  /** The ids of the topics this step links to (`seeAlso` holds their titles, in the same order). */
  topicIds: string[]
  /** In the requested language: */
  headline: string
  title: string
  direction: string
  sent: string[]
  does: string
  arithmetic: string[]
  states: string[]
  knowledge?: { rows: Array<{ label: string; client: boolean; server: boolean; newClient: boolean; newServer: boolean }>; learned: string[] }
  notes: string[]
  seeAlso: string[]
  line: string
}

export interface ConnectionNarrative {
  stream: number
  lang: Lang
  /** The connection's summary (as in Conversations). */
  connection: ConnectionDto
  title: string
  summary: string[]
  steps: NarrativeStep[]
  topics: TopicCard[]
  /** The connection as a Mermaid `sequenceDiagram`, in `lang` (for export). */
  mermaid: string
}

/** A teaching topic in one language: "Why three segments, and not two?" and its paragraphs. */
export interface TopicCard {
  id: string
  title: string
  text: string[]
}

// ── Teaching views: the flow graph and the lab assistant ──────────────────────────────────────

/** One TCP frame of the view in the all-connections flow graph. */
export interface FlowRow {
  frame: number
  /** Seconds since the capture's first frame. */
  time: number
  stream: number
  /** Indexes into FlowGraph.hosts. */
  src: number
  dst: number
  srcPort: number
  dstPort: number
  from: RoleName
  /** The engine's step for this frame (its connection replayed). */
  phase: NarrativeStep['phase']
  step: number[]
  kind: string
  label: string
  segment: SegmentFacts
  before: { client: TcpStateName; server: TcpStateName }
  after: { client: TcpStateName; server: TcpStateName }
  marks: StepMark[]
  /** The step in one line, in the requested language. */
  line: string
}

/** The displayed TCP frames as a flow between hosts (Wireshark's Flow Graph, "TCP flows"). */
export interface FlowGraph {
  lang: Lang
  /** Host addresses, in order of first appearance: the graph's columns. */
  hosts: string[]
  rows: FlowRow[]
  /** The connections the rows belong to, by stream. */
  connections: ConnectionDto[]
}

/** One lab question answered from the capture, with the frames the answer rests on. */
export interface LabAnswer {
  /** 'endpoints', 'syn-seq', 'syn-ack', 'first-data', 'rtt', 'min-window', 'retransmissions', 'cumulative-acks', 'throughput'… */
  id: string
  question: string
  /** The answer's lines; text in `backticks` is a value or formula. */
  answer: string[]
  frames: number[]
}

/** A sample of the RTT (tcp.analysis.ack_rtt) and the EstimatedRTT after it (RFC 6298, α = 1/8). */
export interface RttSample {
  /** The ACK that gave the sample, and the data segment it acknowledged. */
  frame: number
  acked: number
  /** Seconds since the connection's first frame. */
  time: number
  rtt: number
  estimated: number
}

/** Stevens' time-sequence graph of one direction: what `sender` sent, and what its peer acknowledged. */
export interface TimeSequenceSeries {
  sender: RoleName
  /** Relative seq at the start and end of each segment that carried data (or SYN/FIN). */
  segments: Array<{ frame: number; time: number; seq: number; end: number; retransmission: boolean }>
  /** The peer's ACKs: acknowledged up to `ack`, and the window's right edge `ack + window`. */
  acks: Array<{ frame: number; time: number; ack: number; windowEdge: number }>
}

/** One header field of a handshake or teardown segment, for the per-field table. */
export interface LabFieldRow {
  /** Wireshark's field name ("tcp.seq"), the label as a student reads it, its size in bits. */
  field: string
  name: string
  bits: number
  value: string
  meaning: string
}

export interface LabFieldTable {
  frame: number
  /** "Handshake step 1: SYN (client → server)". */
  title: string
  rows: LabFieldRow[]
}

/** The lab assistant's answers for one connection, in one language. */
export interface LabReport {
  stream: number
  lang: Lang
  answers: LabAnswer[]
  rtt: { alpha: number; samples: RttSample[] }
  /** Both directions; the one that sent more data first. */
  timeSequence: TimeSequenceSeries[]
  fieldTables: LabFieldTable[]
}

export interface ExpertEntry {
  severity: Severity
  /** Wireshark's expert group: sequence, protocol, malformed, checksum … */
  group: string
  protocol: string
  /** The message, as in Wireshark's Expert Info "Summary". */
  message: string
  count: number
  /** Evidence: the frames, in order (at most `EXPERT_FRAME_LIMIT`; `count` is the true number). */
  frames: number[]
}

export interface ExpertInfo {
  /** Counts by severity, for the tab's badges. */
  counts: Record<Severity, number>
  /** Grouped by severity (error first), then group, then message. */
  entries: ExpertEntry[]
}

export interface FollowChunk {
  from: RoleName
  frame: number
  /** base64 of the segment's new payload bytes (retransmitted bytes are not repeated). */
  data: string
}

export interface FollowStream {
  stream: number
  client: { address: string; port: number }
  server: { address: string; port: number }
  /** Payload bytes each way (the whole stream, even when the chunks were cut). */
  bytes: { client: number; server: number }
  /** How the text view decodes it: UTF-8 only when every chunk is valid UTF-8; else ASCII with dots. */
  encoding: 'utf-8' | 'ascii'
  chunks: FollowChunk[]
  /** True when the chunks stop before the stream's end (size limit). */
  truncated: boolean
}

// ── Live capture ──────────────────────────────────────────────────────────────────────────────

/** A network interface libpcap (Npcap on Windows) can capture on. */
export interface CaptureInterface {
  /** What libpcap calls it: "eth0", "lo", "en0", "\\Device\\NPF_{…}". */
  name: string
  /** libpcap's description ("Intel(R) Ethernet…" on Windows), when it has one. */
  description?: string
  /** Its IPv4 and IPv6 addresses, as text. */
  addresses: string[]
  loopback: boolean
  /** It holds the default route: where traffic to the internet goes (marked as recommended). */
  recommended: boolean
}

/**
 * Why capturing cannot start (or stopped), as a code the renderer words in the UI language with
 * the exact fix for `platform`; `message` is libpcap's or the OS's own words, shown as they are.
 */
export type CaptureProblemCode =
  | 'no-capture-module' // `cap` is not installed or failed to load (opening files still works)
  | 'permission' //        the OS refused: no CAP_NET_RAW (Linux), no /dev/bpf access (macOS)
  | 'no-npcap' //          Windows: Npcap is not installed (or not in WinPcap-compatible mode)
  | 'no-device' //         no such interface (unplugged, renamed)
  | 'bad-filter' //        the capture filter does not compile
  | 'failed' //            anything else libpcap said

export interface CaptureProblem {
  code: CaptureProblemCode
  message: string
  /** process.platform of the machine that captures ('linux', 'darwin', 'win32'). */
  platform: string
  /** Linux 'permission': the program that needs the capture rights (for the setcap line). */
  program?: string
  /**
   * Linux 'permission' in an installed TCP Lens (deb/rpm): the script that grants the rights. It
   * replaces the setcap line there: a bare setcap on the app stops it starting (see the README).
   */
  rightsScript?: string
  /** 'no-capture-module' in an installed app: there is nothing to rebuild, only libpcap to install. */
  installed?: boolean
}

export interface CaptureInterfaces {
  /** False when `cap` could not be loaded: `problem` says why, and the list is empty. */
  available: boolean
  problem?: CaptureProblem
  interfaces: CaptureInterface[]
}

/** A capture filter (BPF) checked by libpcap on an interface, before starting. */
export interface CaptureFilterCheck {
  ok: boolean
  /** Why not: 'bad-filter' with libpcap's message, or another problem found while checking. */
  problem?: CaptureProblem
}

/** When a live capture stops by itself (each one optional; the first reached wins). */
export interface StopConditions {
  packets?: number
  seconds?: number
  /** Megabytes (10^6 bytes) of packets captured. */
  megabytes?: number
}

export interface LiveCaptureOptions {
  interface: string
  /** A capture filter (BPF); "" captures everything. */
  filter: string
  stop?: StopConditions
}

/** Why a live capture stopped ('finished': the demo or connection it captured has ended). */
export type StopReason = 'user' | 'packets' | 'seconds' | 'megabytes' | 'error' | 'finished'

/**
 * A live capture's counters, sent as the `live` event at most 10 times a second, and once more
 * when it stops. Packets are stamped on arrival in TCP Lens (cap reports no capture time).
 */
export interface LiveStats {
  session: number
  state: 'capturing' | 'stopped'
  interface: string
  filter: string
  /** Packets and bytes received by TCP Lens and written to the temporary file. */
  packets: number
  bytes: number
  /** Over the last second or so. */
  packetsPerSecond: number
  bytesPerSecond: number
  /** Packets TCP Lens received but could not keep (the disk fell too far behind): never silent. */
  dropped: number
  elapsedMs: number
  stopReason?: StopReason
  /** Set when an error stopped it. */
  problem?: CaptureProblem
}

/** Starting a capture: the temporary file it opened, or why it could not start. */
export interface CaptureStart {
  file?: FileInfo
  problem?: CaptureProblem
}

/** The connections "Demo connection" can play on 127.0.0.1. */
export type DemoScenario = 'normal' | 'server-close' | 'half-close' | 'refused' | 'rst-abort' | 'keep-alive'

/** Where "Connect to host:port" opens its connection (the interface: default, the recommended one). */
export interface ConnectTarget {
  host: string
  port: number
  interface?: string
}

/**
 * A demo or a connection made and captured: the capture is open (saved nowhere yet) and `stream`
 * is the connection to show; else `problem` (capture could not run) or `error` (the connection:
 * "getaddrinfo ENOTFOUND", "connect ETIMEDOUT"…; a refused connection is a result, not an error).
 */
export interface MadeConnection {
  file?: FileInfo
  stream?: number
  problem?: CaptureProblem
  error?: string
}

/**
 * Where Save / Save As / Export Specified Packets writes. The format follows the extension
 * (.pcap → pcap, anything else → pcapng). Electron: 'dialog'; browser mode: 'path' (a path on
 * the server chosen in its file dialog). `displayed`: only the packets the view shows.
 */
export type SaveTarget = { kind: 'dialog'; displayed: boolean } | { kind: 'path'; path: string; displayed: boolean }

export interface SavedFile {
  path: string
  name: string
  format: 'pcap' | 'pcapng'
  packets: number
  bytes: number
}

// ── The Electron menu ─────────────────────────────────────────────────────────────────────────

/** What a menu item asks the renderer to do (items main handles itself are not sent). */
export type MenuCommand =
  | 'go-next'
  | 'go-previous'
  | 'go-first'
  | 'go-last'
  | 'go-to-packet'
  | 'show-conversations'
  | 'show-expert'
  | 'follow-stream'
  | 'show-shortcuts'
  | 'show-about'
  | 'view-packets'
  | 'view-diagram'
  | 'view-flow'
  | 'open-file'
  | 'capture-options'
  | 'capture-start'
  | 'capture-stop'
  | 'capture-restart'
  | 'demo-connection'
  | 'connect-to'
  | 'save'
  | 'save-as'
  | 'export-specified'

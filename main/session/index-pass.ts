// The fast pass: one read of a capture that fills the packet index and runs the TCP engine,
// with no field trees. Each frame's headers are walked (main/decode/headers.ts) into one reused
// segment, which goes to the very same TcpTracker the full decoder feeds, with one reused
// analysis object. This is what opening a file and `tcplens conv` cost; a frame's field tree is
// decoded only when someone looks at it.
import type { CaptureReader } from '../capture/open'
import { CaptureError, type RawFrame } from '../capture/source'
import { ipv4Text, ipv6Text } from '../capture/address-text'
import { HeaderWalk, walkHeaders } from '../decode/headers'
import { TCP_FLAGS_MASK, TCP_LAYOUT } from '../decode/layers/tcp'
import type { TcpFrameAnalysis } from '../tcp/result'
import { scanTcpOptions, type TcpOptionValues, type TcpSegment } from '../tcp/segment'
import { TcpTracker } from '../tcp/tracker'
import { PacketIndex, ROW_MARK } from './packet-index'
import { IpReassembly } from '../decode/reassembly'

export interface IndexProgress {
  /** Frames indexed so far. */
  frames: number
  /** Bytes of the file on disk read so far, and its size (compressed sizes for gzip). */
  bytesRead: number
  fileSize: number
}

export interface IndexOptions {
  /**
   * Called for each TCP segment right after the tracker analysed it, in capture order. Both
   * objects are reused for the next segment: read what you need during the call, keep no
   * reference to them (or to seg.addresses, seg.options, analysis.timeRelative …).
   */
  onSegment?(seg: TcpSegment, analysis: TcpFrameAnalysis): void
  /** Called after each batch of frames (one per chunk read, about 1 MiB). */
  onProgress?(progress: IndexProgress): void
  /**
   * Fill the packet index (the default). With false only the TCP engine runs, for a caller that
   * never lists packets (`tcplens conv`): the result's index stays empty, and 2 million frames
   * need about 120 MB less.
   */
  index?: boolean
  /**
   * Reassemble fragmented IP datagrams (the default, as DecodePass and Wireshark): the TCP engine
   * gets a fragmented segment whole, from the frame that completes it.
   */
  reassembleIp?: boolean
}

export interface IndexResult {
  index: PacketIndex
  tracker: TcpTracker
  /**
   * The damage that ended the read early, if any: every frame before it is indexed and
   * tracked (as tshark, which reports the damage after using those frames).
   */
  error?: CaptureError
}

/** TCP_FLAGS_MASK, read once: an imported binding can cost a getter call per frame (CommonJS interop). */
const FLAGS_MASK = TCP_FLAGS_MASK

/** Reads every frame of `reader` once: the packet index and the TCP engine's conversations. */
export async function indexCapture(reader: CaptureReader, options: IndexOptions = {}): Promise<IndexResult> {
  const pass = new IndexPass(options.onSegment, options.index ?? true, options.reassembleIp ?? true)
  let error: CaptureError | undefined
  try {
    for await (const batch of reader.batches()) {
      for (let i = 0; i < batch.length; i++) pass.add(batch[i]!)
      options.onProgress?.({ frames: pass.frames, bytesRead: reader.bytesRead, fileSize: reader.fileSize })
    }
  } catch (caught) {
    if (!(caught instanceof CaptureError)) throw caught
    error = caught
  }
  return { index: pass.index, tracker: pass.tracker, error }
}

/**
 * The pass, one frame at a time (frames must come in file order, numbered from 1): what
 * indexCapture runs, and what a live capture can feed.
 */
export class IndexPass {
  readonly index = new PacketIndex()
  readonly tracker = new TcpTracker()
  /** Frames added so far. */
  frames = 0
  /** What the header walk found in the frame added last (read it right after add()). */
  readonly walk: HeaderWalk
  /**
   * The TCP options of the frame added last, when it handed a segment to the engine (read it right
   * after add(); scanEnd and wsShiftSent are set only when the header has options).
   */
  readonly options: TcpOptionValues
  private readonly segment = new ReusedSegment()
  private analysis: TcpFrameAnalysis | undefined

  constructor(
    private readonly onSegment?: (seg: TcpSegment, analysis: TcpFrameAnalysis) => void,
    /** Fill the packet index (false: only the TCP engine runs). */
    private readonly indexing = true,
    /** Reassemble fragmented IP datagrams (as DecodePass does by default). */
    reassembleIp = true,
  ) {
    this.walk = new HeaderWalk(reassembleIp ? new IpReassembly() : undefined)
    this.options = this.segment.options
  }

  add(raw: RawFrame): void {
    if (raw.no !== this.frames + 1) throw new Error(`frame ${raw.no} came out of order after frame ${this.frames}`)
    this.frames++
    const frameBytes = raw.bytes
    const walk = this.walk
    walkHeaders(frameBytes, raw.origLen, raw.linkType, walk, raw.no)
    const row = this.indexing ? this.index.append(raw.fileOffset, raw.capLen, raw.origLen, raw.tsSec, raw.tsNsec, raw.noTimestamp ? walk.kind | ROW_MARK.NO_TIMESTAMP : walk.kind) : -1
    if (walk.tcpAt < 0) return

    // The segment, exactly as decodeTcp (main/decode/layers/tcp.ts) hands it to the engine; its
    // header may be in a reassembled datagram, its addresses are in the frame.
    const bytes = walk.tcpBytes ?? frameBytes
    const seg = this.segment
    const at = walk.tcpAt
    const L = TCP_LAYOUT
    const offsetFlags = u16(bytes, at + L.flags)
    const headerLength = (offsetFlags >> 12) * 4
    const reportedLength = walk.tcpReported
    seg.frame = raw.no
    seg.sec = raw.tsSec
    seg.nsec = raw.tsNsec
    seg.setAddresses(frameBytes, walk.addressAt, walk.addressLength)
    seg.srcPort = u16(bytes, at + L.srcPort)
    seg.dstPort = u16(bytes, at + L.dstPort)
    seg.seq = u32(bytes, at + L.seq)
    seg.ack = u32(bytes, at + L.ack)
    seg.flags = offsetFlags & FLAGS_MASK
    seg.window = u16(bytes, at + L.window)
    seg.headerLength = headerLength
    // A fragment carries only part of a segment; a header longer than the packet leaves no length.
    seg.length = reportedLength >= headerLength && !walk.fragmented ? reportedLength - headerLength : -1
    const options = seg.clearOptions()
    if (headerLength > L.options) scanTcpOptions(bytes, at + L.options, headerLength - L.options, options)

    const a = this.tracker.track(seg, this.analysis)
    this.analysis = a
    if (row >= 0) this.index.setTcp(row, a.stream, seg.flags, a.seq, a.ack, a.relative, a.window, seg.length, a.flags)
    this.onSegment?.(seg, a)
  }
}

/** The one TcpSegment the pass refills for every frame; the address text is made on demand. */
class ReusedSegment implements TcpSegment {
  frame = 0
  sec = 0
  nsec = 0
  addresses: Uint8Array
  srcPort = 0
  dstPort = 0
  seq = 0
  ack = 0
  flags = 0
  window = 0
  headerLength = 0
  length = 0
  readonly options: TcpOptionValues = { wsShift: -1, sack: [], tfo: undefined, mss: undefined, sackPermitted: undefined, timestamps: undefined, wsShiftSent: -1, scanEnd: 0 }
  private readonly ipv4 = new Uint8Array(8)
  private readonly ipv6 = new Uint8Array(32)

  constructor() {
    this.addresses = this.ipv4
  }

  get src(): string {
    return this.addresses.length === 8 ? ipv4Text(this.addresses, 0) : ipv6Text(this.addresses, 0)
  }

  get dst(): string {
    return this.addresses.length === 8 ? ipv4Text(this.addresses, 4) : ipv6Text(this.addresses, 16)
  }

  /** Copies both addresses (source then destination, `length` bytes each) from the frame. */
  setAddresses(bytes: Uint8Array, at: number, length: number): void {
    const to = length === 4 ? this.ipv4 : this.ipv6
    for (let i = 0; i < to.length; i++) to[i] = bytes[at + i]!
    this.addresses = to
  }

  /** The options as emptyOptions() makes them, in the same object. */
  clearOptions(): TcpOptionValues {
    const o = this.options
    o.wsShift = -1
    if (o.sack.length) o.sack.length = 0
    o.tfo = undefined
    o.mss = undefined
    o.sackPermitted = undefined
    o.timestamps = undefined
    return o
  }
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0
}

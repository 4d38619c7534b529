// What the TCP engine said about each frame, kept in compact columns while the session's pass
// runs, so one frame decoded out of order gets the very analysis the full pass gave it: its field
// tree and Info column ("[TCP Dup ACK 3#2]", relative numbers, bytes in flight, iRTT …) come out
// the same, without replaying its connection.
//
// The packet index already holds tcp.stream, the relative seq/ack, the scaled window, the payload
// length and the verdict bits. The rest is here, stored as the tracker computed it; only the times
// are rebuilt, from the frames' own capture times, by the same subtraction the tracker does:
//   timeRelative = now − the conversation's first frame (conversation.firstTime)
//   timeDelta    = now − the stream's previous frame (or 0 for its first)
//   ackRtt       = now − the acknowledged segment's frame (ackedFrame)
//   rto          = now − the frame the RTO is measured from (rtoFrame)
// (an unacknowledged segment and the flow's "next sequence" time are the capture times of the
// frames that sent them). Each stream's frames are also linked to the previous one, so a stream
// is walked without scanning the whole capture.
import type { Timestamp } from '../decode/field'
import { timeDiff } from '../decode/time'
import type { TcpConversation } from '../tcp/conversation'
import { newFrameAnalysis, type TcpFrameAnalysis } from '../tcp/result'
import { TCP_FLAG, type TcpSegment } from '../tcp/segment'
import { withRoom } from './columns'
import { ROW_MARK, type PacketIndex } from './packet-index'

const BIT = {
  ANALYSED: 0x01,
  BOGUS: 0x02,
  /** Sent by endpoint 1 of the conversation. */
  FROM_PEER: 0x04,
  INITIAL_RTT: 0x08,
  FIN_KNOWN: 0x10,
  FIN_FIRST: 0x20,
  /** Two bits: 0 none, then TFO_CODES. */
  TFO_SHIFT: 6,
} as const

const TFO_CODES = [undefined, 'syn-cookie', 'ack-data', 'ignored-data'] as const

/** scaleFactor absent (a SYN); otherwise the code is −1, −2 or the shift (factor 2^shift). */
const NO_SCALE = -128

export class TcpColumns {
  completeness = new Uint8Array(0)
  bits = new Uint8Array(0)
  scale = new Int8Array(0)
  ackedFrame = new Uint32Array(0)
  bytesInFlight = new Uint32Array(0)
  pushBytesSent = new Uint32Array(0)
  sackBase = new Uint32Array(0)
  /** The previous frame of the same stream (0: none). */
  previousInStream = new Uint32Array(0)
  /** Only on duplicate ACKs and retransmissions: [dupAckNum, dupAckFrame], rtoFrame. */
  private readonly duplicateAcks = new Map<number, [number, number]>()
  private readonly rtoFrames = new Map<number, number>()
  /** Per stream: its first and its latest frame. */
  readonly firstFrame: number[] = []
  readonly lastFrame: number[] = []

  /** Records the analysis of `seg` (the frame's index row was appended already). */
  record(seg: TcpSegment, a: TcpFrameAnalysis): void {
    const row = seg.frame - 1
    this.room(row + 1)
    this.completeness[row] = a.completeness
    let bits = 0
    if (a.analysed) bits |= BIT.ANALYSED
    if (a.bogusHeader) bits |= BIT.BOGUS
    if (a.from === 1) bits |= BIT.FROM_PEER
    if (a.initialRtt) bits |= BIT.INITIAL_RTT
    if (a.finFirst !== undefined) bits |= BIT.FIN_KNOWN | (a.finFirst ? BIT.FIN_FIRST : 0)
    bits |= TFO_CODES.indexOf(a.tfo) << BIT.TFO_SHIFT
    this.bits[row] = bits
    this.scale[row] = a.scaleFactor === undefined ? NO_SCALE : a.scaleFactor < 0 ? a.scaleFactor : Math.log2(a.scaleFactor)
    this.ackedFrame[row] = a.ackedFrame
    this.bytesInFlight[row] = a.bytesInFlight
    this.pushBytesSent[row] = a.pushBytesSent
    this.sackBase[row] = a.sackBase
    if (a.dupAckNum || a.dupAckFrame) this.duplicateAcks.set(seg.frame, [a.dupAckNum, a.dupAckFrame])
    if (a.rto) this.rtoFrames.set(seg.frame, a.rtoFrame)
    const stream = a.stream
    this.previousInStream[row] = this.lastFrame[stream] ?? 0
    this.firstFrame[stream] ??= seg.frame
    this.lastFrame[stream] = seg.frame
  }

  /**
   * The analysis the tracker gave `frame` (a TCP frame of the index), rebuilt as a new object.
   * `conversation` is the tracker's conversation of its stream.
   */
  analysis(frame: number, index: PacketIndex, conversation: TcpConversation): TcpFrameAnalysis {
    const row = frame - 1
    const bits = this.bits[row]!
    const a = newFrameAnalysis(conversation, bits & BIT.FROM_PEER ? 1 : 0)
    const now = frameTime(index, frame)
    const flags = index.tcpFlags[row]!
    a.relative = (index.kind[row]! & ROW_MARK.RELATIVE) !== 0
    a.seq = index.seq[row]!
    a.ack = index.ack[row]!
    a.window = index.window[row]!
    a.nextSeq = a.relative ? (a.seq + index.payloadLength[row]! + (flags & (TCP_FLAG.SYN | TCP_FLAG.FIN) ? 1 : 0)) >>> 0 : -1
    a.flags = index.verdicts[row]!
    a.completeness = this.completeness[row]!
    a.analysed = this.analysed(frame)
    a.bogusHeader = (bits & BIT.BOGUS) !== 0
    const scale = this.scale[row]!
    a.scaleFactor = scale === NO_SCALE ? undefined : scale < 0 ? scale : 2 ** scale
    a.timeRelative = timeDiff(now, conversation.firstTime)
    const previous = this.previousInStream[row]!
    a.timeDelta = timeDiff(now, previous ? frameTime(index, previous) : now)
    a.ackedFrame = this.ackedFrame[row]!
    if (a.ackedFrame) a.ackRtt = timeDiff(now, frameTime(index, a.ackedFrame))
    if (bits & BIT.INITIAL_RTT) a.initialRtt = conversation.initialRtt
    a.bytesInFlight = this.bytesInFlight[row]!
    a.pushBytesSent = this.pushBytesSent[row]!
    a.sackBase = this.sackBase[row]!
    const dup = this.duplicateAcks.get(frame)
    if (dup) [a.dupAckNum, a.dupAckFrame] = dup
    const rtoFrame = this.rtoFrames.get(frame)
    if (rtoFrame !== undefined) {
      a.rtoFrame = rtoFrame
      a.rto = timeDiff(now, frameTime(index, rtoFrame))
    }
    a.finFirst = this.finFirst(frame)
    a.tfo = this.tfo(frame)
    return a
  }

  /** The frame was sent by endpoint 1 of its conversation (not the sender of its first frame). */
  sentByPeer(frame: number): boolean {
    return (this.bits[frame - 1]! & BIT.FROM_PEER) !== 0
  }

  /** The tracker ran the SEQ/ACK analysis on the frame (its verdicts are shown). */
  analysed(frame: number): boolean {
    return (this.bits[frame - 1]! & BIT.ANALYSED) !== 0
  }

  /** Whether the frame's FIN closed first (true), second (false), or is not known (undefined). */
  finFirst(frame: number): boolean | undefined {
    const bits = this.bits[frame - 1]!
    return bits & BIT.FIN_KNOWN ? (bits & BIT.FIN_FIRST) !== 0 : undefined
  }

  /** What the frame did with TCP Fast Open, as TcpFrameAnalysis.tfo. */
  tfo(frame: number): TcpFrameAnalysis['tfo'] {
    return TFO_CODES[(this.bits[frame - 1]! >> BIT.TFO_SHIFT) & 3]
  }

  /** The number of a duplicate ACK (tcp.analysis.duplicate_ack_num; 0 when it is none). */
  dupAckNum(frame: number): number {
    return this.duplicateAcks.get(frame)?.[0] ?? 0
  }

  /** The frames of a stream, in capture order (up to `lastFrame`, when given). */
  framesOf(stream: number, lastFrame = Infinity): number[] {
    const frames: number[] = []
    let frame = this.lastFrame[stream] ?? 0
    while (frame > lastFrame) frame = this.previousInStream[frame - 1]!
    for (; frame; frame = this.previousInStream[frame - 1]!) frames.push(frame)
    return frames.reverse()
  }

  private room(rows: number): void {
    if (rows <= this.bits.length) return
    this.completeness = withRoom(this.completeness, rows)
    this.bits = withRoom(this.bits, rows)
    this.scale = withRoom(this.scale, rows)
    this.ackedFrame = withRoom(this.ackedFrame, rows)
    this.bytesInFlight = withRoom(this.bytesInFlight, rows)
    this.pushBytesSent = withRoom(this.pushBytesSent, rows)
    this.sackBase = withRoom(this.sackBase, rows)
    this.previousInStream = withRoom(this.previousInStream, rows)
  }
}

/** The time of the latest frame before `frame` that has one (what DecodePass calls previous). */
export function previousFrameTime(index: PacketIndex, frame: number): Timestamp | undefined {
  for (let f = frame - 1; f >= 1; f--) if ((index.kind[f - 1]! & ROW_MARK.NO_TIMESTAMP) === 0) return frameTime(index, f)
  return undefined
}

/** A frame's capture time, as the pass handed it to the tracker (0 when the record has none). */
export function frameTime(index: PacketIndex, frame: number): Timestamp {
  return { sec: index.tsSec[frame - 1]!, nsec: index.tsNsec[frame - 1]! }
}

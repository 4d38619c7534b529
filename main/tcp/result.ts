// What the engine says about one TCP segment: the numbers Wireshark shows for it (tcp.stream,
// relative seq/ack, scaled window, the analysis) and the verdicts, as plain data.
import type { Timestamp } from '../decode/field'
import type { TcpConversation } from './conversation'

export interface TcpFrameAnalysis {
  conversation: TcpConversation
  /** Which endpoint of the conversation sent it (0: the sender of its first captured frame). */
  from: 0 | 1
  stream: number
  /** tcp.completeness as shown on this frame (the value before it). */
  completeness: number
  /** The segment's length was known, so relative numbers and the analysis were computed. */
  relative: boolean
  /** tcp.seq and tcp.ack (relative when `relative`, else raw); tcp.nxtseq (−1: none). */
  seq: number
  ack: number
  nextSeq: number
  /** tcp.window_size: scaled unless a SYN. */
  window: number
  /** tcp.window_size_scalefactor (absent on SYNs): −1 unknown, −2 no scaling, else 2^shift. */
  scaleFactor?: number
  /** Since the conversation's first frame, and since its previous frame. */
  timeRelative: Timestamp
  timeDelta: Timestamp
  /** The header length was under 20: Wireshark stops after the sequence number. */
  bogusHeader: boolean
  /** Wireshark has analysis results for this frame (its SEQ/ACK analysis subtree shows). */
  analysed: boolean
  /** Verdict bits (VERDICT in verdicts.ts). */
  flags: number
  dupAckNum: number
  dupAckFrame: number
  /** The frame this segment acknowledges exactly (0: none), and the time since it. */
  ackedFrame: number
  ackRtt?: Timestamp
  /** The conversation's initial RTT so far. */
  initialRtt?: Timestamp
  bytesInFlight: number
  pushBytesSent: number
  /** For a retransmission: the segment it repeats and the time since (the RTO). */
  rtoFrame: number
  rto?: Timestamp
  /** What SACK edges are relative to (the peer's base). */
  sackBase: number
  /** On a FIN: true when this side closes first, false when it answers the peer's FIN. */
  finFirst?: boolean
  /** TCP Fast Open verdicts on SYN and SYN-ACK. */
  tfo?: 'syn-cookie' | 'ack-data' | 'ignored-data'
}

/** A fresh analysis for a segment of `conversation`, sent by endpoint `from`. */
export function newFrameAnalysis(conversation: TcpConversation, from: 0 | 1): TcpFrameAnalysis {
  // Every field is there from the start, optional ones too, so all analyses share one shape.
  const out: TcpFrameAnalysis = {
    conversation,
    from,
    stream: 0,
    completeness: 0,
    relative: false,
    seq: 0,
    ack: 0,
    nextSeq: -1,
    window: 0,
    scaleFactor: undefined,
    timeRelative: { sec: 0, nsec: 0 },
    timeDelta: { sec: 0, nsec: 0 },
    bogusHeader: false,
    analysed: false,
    flags: 0,
    dupAckNum: 0,
    dupAckFrame: 0,
    ackedFrame: 0,
    ackRtt: undefined,
    initialRtt: undefined,
    bytesInFlight: 0,
    pushBytesSent: 0,
    rtoFrame: 0,
    rto: undefined,
    sackBase: 0,
    finFirst: undefined,
    tfo: undefined,
  }
  return resetFrameAnalysis(out, conversation, from)
}

/**
 * Makes `out` the analysis of a new segment of `conversation`, as newFrameAnalysis() would,
 * keeping its own timeRelative and timeDelta objects (the tracker writes them in place).
 */
export function resetFrameAnalysis(out: TcpFrameAnalysis, conversation: TcpConversation, from: 0 | 1): TcpFrameAnalysis {
  out.conversation = conversation
  out.from = from
  out.stream = conversation.stream
  out.completeness = conversation.completeness
  out.relative = false
  out.seq = 0
  out.ack = 0
  out.nextSeq = -1
  out.window = 0
  out.scaleFactor = undefined
  out.timeRelative.sec = 0
  out.timeRelative.nsec = 0
  out.timeDelta.sec = 0
  out.timeDelta.nsec = 0
  out.bogusHeader = false
  out.analysed = false
  out.flags = 0
  out.dupAckNum = 0
  out.dupAckFrame = 0
  out.ackedFrame = 0
  out.ackRtt = undefined
  out.initialRtt = undefined
  out.bytesInFlight = 0
  out.pushBytesSent = 0
  out.rtoFrame = 0
  out.rto = undefined
  out.sackBase = 0
  out.finFirst = undefined
  out.tfo = undefined
  return out
}

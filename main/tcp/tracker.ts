// The TCP tracker: finds each segment's conversation (numbering them as tcp.stream), notices a
// port reused by a new connection, keeps the relative numbers, window scaling, completeness,
// times and initial RTT, and runs the sequence analysis. One call per TCP segment, in capture
// order, exactly as Wireshark's first (and, for tshark, only) pass does.
import { analyzeSequence } from './analysis'
import { TcpConversation } from './conversation'
import { newFrameAnalysis, type TcpFrameAnalysis } from './result'
import type { TcpSegment } from './segment'
import { VERDICT } from './verdicts'
import { timeDiff } from '../decode/time'
import type { Timestamp } from '../decode/field'

const FIN = 0x001
const SYN = 0x002
const RST = 0x004
const ACK = 0x010

export const COMPLETENESS = { SYN: 1, SYN_ACK: 2, ACK: 4, DATA: 8, FIN: 16, RST: 32 } as const

export class TcpTracker {
  /** The current conversation of each address/port pair (a reused pair points to the newest). */
  private readonly byKey = new Map<string, TcpConversation>()
  /** Every conversation, by stream number. */
  readonly conversations: TcpConversation[] = []

  track(seg: TcpSegment): TcpFrameAnalysis {
    const key = conversationKey(seg)
    let conv = this.byKey.get(key)
    let isNew = false
    if (!conv) {
      conv = this.open(key, seg)
      isNew = true
    }
    let from = conv.sideOf(seg.src, seg.srcPort)
    let fwd = conv.flows[from]
    const synOnly = (seg.flags & (SYN | ACK)) === SYN
    const synAck = (seg.flags & (SYN | ACK)) === (SYN | ACK)
    let reused = false
    if (synOnly && fwd.baseSet && seg.seq !== fwd.baseSeq) {
      // A SYN with another ISN on a known pair: a new connection reusing the ports.
      conv = this.open(key, seg)
      conv.completeness = COMPLETENESS.SYN
      from = 0
      fwd = conv.flows[0]
      reused = true
    } else if (synAck && fwd.baseSet && seg.seq !== fwd.baseSeq) {
      // A SYN-ACK with another ISN: the answer to such a new connection.
      fwd.baseSeq = seg.seq
      reused = true
    }
    const rev = conv.flows[from === 0 ? 1 : 0]
    const out = newFrameAnalysis(conv, from)
    if (reused) {
      out.analysed = true
      out.flags |= VERDICT.REUSED_PORTS
    }
    fwd.sackRanges = 0

    const now: Timestamp = { sec: seg.sec, nsec: seg.nsec }
    out.timeRelative = timeDiff(now, conv.firstTime)
    out.timeDelta = timeDiff(now, conv.prevTime)
    conv.prevTime = now

    out.seq = seg.seq
    out.ack = seg.ack
    out.window = seg.window
    if (seg.length >= 0) {
      analyzeSequence(seg, { fwd, rev, initialRtt: conv.initialRtt, now }, out)
      out.relative = true
      out.seq = (seg.seq - fwd.baseSeq) >>> 0
      if (seg.flags & ACK) out.ack = (seg.ack - rev.baseSeq) >>> 0
      if (!(seg.flags & SYN) && fwd.winScale >= 0) out.window = seg.window * 2 ** fwd.winScale
      out.nextSeq = (out.seq + seg.length + (seg.flags & (SYN | FIN) ? 1 : 0)) >>> 0
    }
    if (!(seg.flags & SYN)) out.scaleFactor = fwd.winScale < 0 ? fwd.winScale : 2 ** fwd.winScale
    if (seg.headerLength < 20) {
      out.bogusHeader = true
      return out
    }

    conv.completeness = nextCompleteness(isNew ? 0 : conv.completeness, isNew, seg)

    if (seg.flags & SYN) {
      if (seg.flags & ACK) {
        if (out.relative && out.ack > 1) out.tfo = 'ack-data'
        else if (conv.tfoSynData) out.tfo = 'ignored-data'
      } else {
        conv.lastSynTime = now
      }
      fwd.isFirstAck = true
    }
    if (seg.flags & FIN) {
      out.finFirst = !rev.closingInitiator
      if (out.finFirst) fwd.closingInitiator = true
    }
    if ((seg.flags & (SYN | ACK)) === ACK) {
      // The initial RTT: from the latest SYN to the first pure ACK (the handshake's third step).
      if (conv.lastSynTime && !conv.initialRtt) {
        const rtt = timeDiff(now, conv.lastSynTime)
        if (rtt.sec || rtt.nsec) conv.initialRtt = rtt
      }
      fwd.isFirstAck = false
    }

    const options = seg.options
    if (options.wsShift >= 0) fwd.winScale = options.wsShift
    out.sackBase = rev.baseSeq
    if (options.sack.length) fwd.storeSack(options.sack.map((edge) => (edge - rev.baseSeq) >>> 0))
    if (options.tfo === 'cookie' && synOnly) {
      out.tfo = 'syn-cookie'
      if (seg.length > 0) conv.tfoSynData = true
    }
    out.initialRtt = conv.initialRtt

    if (seg.flags & SYN) {
      // Scaling is used only when both SYNs carried the option (RFC 7323 §2.2).
      if (fwd.winScale === -1) {
        fwd.winScale = -2
        rev.winScale = -2
      } else if (synAck && rev.winScale === -2) {
        fwd.winScale = -2
      }
    }
    return out
  }

  private open(key: string, seg: TcpSegment): TcpConversation {
    const conv = new TcpConversation(
      this.conversations.length,
      [
        { address: seg.src, port: seg.srcPort },
        { address: seg.dst, port: seg.dstPort },
      ],
      { sec: seg.sec, nsec: seg.nsec },
    )
    this.conversations.push(conv)
    this.byKey.set(key, conv)
    return conv
  }
}

/** The same key for both directions of an address/port pair. */
export function conversationKey(seg: Pick<TcpSegment, 'src' | 'dst' | 'srcPort' | 'dstPort'>): string {
  const forward = seg.src < seg.dst || (seg.src === seg.dst && seg.srcPort <= seg.dstPort)
  return forward ? `${seg.src} ${seg.srcPort} ${seg.dst} ${seg.dstPort}` : `${seg.dst} ${seg.dstPort} ${seg.src} ${seg.srcPort}`
}

/** Completeness after this segment (Wireshark's rules: a new conversation counts only a SYN). */
function nextCompleteness(current: number, isNew: boolean, seg: TcpSegment): number {
  const C = COMPLETENESS
  const flags = seg.flags
  const len = Math.max(seg.length, 0)
  let value = current
  if (isNew) {
    if ((flags & (SYN | ACK)) === SYN) {
      value |= C.SYN
      if (len > 0) value |= C.DATA
    }
    return value
  }
  if ((flags & (SYN | ACK)) === (SYN | ACK)) value |= C.SYN_ACK
  if ((flags & (SYN | ACK)) === ACK) value |= len > 0 ? C.DATA : C.ACK
  if ((flags & (FIN | ACK)) === (FIN | ACK)) value |= C.FIN
  if (flags & RST) value |= C.RST
  return value
}

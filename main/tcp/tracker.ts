// The TCP tracker: finds each segment's conversation (numbering them as tcp.stream), notices a
// port reused by a new connection, keeps the relative numbers, window scaling, completeness,
// times and initial RTT, and runs the sequence analysis. One call per TCP segment, in capture
// order, exactly as Wireshark's first (and, for tshark, only) pass does.
//
// It runs once per segment of every capture, so its hot path makes no strings and, given an
// analysis object to fill, no objects: conversations are found by the address bytes and ports
// in a typed-array hash table, and times are written into objects that already exist.
import { analyzeSequence } from './analysis'
import { TcpConversation } from './conversation'
import { AddressNumbers, KeyTable } from './key-table'
import { newFrameAnalysis, resetFrameAnalysis, type TcpFrameAnalysis } from './result'
import { TCP_FLAG, type TcpSegment } from './segment'
import { VERDICT } from './verdicts'
import { timeDiff, timeDiffInto } from '../decode/time'

// Module constants, so the per-segment path reads no imported object.
const { FIN, SYN, RST, ACK } = TCP_FLAG

export const COMPLETENESS = { SYN: 1, SYN_ACK: 2, ACK: 4, DATA: 8, FIN: 16, RST: 32 } as const

/** IP version tags in the last word of a conversation key (IPv4 and IPv6 keys never meet). */
const KEY_IPV4 = 4
const KEY_IPV6 = 6

export class TcpTracker {
  /**
   * The current stream of each address/port pair (a reused pair points to the newest). The key
   * is the pair in a fixed order: the lower (address, port) endpoint first, its address and the
   * other's, both ports in one word, and the IP version. An IPv4 address is its 32-bit value, an
   * IPv6 address its number in `ipv6Numbers`.
   */
  private readonly byKey = new KeyTable(1024)
  private readonly ipv6Numbers = new AddressNumbers()
  /** Per stream: its first frame's sender is the lower endpoint of the key. */
  private readonly firstSenderIsLow: boolean[] = []
  /** Every conversation, by stream number. */
  readonly conversations: TcpConversation[] = []

  /**
   * Tracks one segment and says what Wireshark makes of it. With `reuse`, that object is filled
   * and returned (nothing is allocated for a plain segment): the caller reads it before the next
   * call. Without, each call returns a new analysis, which may be kept.
   */
  track(seg: TcpSegment, reuse?: TcpFrameAnalysis): TcpFrameAnalysis {
    // The conversation key (see byKey): no string, no object.
    const addresses = seg.addresses
    let a: number
    let b: number
    let version: number
    if (addresses.length === 8) {
      a = u32(addresses, 0)
      b = u32(addresses, 4)
      version = KEY_IPV4
    } else if (addresses.length === 32) {
      a = this.ipv6Numbers.of(addresses, 0)
      b = this.ipv6Numbers.of(addresses, 16)
      version = KEY_IPV6
    } else {
      throw new RangeError(`a TCP segment's addresses are 8 or 32 bytes, not ${addresses.length}`)
    }
    const srcIsLow = a < b || (a === b && seg.srcPort <= seg.dstPort)
    const low = srcIsLow ? a : b
    const high = srcIsLow ? b : a
    const ports = srcIsLow ? (seg.srcPort << 16) | seg.dstPort : (seg.dstPort << 16) | seg.srcPort
    let stream = this.byKey.get(low, high, ports, version)
    let isNew = false
    if (stream < 0) {
      stream = this.open(low, high, ports, version, srcIsLow, seg)
      isNew = true
    }
    let conv = this.conversations[stream]!
    // Endpoint 0 sent the conversation's first frame. (Both endpoints equal: always 0.)
    let from: 0 | 1 = srcIsLow === this.firstSenderIsLow[stream] ? 0 : 1
    let fwd = conv.flows[from]
    const synOnly = (seg.flags & (SYN | ACK)) === SYN
    const synAck = (seg.flags & (SYN | ACK)) === (SYN | ACK)
    let reused = false
    if (synOnly && fwd.baseSet && seg.seq !== fwd.baseSeq) {
      // A SYN with another ISN on a known pair: a new connection reusing the ports.
      conv = this.conversations[this.open(low, high, ports, version, srcIsLow, seg)]!
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
    const out = reuse ? resetFrameAnalysis(reuse, conv, from) : newFrameAnalysis(conv, from)
    if (reused) {
      out.analysed = true
      out.flags |= VERDICT.REUSED_PORTS
    }
    fwd.sackRanges = 0

    // The segment's own sec/nsec make it a timestamp: "now".
    timeDiffInto(out.timeRelative, seg, conv.firstTime)
    timeDiffInto(out.timeDelta, seg, conv.prevTime)
    conv.prevTime.sec = seg.sec
    conv.prevTime.nsec = seg.nsec

    out.seq = seg.seq
    out.ack = seg.ack
    out.window = seg.window
    if (seg.length >= 0) {
      analyzeSequence(seg, fwd, rev, conv.initialRtt, out)
      out.relative = true
      out.seq = (seg.seq - fwd.baseSeq) >>> 0
      if (seg.flags & ACK) out.ack = (seg.ack - rev.baseSeq) >>> 0
      // 2^shift as 1 << shift: the shift is at most 14, and Math.pow is slow on this path.
      if (!(seg.flags & SYN) && fwd.winScale >= 0) out.window = seg.window * (1 << fwd.winScale)
      out.nextSeq = (out.seq + seg.length + (seg.flags & (SYN | FIN) ? 1 : 0)) >>> 0
    }
    if (!(seg.flags & SYN)) out.scaleFactor = fwd.winScale < 0 ? fwd.winScale : 1 << fwd.winScale
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
        conv.lastSynTime = { sec: seg.sec, nsec: seg.nsec }
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
        const rtt = timeDiff(seg, conv.lastSynTime)
        if (rtt.sec || rtt.nsec) conv.initialRtt = rtt
      }
      fwd.isFirstAck = false
    }

    const options = seg.options
    if (options.wsShift >= 0) fwd.winScale = options.wsShift
    out.sackBase = rev.baseSeq
    if (options.sack.length) fwd.storeSack(options.sack, rev.baseSeq)
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

  /** Starts a new conversation for the pair (the newest one of a reused pair); its stream. */
  private open(low: number, high: number, ports: number, version: number, srcIsLow: boolean, seg: TcpSegment): number {
    const stream = this.conversations.length
    const conv = new TcpConversation(
      stream,
      [
        { address: seg.src, port: seg.srcPort },
        { address: seg.dst, port: seg.dstPort },
      ],
      seg,
    )
    this.conversations.push(conv)
    this.firstSenderIsLow.push(srcIsLow)
    this.byKey.set(low, high, ports, version, stream)
    return stream
  }
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0
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

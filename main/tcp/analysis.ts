// Wireshark's sequence analysis (tcp_analyze_sequence_number in packet-tcp.c, version 4.0),
// rewritten: one segment at a time, in capture order, it decides the verdicts (retransmission,
// lost segment, duplicate ACK …), which earlier segment an ACK acknowledges and the bytes in
// flight. Each rule below says what it tests; the order of the rules is Wireshark's and matters.
import type { TcpFlow } from './endpoint'
import { MAX_UNACKED_SEGMENTS } from './endpoint'
import type { TcpFrameAnalysis } from './result'
import { TCP_FLAG, type TcpSegment } from './segment'
import { seqGt, seqLe, seqLt } from './seq'
import { VERDICT as V } from './verdicts'
import type { Timestamp } from '../decode/field'
import { timeDiff } from '../decode/time'

// Module constants, so the per-segment path reads no imported object.
const { FIN, SYN, RST, PSH, ACK } = TCP_FLAG
const SYN_FIN_RST = SYN | FIN | RST

/** A fast retransmission follows the third duplicate ACK within 20 ms. */
const FAST_RETRANSMISSION_WINDOW_NS = 20_000_000
/** Without an initial RTT, a segment older than 3 ms is a retransmission, not out of order. */
const DEFAULT_OUT_OF_ORDER_NS = 3_000_000

/** Gives a verdict: the frame has analysis results, with this bit among its flags. */
function mark(out: TcpFrameAnalysis, bit: number): void {
  out.analysed = true
  out.flags |= bit
}

/**
 * Runs the analysis of one segment whose length is known; fills the verdict part of `out`.
 * `fwd` is the sender's flow, `rev` the peer's; `initialRtt` the conversation's, once known.
 * The segment's capture time (seg.sec, seg.nsec) is "now".
 */
export function analyzeSequence(seg: TcpSegment, fwd: TcpFlow, rev: TcpFlow, initialRtt: Timestamp | undefined, out: TcpFrameAnalysis): void {
  const seq = seg.seq
  const ack = seg.ack
  const flags = seg.flags
  const window = seg.window
  const len = seg.length

  // Relative numbers start at the ISN of a SYN, else one before the first segment's number.
  if (!fwd.baseSet) {
    fwd.baseSeq = flags & SYN ? seq : (seq - 1) >>> 0
    fwd.baseSet = true
  }
  // The reverse direction's base comes from the first ACK (a SYN's ack field may be garbage).
  if (!rev.baseSet && flags & ACK) {
    rev.baseSeq = (ack - 1) >>> 0
    rev.baseSet = true
  }
  if (flags & ACK) rev.validBytesInFlight = true

  forward: {
    // Zero-window probe: one byte at the next expected number while the peer's window is 0.
    if (len === 1 && seq === fwd.nextSeq && rev.window === 0) {
      mark(out, V.ZERO_WINDOW_PROBE)
      break forward
    }
    // Zero window: the sender says it can take nothing (SYN, FIN and RST never count).
    if (window === 0 && !(flags & SYN_FIN_RST)) mark(out, V.ZERO_WINDOW)
    // Lost segment: this one starts beyond the highest next number seen (not checked on RST).
    if (fwd.nextSeq && seqGt(seq, fwd.nextSeq) && !(flags & RST)) {
      mark(out, V.LOST_SEGMENT)
      fwd.validBytesInFlight = false
    }
    // Keep-alive: 0 or 1 byte starting one before the next expected number.
    if ((len === 0 || len === 1) && seq === ((fwd.nextSeq - 1) >>> 0) && !(flags & SYN_FIN_RST)) mark(out, V.KEEP_ALIVE)
    const sameAsLast = len === 0 && seq === fwd.nextSeq && ack === fwd.lastAck && !(flags & SYN_FIN_RST)
    // Window update: no data, same seq and ack as before, a new non-zero window.
    if (sameAsLast && window !== 0 && window !== fwd.window) mark(out, V.WINDOW_UPDATE)
    // Window full: the data reaches exactly the right edge of the peer's advertised window.
    if (len > 0 && rev.winScale !== -1 && !(flags & SYN_FIN_RST)) {
      const shift = rev.isFirstAck || rev.winScale === -2 ? 0 : rev.winScale
      if (((seq + len) >>> 0) === ((rev.lastAck + rev.window * (1 << shift)) >>> 0)) mark(out, V.WINDOW_FULL)
    }
    // Keep-alive ACK: repeats the last ACK right after the peer's keep-alive.
    if (sameAsLast && window !== 0 && window === fwd.window && rev.lastSegmentFlags & V.KEEP_ALIVE) {
      mark(out, V.KEEP_ALIVE_ACK)
      break forward
    }
    // Zero-window-probe ACK: repeats the last ACK and the zero window after the peer's probe.
    if (sameAsLast && window === 0 && fwd.window === 0 && rev.lastSegmentFlags & V.ZERO_WINDOW_PROBE) {
      mark(out, V.ZERO_WINDOW_PROBE_ACK)
      break forward
    }
    // Duplicate ACK: no data, same seq, ack and window as the last segment.
    if (sameAsLast && window !== 0 && window === fwd.window) {
      fwd.dupAckNum = fwd.dupAckNum === -1 ? 1 : fwd.dupAckNum + 1
      mark(out, V.DUPLICATE_ACK)
      out.dupAckNum = fwd.dupAckNum
      out.dupAckFrame = fwd.lastNonDupAck
    }
  }

  // A new acknowledgment number starts a new count of duplicates.
  if (ack !== fwd.lastAck) {
    fwd.lastNonDupAck = seg.frame
    fwd.dupAckNum = 0
  }

  // ACKed unseen segment: the ACK covers data beyond what was seen sent the other way.
  if (rev.maxSeqToBeAcked && seqGt(ack, rev.maxSeqToBeAcked) && flags & ACK) {
    out.analysed = true
    if (seqLt(rev.maxSeqToBeAcked, rev.nextSeq)) {
      // Behind a gap the peer's segments left: the limit moves to what was seen.
      rev.maxSeqToBeAcked = rev.nextSeq
      mark(out, V.ACK_LOST_SEGMENT)
    } else {
      // Said once, until the peer sends a new ACK (−1 marks "already said").
      if (rev.dupAckNum === 0) mark(out, V.ACK_LOST_SEGMENT)
      rev.dupAckNum = -1
    }
  }

  // Retransmission, fast retransmission, spurious retransmission or out of order: a segment
  // that carries something (data, SYN or FIN) but does not advance the sequence number.
  if (len > 0 || flags & (SYN | FIN)) {
    retransmission: {
      if (out.flags & V.KEEP_ALIVE) break retransmission
      let notAdvanced = fwd.nextSeq !== 0 && seqLt(seq, fwd.nextSeq)
      // More than one byte starting one before nextSeq follows a zero-window probe: new data.
      if (len > 1 && ((fwd.nextSeq - 1) >>> 0) === seq) notAdvanced = false
      // Spurious: every byte of it was already acknowledged by the peer.
      if (len > 0 && rev.lastAck && seqLe((seq + len) >>> 0, rev.lastAck)) {
        mark(out, V.SPURIOUS_RETRANSMISSION)
        break retransmission
      }
      // Fast retransmission (checked before out-of-order: tcp.fastrt_supersedes_ooo): at least
      // two duplicate ACKs asked for exactly this number, within 20 ms.
      if (notAdvanced && rev.dupAckNum >= 2 && rev.lastAck === seq && within(seg, rev.lastAckTime, FAST_RETRANSMISSION_WINDOW_NS)) {
        mark(out, V.FAST_RETRANSMISSION)
        break retransmission
      }
      // Out of order: it came soon (within the iRTT, or 3 ms) after the highest segment, and
      // it is not simply that segment again.
      const threshold = initialRtt ? initialRtt.sec * 1e9 + initialRtt.nsec : DEFAULT_OUT_OF_ORDER_NS
      const end = (seq + len + (flags & (SYN | FIN) ? 1 : 0)) >>> 0
      if (notAdvanced && within(seg, fwd.nextSeqTime, threshold) && fwd.nextSeq !== end) {
        mark(out, V.OUT_OF_ORDER)
        break retransmission
      }
      if (notAdvanced) {
        mark(out, V.RETRANSMISSION)
        // The retransmission timeout: from the oldest unacknowledged segment (else the newest).
        const oldest = fwd.unacked[0]
        out.rtoFrame = oldest ? oldest.frame : fwd.nextSeqFrame
        out.rto = timeDiff(seg, oldest ?? fwd.nextSeqTime)
      }
    }
  }

  let nextSeq = (seq + len) >>> 0
  if ((len || flags & (SYN | FIN)) && fwd.unacked.length < MAX_UNACKED_SEGMENTS) {
    if (flags & (SYN | FIN)) nextSeq = (nextSeq + 1) >>> 0
    fwd.unacked.push({ frame: seg.frame, seq, nextSeq, sec: seg.sec, nsec: seg.nsec })
  }
  // The highest next number seen (a zero-window probe does not move it).
  const probe = (out.flags & V.ZERO_WINDOW_PROBE) !== 0
  if ((seqGt(nextSeq, fwd.nextSeq) || !fwd.nextSeq) && !probe) {
    fwd.nextSeq = nextSeq
    fwd.nextSeqFrame = seg.frame
    fwd.nextSeqTime.sec = seg.sec
    fwd.nextSeqTime.nsec = seg.nsec
  }
  // The end of the contiguous data, for ACKed-unseen checks.
  if ((seq === fwd.maxSeqToBeAcked || !fwd.maxSeqToBeAcked) && !probe) fwd.maxSeqToBeAcked = fwd.nextSeq

  fwd.window = window
  fwd.lastAck = ack
  fwd.lastAckTime.sec = seg.sec
  fwd.lastAckTime.nsec = seg.nsec
  fwd.lastSegmentFlags = out.flags

  acknowledge(seg, rev, out)
  bytesInFlight(seg, fwd, rev, out)
}

/** Wireshark measures these gaps unsigned: a segment stamped earlier is never "within". */
function within(now: Timestamp, then: Timestamp, limitNs: number): boolean {
  const gap = (now.sec - then.sec) * 1e9 + (now.nsec - then.nsec)
  return gap >= 0 && gap < limitNs
}

/**
 * Drops the peer's segments this ACK covers. The one it acknowledges exactly gives "This is an
 * ACK to the segment in frame N" and the RTT (Wireshark compares the ack field even without
 * the ACK flag). When several match, the oldest one is named, as in Wireshark (which walks its
 * list newest first, so the oldest match is the last it writes). Survivors keep their order.
 */
function acknowledge(seg: TcpSegment, rev: TcpFlow, out: TcpFrameAnalysis): void {
  const ack = seg.ack
  const list = rev.unacked
  let kept = 0
  let matched = false
  for (let i = 0; i < list.length; i++) {
    const u = list[i]!
    let keep: boolean
    if (ack === u.nextSeq) {
      if (!matched) {
        matched = true
        out.analysed = true
        out.ackedFrame = u.frame
        out.ackRtt = timeDiff(seg, u)
      }
      keep = false
    } else if (seqGt(ack, u.seq) && seqLe(ack, u.nextSeq)) {
      u.seq = ack
      keep = true
    } else {
      keep = seqGt(u.nextSeq, ack)
    }
    if (keep) list[kept++] = u
  }
  // pop() rather than setting length: an ACK drops one or two entries, and pop is much cheaper.
  while (list.length > kept) list.pop()
}

/** Bytes sent but not acknowledged after this segment (Wireshark's payload-based method). */
function bytesInFlight(seg: TcpSegment, fwd: TcpFlow, rev: TcpFlow, out: TcpFrameAnalysis): void {
  const list = fwd.unacked
  if (seg.length === 0 || !list.length || !fwd.validBytesInFlight) return
  const newest = list[list.length - 1]!
  let first = (newest.seq - fwd.baseSeq) >>> 0
  let last = (newest.nextSeq - fwd.baseSeq) >>> 0
  for (let i = 0; i < list.length; i++) {
    const u = list[i]!
    const s = (u.seq - fwd.baseSeq) >>> 0
    const e = (u.nextSeq - fwd.baseSeq) >>> 0
    if (e > last) last = e
    if (s < first) first = s
  }
  const inFlight = (last - first - rev.sackedBytes()) >>> 0
  out.analysed = true
  if (inFlight > 0 && inFlight < 2_000_000_000) out.bytesInFlight = inFlight - (seg.flags & (SYN | FIN) ? 1 : 0)
  const push = (seg.flags & PSH) !== 0
  if (push && !fwd.pushSetLast) {
    fwd.pushBytesSent += seg.length
    fwd.pushSetLast = true
  } else if (push) {
    fwd.pushBytesSent = seg.length
  } else if (fwd.pushSetLast) {
    fwd.pushBytesSent = seg.length
    fwd.pushSetLast = false
  } else {
    fwd.pushBytesSent += seg.length
  }
  out.pushBytesSent = fwd.pushBytesSent
}

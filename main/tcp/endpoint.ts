// One direction of a TCP conversation: what its sender has sent, acknowledged and advertised,
// as far as the capture shows. Wireshark calls this a flow (tcp_flow_t); Zeek an endpoint.
import type { Timestamp } from '../decode/field'

/**
 * A segment sent but not yet acknowledged: for RTT, bytes in flight and "ACKs frame N". Its
 * capture time is `sec` and `nsec` (so it is a Timestamp itself: no second object per segment).
 */
export interface UnackedSegment extends Timestamp {
  frame: number
  seq: number
  nextSeq: number
}

/** Wireshark keeps at most this many unacknowledged segments per direction. */
export const MAX_UNACKED_SEGMENTS = 10000

/** Wireshark stores at most this many SACK blocks of one segment for bytes in flight. */
const SACK_RANGES_KEPT = 3

export class TcpFlow {
  /** The sequence number relative numbers count from (the ISN, or a guess). */
  baseSeq = 0
  baseSet = false
  /** Window-scale shift: −1 unknown, −2 known not to be used. */
  winScale = -1
  /** The last window field sent (unscaled); none yet is 2^32 − 1, as in Wireshark. */
  window = 0xffffffff
  /** Between a SYN and the first pure ACK the window is not scaled yet (RFC 7323 §2.2). */
  isFirstAck = false
  /** Bytes in flight are unknown after a gap, until the peer acknowledges something. */
  validBytesInFlight = true
  pushBytesSent = 0
  pushSetLast = false
  /** This side sent the first FIN of the conversation. */
  closingInitiator = false

  /**
   * The highest "next sequence number" sent (0: nothing yet), with its frame and time. The
   * times are this flow's own objects, updated in place; before anything happened they are
   * Wireshark's zeroed nstime, the epoch.
   */
  nextSeq = 0
  nextSeqFrame = 0
  readonly nextSeqTime: Timestamp = { sec: 0, nsec: 0 }
  /** The end of the contiguous data sent, for "ACKed unseen segment". */
  maxSeqToBeAcked = 0
  /** The last acknowledgment number sent, and when. */
  lastAck = 0
  readonly lastAckTime: Timestamp = { sec: 0, nsec: 0 }
  /** Duplicate ACKs in a row (−1: an ACKed-unseen verdict was given since the last new ACK). */
  dupAckNum = 0
  /** The frame of the ACK the duplicates repeat. */
  lastNonDupAck = 0
  /** The analysis flags of the last segment sent. */
  lastSegmentFlags = 0
  readonly unacked: UnackedSegment[] = []

  /** SACK blocks of the last segment sent, relative to the peer's base. */
  sackRanges = 0
  readonly sackLeft = new Array<number>(SACK_RANGES_KEPT).fill(0)
  readonly sackRight = new Array<number>(SACK_RANGES_KEPT).fill(0)

  /**
   * Keeps a segment's SACK blocks, the first three, as Wireshark does: `edges` are the raw
   * left and right edges, alternating, kept relative to `base` (the peer's base).
   */
  storeSack(edges: readonly number[], base: number): void {
    this.sackRanges = 0
    for (let i = 0; i + 1 < edges.length && this.sackRanges < SACK_RANGES_KEPT; i += 2) {
      this.sackLeft[this.sackRanges] = (edges[i]! - base) >>> 0
      this.sackRight[this.sackRanges] = (edges[i + 1]! - base) >>> 0
      this.sackRanges++
    }
  }

  /** Bytes the last SACK blocks say were delivered (modulo 2^32, as Wireshark sums them). */
  sackedBytes(): number {
    let delivered = 0
    for (let i = 0; i < this.sackRanges; i++) delivered = (delivered + this.sackRight[i]! - this.sackLeft[i]!) >>> 0
    return delivered
  }
}

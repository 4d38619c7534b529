// Which frames' expert items the session can name from its columns alone, marked during its pass.
//
// A full decode files expert items in many places (main/decode/layers). For a TCP segment that
// nothing is odd about, the only ones it can file are those of the TCP engine: the analysis
// verdicts, the SYN / SYN-ACK / FIN / RST / Fast Open items and the nonzero-ack note, which
// main/tcp/expert-items.ts decides for the decoder and for the session alike, from the TCP
// columns and the ACK_NONZERO mark below (tcp-expert-items.ts). A frame is "plain" when the
// header walk's bytes show that no other decoder can file one; Expert Info decodes in full only
// the frames that are not.
//
// The test below follows what each decoder checks before it files an item of its own (a bad
// length or option, a trailer), for the common path (a link header, IPv4 without options or IPv6
// without extension headers, TCP); anything else is left unmarked, which is always safe (the
// frame is then decoded in full). A new check of that kind in a decoder must be made here too:
// test/unit/main/session/expert-scan.test.ts compares the two ways on every fixture, on the
// shared corpus and on damaged frames.
import type { RawFrame } from '../capture/source'
import type { HeaderWalk } from '../decode/headers'
import { ETH_MIN_FRAME_LENGTH, TRAILER_LINK_TYPES } from '../decode/layers/ethertype'
import { IPV4_LAYOUT } from '../decode/layers/ipv4'
import { IPV6_LAYOUT } from '../decode/layers/ipv6'
import { TCP_FLAGS_MASK, TCP_LAYOUT } from '../decode/layers/tcp'
import { ackNonzeroWithoutAck } from '../tcp/expert-items'
import { MAX_WINDOW_SHIFT, type TcpOptionValues } from '../tcp/segment'
import { withRoom } from './columns'

/** A frame's mark: bits, 0 when it is not plain. */
const EXPERT_MARK = {
  /** A plain TCP segment: its items are the TCP engine's, and those below. */
  PLAIN: 0x01,
  /** Its acknowledgment number is not 0 while the ACK flag is not set (expert-items.ts ackNonzeroWithoutAck: a note). */
  ACK_NONZERO: 0x02,
} as const

export class ExpertMarks {
  private marks = new Uint8Array(0)
  private frames = 0

  /**
   * Marks the frame IndexPass.add just walked (frames in order): `walk` and `options` are the
   * pass's walk and options of it.
   */
  record(raw: RawFrame, walk: HeaderWalk, options: TcpOptionValues): void {
    const row = raw.no - 1
    this.marks = withRoom(this.marks, row + 1)
    this.marks[row] = plainTcpMark(raw, walk, options)
    this.frames = raw.no
  }

  /** The frame's expert items are the TCP engine's and those its mark says (no decode needed). */
  isPlain(frame: number): boolean {
    return frame >= 1 && frame <= this.frames && (this.marks[frame - 1]! & EXPERT_MARK.PLAIN) !== 0
  }

  /** A plain frame's acknowledgment number is not 0 while the ACK flag is not set. */
  ackNonzero(frame: number): boolean {
    return (this.marks[frame - 1]! & EXPERT_MARK.ACK_NONZERO) !== 0
  }

  /** The frames of 1 … `upTo` that are not plain (they need a full decode), in order. */
  framesToDecode(upTo: number): Uint32Array {
    let count = 0
    for (let frame = 1; frame <= upTo; frame++) if (!this.isPlain(frame)) count++
    const out = new Uint32Array(count)
    let at = 0
    for (let frame = 1; frame <= upTo; frame++) if (!this.isPlain(frame)) out[at++] = frame
    return out
  }
}

/**
 * The frame's mark (EXPERT_MARK): PLAIN when it is a whole TCP segment in a plain IP datagram,
 * with nothing any decoder files an expert item about but the TCP engine and the items the other
 * bits name; 0 otherwise. Read from the frame's bytes, after the walk.
 */
function plainTcpMark(raw: RawFrame, walk: HeaderWalk, options: TcpOptionValues): number {
  // A segment handed over whole, in the frame's own bytes (no IP fragment, no reassembly).
  if (walk.tcpAt < 0 || walk.tcpBytes !== undefined || walk.fragmented) return 0
  // frame.ts: the reader's notes, and a captured length over the length on the wire.
  if (raw.notes?.length) return 0
  const bytes = raw.bytes
  const wire = raw.origLen
  if (raw.capLen > wire || bytes.length > wire) return 0

  const ipEnd = plainIpEnd(bytes, walk)
  // ipv4.ts / ipv6.ts: a length past the frame is an error.
  if (ipEnd < 0 || ipEnd > wire) return 0

  const at = walk.tcpAt
  const offsetFlags = u16(bytes, at + TCP_LAYOUT.flags)
  const headerLength = (offsetFlags >> 12) * 4
  // tcp.ts: a bogus header length, a short segment, or a header cut short by the capture.
  if (headerLength < TCP_LAYOUT.options || at + headerLength > ipEnd || at + headerLength > bytes.length) return 0
  if (headerLength > TCP_LAYOUT.options && !optionsFileNothing(options, at + headerLength)) return 0
  if (TRAILER_LINK_TYPES.has(raw.linkType) && !trailerFilesNothing(bytes, wire, ipEnd)) return 0
  // The TCP engine's one item the columns do not hold: an acknowledgment number without the ACK flag.
  const ackNonzero = ackNonzeroWithoutAck(offsetFlags & TCP_FLAGS_MASK, u32(bytes, at + TCP_LAYOUT.ack))
  return EXPERT_MARK.PLAIN | (ackNonzero ? EXPERT_MARK.ACK_NONZERO : 0)
}

/**
 * Where the IP datagram ends (its own length), for IPv4 without options and IPv6 with TCP right
 * after the fixed header; −1 for any other shape (left to a full decode).
 */
function plainIpEnd(bytes: Uint8Array, walk: HeaderWalk): number {
  if (walk.addressLength === 4) {
    const ipAt = walk.addressAt - IPV4_LAYOUT.src
    // ipv4-options.ts files items about bad options: only headers without any are plain.
    if ((bytes[ipAt + IPV4_LAYOUT.versionIhl]! & 0x0f) * 4 !== IPV4_LAYOUT.options) return -1
    return ipAt + u16(bytes, ipAt + IPV4_LAYOUT.totalLength)
  }
  if (walk.addressLength === 16) {
    const ipAt = walk.addressAt - IPV6_LAYOUT.src
    if (bytes[ipAt + IPV6_LAYOUT.nextHeader] !== 6) return -1
    const payloadLength = u16(bytes, ipAt + IPV6_LAYOUT.payloadLength)
    // A zero payload length (a jumbogram) does not end the datagram.
    return payloadLength === 0 ? -1 : ipAt + IPV6_LAYOUT.end + payloadLength
  }
  return -1
}

/**
 * tcp-options.ts files a note for an option whose length is missing, too short or runs past the
 * header (where scanTcpOptions stops too, in the same bytes: the pass's scan of this frame ended
 * before `end`), and a warning for each window scale shift over 14.
 */
function optionsFileNothing(options: TcpOptionValues, end: number): boolean {
  return options.scanEnd === end && options.wsShiftSent! <= MAX_WINDOW_SHIFT
}

/**
 * ethertype.ts addTrailer: bytes after the datagram that should have been padding to 60 bytes
 * but are not all zeros (or were not captured) file a warning.
 */
function trailerFilesNothing(bytes: Uint8Array, wire: number, ipEnd: number): boolean {
  const trailer = ipEnd < wire && ipEnd < bytes.length
  if (!trailer || wire < ETH_MIN_FRAME_LENGTH || ipEnd >= ETH_MIN_FRAME_LENGTH) return true
  if (bytes.length < ETH_MIN_FRAME_LENGTH) return false
  for (let i = ipEnd; i < ETH_MIN_FRAME_LENGTH; i++) if (bytes[i] !== 0) return false
  return true
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0
}

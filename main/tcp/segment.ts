// What the TCP engine reads from one frame: the header's numbers, the few options that change
// its state, and where and when the segment was seen. The full decoder (field trees) and the
// fast index pass both fill it in, so both run the very same tracker.

/** The 12 flag bits' values (RFC 9293 §3.1, with AE from RFC 9768's Accurate ECN). */
export const TCP_FLAG = { FIN: 0x001, SYN: 0x002, RST: 0x004, PSH: 0x008, ACK: 0x010, URG: 0x020, ECE: 0x040, CWR: 0x080, AE: 0x100 } as const

/** The largest window-scale shift RFC 7323 §2.3 allows: a larger one is used as 14. */
export const MAX_WINDOW_SHIFT = 14

/** The option values that matter to the tracker (read from captured bytes only). */
export interface TcpOptionValues {
  /** Window-scale shift count (clamped to MAX_WINDOW_SHIFT as RFC 7323 says), or −1 when absent. */
  wsShift: number
  /** Raw SACK edges, left and right alternating. */
  sack: number[]
  /** TCP Fast Open: a cookie request (empty option) or a cookie. */
  tfo?: 'request' | 'cookie'
  /** For teaching only (the tracker ignores them): MSS, SACK permitted, timestamps present. */
  mss?: number
  sackPermitted?: boolean
  timestamps?: boolean
  /**
   * How the scan went, for what the decoder files about the options (main/session/expert-marks.ts):
   * the largest window-scale shift as sent, before the clamp (−1: none), and where the scan
   * stopped: the end of the option bytes, or the start of an option whose length is missing, too
   * short or runs past the header or the captured bytes.
   */
  wsShiftSent?: number
  scanEnd?: number
}

export interface TcpSegment {
  frame: number
  /** Capture time: seconds and nanoseconds (the tracker measures within each conversation). */
  sec: number
  nsec: number
  /**
   * The network addresses as bytes: source then destination, 4 + 4 for IPv4, 16 + 16 for IPv6.
   * The tracker finds the conversation by these. May be a view into the frame's bytes: valid
   * during the call that hands the segment over.
   */
  addresses: Uint8Array
  /** The same addresses as text (what a conversation's endpoints show), and the ports. */
  readonly src: string
  readonly dst: string
  srcPort: number
  dstPort: number
  seq: number
  ack: number
  /** The 12 flag bits. */
  flags: number
  /** The window field as sent (unscaled). */
  window: number
  headerLength: number
  /**
   * Payload bytes on the wire, or −1 when it cannot be known: an IP fragment, or a header that
   * claims more bytes than the packet has. Then only the conversation and times are tracked.
   */
  length: number
  options: TcpOptionValues
}

export function emptyOptions(): TcpOptionValues {
  return { wsShift: -1, sack: [] }
}

/**
 * Reads the tracker's option values from the captured option bytes, without building fields
 * and without ever throwing: an option cut off by the capture or by a bad length ends the scan
 * (`scanEnd` says where).
 */
export function scanTcpOptions(bytes: Uint8Array, at: number, length: number, into: TcpOptionValues = emptyOptions()): TcpOptionValues {
  const end = Math.min(at + length, bytes.length)
  let offset = at
  let shiftSent = -1
  while (offset < end) {
    const kind = bytes[offset]!
    if (kind === 0 || kind === 1) {
      offset++
      continue
    }
    if (offset + 1 >= end) break
    const size = bytes[offset + 1]!
    if (size < 2 || offset + size > at + length || offset + size > end) break
    switch (kind) {
      case 2:
        if (size === 4) into.mss = (bytes[offset + 2]! << 8) | bytes[offset + 3]!
        break
      case 3:
        if (size === 3) {
          const shift = bytes[offset + 2]!
          into.wsShift = Math.min(shift, MAX_WINDOW_SHIFT)
          if (shift > shiftSent) shiftSent = shift
        }
        break
      case 4:
        if (size === 2) into.sackPermitted = true
        break
      case 8:
        if (size === 10) into.timestamps = true
        break
      case 5:
        for (let p = offset + 2; p + 8 <= offset + size; p += 8) into.sack.push(u32(bytes, p), u32(bytes, p + 4))
        break
      case 34:
        into.tfo = size === 2 ? 'request' : 'cookie'
        break
      case 253:
      case 254:
        // RFC 7413 §4.1.1: Fast Open under the shared experimental kind, magic 0xF989.
        if (size >= 4 && bytes[offset + 2] === 0xf9 && bytes[offset + 3] === 0x89) into.tfo = size === 4 ? 'request' : 'cookie'
        break
    }
    offset += size
  }
  into.wsShiftSent = shiftSent
  into.scanEnd = offset
  return into
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0
}

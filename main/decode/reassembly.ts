// IP reassembly, as Wireshark's reassemble.c does it for ip.defragment and ipv6.defragment (on by
// default): the fragments of a datagram are kept by offset until the last one (MF=0 / M=0) has
// come and there is no hole; the frame that completes it gets the whole datagram's payload.
//
// Both the full decoder (layers/ipv4.ts, layers/ipv6.ts) and the fast pass (headers.ts) feed one
// of these tables, each its own, with the same fragments in the same order, so both hand the TCP
// engine the same segments.
//
// As Wireshark: fragments are ordered by offset (an equal offset after the ones already there);
// building the datagram, each fragment adds only the bytes past what the fragments before it
// covered, so overlapping bytes keep the lower offset's (then the earlier frame's) data, and an
// overlap with different bytes is marked as a conflict. The first last fragment fixes the length;
// bytes past it are left out. A completed datagram leaves the table: a fragment with the same key
// after it starts a new datagram.
//
// Unlike Wireshark, memory is bounded: past `maxDatagrams` incomplete datagrams or `maxBytes`
// bytes held, the oldest incomplete datagrams are dropped; a fragment that would put a datagram
// past `maxDatagramSize` is not kept. Nothing here throws.

import { bytesToHex } from './format'

/** One fragment of a completed datagram, for the "[2 IPv4 Fragments …]" tree. */
export interface FragmentRecord {
  frame: number
  /** Byte offset of the fragment's payload in the datagram. */
  offset: number
  length: number
  /** Some of its bytes were already covered by an earlier fragment (ip.fragment.overlap). */
  overlap: boolean
  /** … and they differ (ip.fragment.overlap.conflict). */
  conflict: boolean
}

/** A datagram the last fragment completed. */
export interface Reassembled {
  /** The reassembled payload (what follows the IP header, or the IPv6 fragment header). */
  bytes: Uint8Array
  /** Its fragments in offset order (then frame order). */
  fragments: FragmentRecord[]
  /** Some fragment overlapped another with different bytes. */
  conflict: boolean
}

export interface ReassemblyLimits {
  /** Incomplete datagrams kept at most (the oldest go first). */
  maxDatagrams: number
  /** Fragment bytes kept at most, over all incomplete datagrams. */
  maxBytes: number
  /** The largest datagram payload accepted (IPv4: 8191 × 8 + 65515 < 2^17). */
  maxDatagramSize: number
}

export const DEFAULT_REASSEMBLY_LIMITS: ReassemblyLimits = { maxDatagrams: 4096, maxBytes: 32 * 1024 * 1024, maxDatagramSize: 1 << 17 }

interface Piece {
  frame: number
  offset: number
  data: Uint8Array
}

interface Datagram {
  pieces: Piece[]
  /** Payload length, once the last fragment came (−1 before). */
  total: number
  bytes: number
}

export class IpReassembly {
  private readonly datagrams = new Map<string, Datagram>()
  private held = 0
  /** Incomplete datagrams dropped to keep within the limits. */
  dropped = 0
  readonly limits: ReassemblyLimits

  constructor(limits: Partial<ReassemblyLimits> = {}) {
    this.limits = { ...DEFAULT_REASSEMBLY_LIMITS, ...limits }
  }

  /** Incomplete datagrams held. */
  get pending(): number {
    return this.datagrams.size
  }

  /** Fragment bytes held. */
  get pendingBytes(): number {
    return this.held
  }

  /**
   * Adds one fragment (its payload is copied). Returns the datagram when this fragment completes
   * it, else undefined (still incomplete, or the fragment was refused).
   */
  add(key: string, frame: number, offset: number, data: Uint8Array, more: boolean): Reassembled | undefined {
    const end = offset + data.length
    if (offset < 0 || end > this.limits.maxDatagramSize || data.length > this.limits.maxBytes) return undefined
    let datagram = this.datagrams.get(key)
    if (!datagram) {
      datagram = { pieces: [], total: -1, bytes: 0 }
      this.datagrams.set(key, datagram)
    }
    const pieces = datagram.pieces
    let i = pieces.length
    while (i > 0 && pieces[i - 1]!.offset > offset) i--
    pieces.splice(i, 0, { frame, offset, data: data.slice() })
    datagram.bytes += data.length
    this.held += data.length
    if (!more && datagram.total < 0) datagram.total = end
    if (datagram.total >= 0) {
      const done = complete(datagram)
      if (done) {
        this.remove(key, datagram)
        return done
      }
    }
    this.enforceLimits(key)
    return undefined
  }

  private remove(key: string, datagram: Datagram): void {
    this.datagrams.delete(key)
    this.held -= datagram.bytes
  }

  /** Drops the oldest incomplete datagrams (never `keep`, the one just added to) past the limits. */
  private enforceLimits(keep: string): void {
    for (const [key, datagram] of this.datagrams) {
      if (this.datagrams.size <= this.limits.maxDatagrams && this.held <= this.limits.maxBytes) return
      if (key === keep) continue
      this.remove(key, datagram)
      this.dropped++
    }
    // Only the newest is left and it alone is too big: drop it too.
    if (this.held > this.limits.maxBytes) {
      const datagram = this.datagrams.get(keep)
      if (datagram) {
        this.remove(keep, datagram)
        this.dropped++
      }
    }
  }
}

/** The datagram, if its fragments cover 0 … total with no hole. */
function complete(datagram: Datagram): Reassembled | undefined {
  const total = datagram.total
  let covered = 0
  for (const piece of datagram.pieces) {
    if (piece.offset > covered) break
    covered = Math.max(covered, piece.offset + piece.data.length)
  }
  if (covered < total) return undefined
  const bytes = new Uint8Array(total)
  const fragments: FragmentRecord[] = []
  let conflict = false
  let filled = 0
  for (const piece of datagram.pieces) {
    const { offset, data } = piece
    if (offset >= total && data.length > 0) {
      fragments.push({ frame: piece.frame, offset, length: data.length, overlap: false, conflict: false })
      continue
    }
    const overlapEnd = Math.min(filled, offset + data.length, total)
    let differs = false
    for (let k = offset; k < overlapEnd; k++) {
      if (bytes[k] !== data[k - offset]) {
        differs = true
        break
      }
    }
    const from = Math.max(filled, offset)
    const to = Math.min(offset + data.length, total)
    if (to > from) bytes.set(data.subarray(from - offset, to - offset), from)
    filled = Math.max(filled, to)
    conflict ||= differs
    fragments.push({ frame: piece.frame, offset, length: data.length, overlap: overlapEnd > offset, conflict: differs })
  }
  return { bytes, fragments, conflict }
}

/** IPv4's key: source, destination (8 bytes from `addressAt`), protocol and identification. */
export function ipv4FragmentKey(bytes: Uint8Array, addressAt: number, protocol: number, id: number): string {
  return `4/${bytesToHex(bytes.subarray(addressAt, addressAt + 8))}/${protocol}/${id}`
}

/** IPv6's key: source, destination (32 bytes from `addressAt`) and the fragment identification. */
export function ipv6FragmentKey(bytes: Uint8Array, addressAt: number, ident: number): string {
  return `6/${bytesToHex(bytes.subarray(addressAt, addressAt + 32))}/${ident}`
}

// Field values in the filter's representation (types.ts), made the same way wherever they come
// from: the decoded field tree (decoded-frame-fields.ts) or the session's columns
// (main/session/index-frame-fields.ts).
import { parseIpv4 } from '../capture/address-text'
import type { Timestamp } from '../decode/field'

const NS_PER_SECOND = 1_000_000_000n

/** An IPv4 address as an unsigned 32-bit number (0 for text that is not one). */
export function ipv4Number(text: string): number {
  const bytes = parseIpv4(text)
  return bytes ? ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0 : 0
}

/** A time (or a time difference) in nanoseconds. */
export function timeNanoseconds(time: Timestamp): bigint {
  return BigInt(time.sec) * NS_PER_SECOND + BigInt(time.nsec)
}

// Big-endian reads with no bounds checks, for the fast paths (the header walk, the index pass,
// the TCP engine's keys and options): the caller has checked that the bytes are there. The
// decoder's bounds-checked reads are Dissection's u16/u32.

/** The 16-bit number at `at`. */
export function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!
}

/** The unsigned 32-bit number at `at`. */
export function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0
}

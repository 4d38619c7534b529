// Comparing filter values (types.ts gives each field type its JavaScript representation): numbers
// and bigints (integers, booleans, IPv4 addresses, times) compare as numbers, byte arrays (bytes,
// protocols, MAC and IPv6 addresses, slices) byte by byte, strings by code unit. A network
// (10.0.0.0/8, fe80::/64) is a constant that equals every address inside it.
import type { FieldType } from '../decode/field'
import type { FilterValue } from './types'

/** How values of a type are compared. */
export type ValueClass = 'number' | 'bytes' | 'string' | 'none'

const VALUE_CLASS: Readonly<Record<FieldType, ValueClass>> = {
  protocol: 'bytes',
  none: 'none',
  bool: 'number',
  uint8: 'number',
  uint16: 'number',
  uint24: 'number',
  uint32: 'number',
  uint64: 'number',
  int32: 'number',
  ether: 'bytes',
  ipv4: 'number',
  ipv6: 'bytes',
  bytes: 'bytes',
  string: 'string',
  time: 'number',
  framenum: 'number',
  double: 'number',
}

export function valueClass(type: FieldType): ValueClass {
  return VALUE_CLASS[type]
}

/** Field types whose values can be compared with each other (tshark: "are not of compatible types"). */
const COMPATIBILITY: Readonly<Record<FieldType, string>> = {
  protocol: 'bytes',
  bytes: 'bytes',
  ether: 'bytes',
  none: 'none',
  bool: 'bool',
  uint8: 'integer',
  uint16: 'integer',
  uint24: 'integer',
  uint32: 'integer',
  uint64: 'integer',
  int32: 'integer',
  framenum: 'integer',
  double: 'double',
  ipv4: 'ipv4',
  ipv6: 'ipv6',
  string: 'string',
  time: 'time',
}

export function compatibleTypes(a: FieldType, b: FieldType): boolean {
  return COMPATIBILITY[a] === COMPATIBILITY[b]
}

/** An IPv4 network from a CIDR literal: it equals every address inside it. */
export class Ipv4Network {
  readonly mask: number
  constructor(
    readonly address: number,
    readonly bits: number,
  ) {
    this.mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0
  }

  contains(address: number): boolean {
    return ((address ^ this.address) & this.mask) === 0
  }
}

/** An IPv6 network from a literal with a prefix length. */
export class Ipv6Network {
  constructor(
    readonly address: Uint8Array,
    readonly bits: number,
  ) {}

  contains(address: Uint8Array): boolean {
    let bits = this.bits
    for (let i = 0; bits > 0; i++, bits -= 8) {
      const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff
      if (((address[i] ^ this.address[i]) & mask) !== 0) return false
    }
    return true
  }
}

/** A value a literal stands for: a field's value, or a network. */
export type Constant = FilterValue | Ipv4Network | Ipv6Network

/** Are two values equal? `b` may be a network (then: is `a` inside it?). */
export function valuesEqual(a: FilterValue, b: Constant): boolean {
  if (typeof a === 'number' || typeof a === 'bigint') {
    if (b instanceof Ipv4Network) return typeof a === 'number' && b.contains(a)
    if (typeof a === typeof b) return a === b
    return (typeof b === 'number' || typeof b === 'bigint') && mixedEqual(a, b)
  }
  if (a instanceof Uint8Array) {
    if (b instanceof Ipv6Network) return a.length === 16 && b.contains(a)
    return b instanceof Uint8Array && bytesEqual(a, b)
  }
  return a === b
}

/** A number and a bigint (uint64 and time values against small integers). */
function mixedEqual(a: number | bigint, b: number | bigint): boolean {
  const number = typeof a === 'number' ? a : (b as number)
  const big = typeof a === 'bigint' ? a : (b as bigint)
  return Number.isInteger(number) && BigInt(number) === big
}

/** Orders two values of one class: negative, zero or positive. A network orders by its address. */
export function compareValues(a: FilterValue, b: Constant): number {
  const right = b instanceof Ipv4Network || b instanceof Ipv6Network ? b.address : b
  if (a instanceof Uint8Array) return right instanceof Uint8Array ? compareBytes(a, right) : 0
  if (a === null || right === null || right instanceof Uint8Array) return 0
  return a < right ? -1 : a > right ? 1 : 0
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** memcmp order, then the shorter first. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return a.length - b.length
}

/** Does `haystack` hold `needle` anywhere? */
export function bytesContain(haystack: Uint8Array, needle: Uint8Array): boolean {
  if (needle.length === 0) return true
  const first = needle[0]
  const last = haystack.length - needle.length
  outer: for (let i = haystack.indexOf(first); i >= 0 && i <= last; i = haystack.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

/** Is the value "non-zero" (a bare arithmetic result is true when it is)? */
export function isNonZero(value: FilterValue): boolean {
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'bigint') return value !== 0n
  if (value instanceof Uint8Array) return value.some((byte) => byte !== 0)
  if (typeof value === 'string') return value.length > 0
  return false
}

/** Bytes as text, one character per byte (how `matches` reads bytes). */
export function latin1(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode(...bytes.subarray(i, i + 4096))
  return out
}

/** A string as the bytes a filter compares: UTF-8, but \xHH escapes (0x80–0xff) stay one byte. */
export function stringBytes(text: string): Uint8Array {
  const out: number[] = []
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code <= 0xff) out.push(code)
    else out.push(...new TextEncoder().encode(char))
  }
  return Uint8Array.from(out)
}

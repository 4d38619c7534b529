// Literals: the text of an unparsed word, a quoted string or a character constant, turned into
// a value of the type it is compared with — the rules of tshark 4.0.17:
// - integers: decimal, hex 0x…, binary 0b… (`tcp.seq == 0b1`), octal 0…; the names of a field's
//   values, in any case (`tcp.checksum.status == unverified`, also quoted); too big a number is an
//   error ("70000" too big for this field, maximum 65535.); a quoted number is not a number;
// - booleans: any integer (non-zero is true: `tcp.flags.syn == 2` selects SYNs), True/TRUE and
//   False/FALSE unquoted ("true" is an error in 4.0), and the field's own texts in any case,
//   quoted or not (`tcp.flags.syn == Set`, `ip.flags.df == "not set"`);
// - IPv4 and IPv6 addresses, with a CIDR prefix; host names are never resolved (tshark -n);
// - MAC addresses: aa:bb:cc:dd:ee:ff, aa-bb-…, aabb.ccdd.eeff, aabbccddeeff;
// - byte strings: aa:bb:cc (also - or . between bytes), aabbcc, one byte as 1 or 2 hex digits
//   (`tcp[13] == 12` is 0x12) or 0xHH; a quoted string stands for its bytes;
// - times: seconds with up to 9 decimals, negative allowed (`frame.time_relative > 0.5`).
import type { FieldDef, FieldType } from '../decode/field'
import { parseIpv4, parseIpv6 } from '../capture/address-text'
import { fieldTypeDescription } from './field-types'
import { fail, MESSAGES } from './messages'
import type { FilterSpan, FilterValue } from './types'
import { Ipv4Network, Ipv6Network, stringBytes, type Constant } from './values'

/** What a literal is converted for: the type on the other side, and the field when it is one. */
export interface LiteralTarget {
  type: FieldType
  /** The field compared with, for its value names and boolean texts. */
  def?: FieldDef
  /** Whether the target is a field's own value, so its type's range applies. */
  ranged: boolean
}

/** A literal as written: an unparsed word, a quoted string, or a character constant. */
export interface Literal {
  form: 'word' | 'string' | 'char'
  /** The word, the string's value, or the character's code. */
  value: string | number
  span: FilterSpan
}

const UNSIGNED_MAX: Partial<Record<FieldType, bigint>> = {
  uint8: 0xffn,
  uint16: 0xffffn,
  uint24: 0xffffffn,
  uint32: 0xffffffffn,
  framenum: 0xffffffffn,
  uint64: 0xffffffffffffffffn,
}
const INT32_MIN = -0x80000000n
const INT32_MAX = 0x7fffffffn

/** The value of `literal` as a `target.type`; fails with a message. */
export function literalValue(literal: Literal, target: LiteralTarget): Constant {
  switch (target.type) {
    case 'uint8':
    case 'uint16':
    case 'uint24':
    case 'uint32':
    case 'uint64':
    case 'int32':
    case 'framenum':
      return integerLiteral(literal, target)
    case 'bool':
      return booleanLiteral(literal, target)
    case 'double':
      return doubleLiteral(literal)
    case 'time':
      return timeLiteral(literal)
    case 'ipv4':
      return ipv4Literal(literal)
    case 'ipv6':
      return ipv6Literal(literal)
    case 'ether':
      return etherLiteral(literal)
    case 'bytes':
    case 'protocol':
      return bytesLiteral(literal)
    case 'string':
      return literal.form === 'char' ? String.fromCharCode(literal.value as number) : String(literal.value)
    case 'none':
      return null
  }
}

/** A word's integer value (0x…, 0b…, 0…, decimal), or undefined when it is not one. */
export function parseInteger(text: string): bigint | undefined {
  if (/^0[xX][0-9A-Fa-f]+$/.test(text) || /^0[bB][01]+$/.test(text)) return BigInt(text)
  if (/^0[0-7]+$/.test(text)) return BigInt('0o' + text.slice(1))
  // 080 is neither octal nor decimal (tshark: "080" is not a valid number.)
  if (/^(0|[1-9]\d*)$/.test(text)) return BigInt(text)
  return undefined
}

function integerLiteral(literal: Literal, target: LiteralTarget): FilterValue {
  const text = String(literal.value)
  let value = literal.form === 'char' ? BigInt(literal.value) : literal.form === 'word' ? parseInteger(text) : undefined
  if (value === undefined) {
    const named = valueByName(target.def, text)
    if (named !== undefined) value = BigInt(named)
    else if (target.def?.values) fail(MESSAGES.notAValue(text, target.def.name), literal.span)
    else if (literal.form === 'string') fail(MESSAGES.fromString(fieldTypeDescription(target.type), text), literal.span)
    else fail(MESSAGES.badNumber(text), literal.span)
  }
  const max = UNSIGNED_MAX[target.type]
  if (target.ranged) {
    if (target.type === 'int32' && value > INT32_MAX) fail(MESSAGES.tooBig(text, String(INT32_MAX)), literal.span)
    if (target.type === 'int32' && value < INT32_MIN) fail(MESSAGES.tooSmall(text, String(INT32_MIN)), literal.span)
    if (max !== undefined && value > max) fail(MESSAGES.tooBig(text, String(max)), literal.span)
  }
  return target.type === 'uint64' ? value : Number(value)
}

/** The number a field's value names ("Unverified" → 2), matched in any case. */
function valueByName(def: FieldDef | undefined, text: string): number | undefined {
  if (!def?.values) return undefined
  const wanted = text.toLowerCase()
  for (const [number, name] of Object.entries(def.values)) {
    if (name.toLowerCase() === wanted) return Number(number)
  }
  return undefined
}

const TRUE_WORDS: ReadonlySet<string> = new Set(['True', 'TRUE'])
const FALSE_WORDS: ReadonlySet<string> = new Set(['False', 'FALSE'])

function booleanLiteral(literal: Literal, target: LiteralTarget): number {
  if (literal.form === 'char') return literal.value === 0 ? 0 : 1
  const text = String(literal.value)
  if (literal.form === 'word') {
    const number = parseInteger(text)
    if (number !== undefined) return number === 0n ? 0 : 1
    if (TRUE_WORDS.has(text)) return 1
    if (FALSE_WORDS.has(text)) return 0
  }
  const [yes, no] = target.def?.tfs ?? ['True', 'False']
  if (text.toLowerCase() === yes.toLowerCase()) return 1
  if (text.toLowerCase() === no.toLowerCase()) return 0
  return fail(MESSAGES.notAValue(text, target.def?.name ?? 'this field'), literal.span)
}

function doubleLiteral(literal: Literal): number {
  const text = String(literal.value)
  if (literal.form === 'char') return literal.value as number
  if (literal.form === 'string') fail(MESSAGES.fromString(fieldTypeDescription('double'), text), literal.span)
  if (!/^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) && parseInteger(text) === undefined) fail(MESSAGES.badDouble(text), literal.span)
  return parseInteger(text) !== undefined ? Number(parseInteger(text)) : Number(text)
}

const NS_PER_SECOND = 1_000_000_000n

function timeLiteral(literal: Literal): bigint {
  const text = String(literal.value)
  if (literal.form === 'string') fail(MESSAGES.fromString(fieldTypeDescription('time'), text), literal.span)
  const match = literal.form === 'word' ? /^(\d+)(?:\.(\d{1,9}))?$/.exec(text) : null
  if (!match) return fail(MESSAGES.badTime(text), literal.span)
  return BigInt(match[1]) * NS_PER_SECOND + BigInt((match[2] ?? '').padEnd(9, '0'))
}

function ipv4Literal(literal: Literal): Constant {
  const text = String(literal.value)
  if (literal.form === 'string') fail(MESSAGES.fromString(fieldTypeDescription('ipv4'), text), literal.span)
  const [address, bits, ...rest] = text.split('/')
  // 172.016.016.128 is not an address in 4.0: no leading zeros.
  const plain = /^(?:(?:0|[1-9]\d{0,2})\.){3}(?:0|[1-9]\d{0,2})$/.test(address)
  const bytes = literal.form === 'word' && rest.length === 0 && plain ? parseIpv4(address) : undefined
  if (!bytes) return fail(MESSAGES.badIpv4(literal.form === 'word' ? address : text), literal.span)
  const value = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0
  if (bits === undefined) return value
  if (!/^\d+$/.test(bits) || Number(bits) > 32) return fail(MESSAGES.badNetmask(bits), literal.span)
  return new Ipv4Network(value, Number(bits))
}

function ipv6Literal(literal: Literal): Constant {
  const text = String(literal.value)
  if (literal.form === 'string') fail(MESSAGES.fromString(fieldTypeDescription('ipv6'), text), literal.span)
  const [address, bits, ...rest] = text.split('/')
  const bytes = literal.form === 'word' && rest.length === 0 ? parseIpv6(address) : undefined
  if (!bytes) return fail(MESSAGES.badIpv6(text), literal.span)
  if (bits === undefined) return bytes
  if (!/^\d+$/.test(bits) || Number(bits) > 128) return fail(MESSAGES.badPrefix(bits), literal.span)
  return new Ipv6Network(bytes, Number(bits))
}

function etherLiteral(literal: Literal): Uint8Array {
  const text = String(literal.value)
  if (literal.form === 'string') fail(MESSAGES.fromString(fieldTypeDescription('ether'), text), literal.span)
  const bytes = literal.form === 'word' ? parseByteString(text, true) : undefined
  if (!bytes) return fail(MESSAGES.badEther(text), literal.span)
  if (bytes.length < 6) return fail(MESSAGES.shortEther(text), literal.span)
  if (bytes.length > 6) return fail(MESSAGES.badEther(text), literal.span)
  return bytes
}

function bytesLiteral(literal: Literal): Uint8Array {
  if (literal.form === 'string') return stringBytes(literal.value as string)
  if (literal.form === 'char') return Uint8Array.of((literal.value as number) & 0xff)
  const text = literal.value as string
  const single = /^(?:0[xX])?([0-9A-Fa-f]{2})$|^([0-9A-Fa-f])$/.exec(text)
  if (single) return Uint8Array.of(parseInt(single[1] ?? single[2], 16))
  return parseByteString(text, false) ?? fail(MESSAGES.badBytes(text), literal.span)
}

/**
 * aa:bb:cc, aa-bb-cc, aa.bb.cc, aabbcc (an even number of digits); for MAC addresses also
 * aabb.ccdd.eeff and one-digit bytes (1.2.3.4 is four bytes, too few for a MAC address).
 */
export function parseByteString(text: string, mac: boolean): Uint8Array | undefined {
  if (/^([0-9A-Fa-f]{2})+$/.test(text)) return hexBytes(text)
  if (mac && /^[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}$/.test(text)) return hexBytes(text.replace(/\./g, ''))
  const separator = /[:.-]/.exec(text)?.[0]
  if (!separator) return undefined
  const digits = mac ? /^[0-9A-Fa-f]{1,2}$/ : /^[0-9A-Fa-f]{2}$/
  const parts = text.split(separator)
  if (!parts.every((part) => digits.test(part))) return undefined
  return Uint8Array.from(parts.map((part) => parseInt(part, 16)))
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}

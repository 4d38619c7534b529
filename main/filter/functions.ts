// The functions of Wireshark 4.0's filter language (tshark 4.0.17 knows len, count, string,
// upper, lower, max, min and abs): `len(tcp.payload) > 100`, `count(tcp.options.mss) == 1`,
// `string(tcp.port) == "80"`, `max(tcp.srcport, tcp.dstport) == 443`.
import type { FieldType } from '../decode/field'
import { formatTime, bytesToHex } from '../decode/format'
import { ipv6Text, macText } from '../decode/addresses'
import { ipv4Text } from '../capture/address-text'
import { mapValues, type ReadValues } from './evaluator'
import { fail, MESSAGES } from './messages'
import { targetOf, type Operand, type Pending, type Resolved } from './operand'
import type { FilterSpan, FilterValue } from './types'
import { compareValues, stringBytes, valueClass } from './values'
import { itemBytes } from './protocol-value'

interface FunctionSpec {
  min: number
  max: number
  check(name: string, args: Resolved[]): { type: FieldType; read: ReadValues }
}

const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  len: { min: 1, max: 1, check: (name, [arg]) => ({ type: 'uint32', read: lengths(fieldArgument(name, arg)) }) },
  count: { min: 1, max: 1, check: (name, [arg]) => ({ type: 'uint32', read: occurrences(plainFieldArgument(name, arg)) }) },
  string: { min: 1, max: 1, check: (name, [arg]) => ({ type: 'string', read: strings(fieldArgument(name, arg)) }) },
  upper: { min: 1, max: 1, check: (name, [arg]) => ({ type: 'string', read: changeCase(stringArgument(name, arg), true) }) },
  lower: { min: 1, max: 1, check: (name, [arg]) => ({ type: 'string', read: changeCase(stringArgument(name, arg), false) }) },
  max: { min: 1, max: Infinity, check: (name, args) => extreme(name, args, 1) },
  min: { min: 1, max: Infinity, check: (name, args) => extreme(name, args, -1) },
  abs: { min: 1, max: 1, check: (name, [arg]) => absolute(numberArgument(name, arg)) },
}

/** Checks a call and returns what it reads; fails on an unknown function or wrong arguments. */
export function checkCall(name: string, nameSpan: FilterSpan, span: FilterSpan, args: Resolved[]): Operand {
  const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined
  if (!spec) return fail(MESSAGES.unknownFunction(name), nameSpan)
  if (args.length < spec.min || args.length > spec.max) fail(MESSAGES.functionArity(name, spec.min, spec.max), nameSpan)
  const { type, read } = spec.check(name, args)
  return { kind: 'operand', type, name: `${name}()`, span, read, form: 'call' }
}

function fieldArgument(name: string, arg: Resolved): Operand {
  if (arg.kind !== 'operand' || (arg.form !== 'field' && arg.form !== 'slice')) return fail(MESSAGES.functionNeedsField(name), arg.span)
  return arg
}

function plainFieldArgument(name: string, arg: Resolved): Operand {
  if (arg.kind !== 'operand' || arg.form !== 'field') return fail(MESSAGES.functionNeedsField(name), arg.span)
  return arg
}

function stringArgument(name: string, arg: Resolved): Operand {
  const operand = fieldArgument(name, arg)
  if (operand.type !== 'string') fail(MESSAGES.functionNeedsString(name), arg.span)
  return operand
}

function numberArgument(name: string, arg: Resolved): Operand {
  if (arg.kind !== 'operand') return fail(MESSAGES.functionNeedsField(name), arg.span)
  if (valueClass(arg.type) !== 'number' || arg.type === 'ipv4') fail(MESSAGES.functionNeedsNumber(name), arg.span)
  return arg
}

/** The size in bytes of a value of each fixed-size type (4.0: `len(tcp.port) == 2`; a boolean has none). */
const FIXED_SIZES: Partial<Record<FieldType, number>> = {
  uint8: 1,
  uint16: 2,
  uint24: 3,
  uint32: 4,
  int32: 4,
  framenum: 4,
  ipv4: 4,
  uint64: 8,
  double: 8,
  time: 8,
}

function lengths(arg: Operand): ReadValues {
  const fixed = FIXED_SIZES[arg.type]
  return mapValues(arg.read, (value) => {
    if (value instanceof Uint8Array) return itemBytes(value).length
    if (typeof value === 'string') return stringBytes(value).length
    return fixed ?? 0
  })
}

function occurrences(arg: Operand): ReadValues {
  return (frame) => {
    const count = arg.read(frame).length
    return count > 0 ? [count] : []
  }
}

function strings(arg: Operand): ReadValues {
  const type = arg.type
  if (type === 'time' || type === 'none' || type === 'protocol') fail(MESSAGES.noStringForm(arg.name), arg.span)
  return mapValues(arg.read, (value) => valueText(type, value))
}

/** A value as string() writes it: numbers in decimal, addresses as Wireshark writes them. */
function valueText(type: FieldType, value: FilterValue): string {
  if (value instanceof Uint8Array) {
    if (type === 'ether') return macText(value, 0)
    if (type === 'ipv6') return ipv6Text(value)
    return bytesToHex(value).replace(/(..)(?!$)/g, '$1:')
  }
  if (type === 'ipv4' && typeof value === 'number') return ipv4Text(Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff))
  if (typeof value === 'bigint' && type === 'time') return formatTime({ sec: Number(value / 1_000_000_000n), nsec: Number(value % 1_000_000_000n) })
  return String(value)
}

function changeCase(arg: Operand, upper: boolean): ReadValues {
  return mapValues(arg.read, (value) => (typeof value === 'string' ? (upper ? value.toUpperCase() : value.toLowerCase()) : undefined))
}

function absolute(arg: Operand): { type: FieldType; read: ReadValues } {
  return {
    type: arg.type,
    read: mapValues(arg.read, (value) => (typeof value === 'number' ? Math.abs(value) : typeof value === 'bigint' && value < 0n ? -value : value)),
  }
}

/** max() and min(): the largest (or smallest) value of all the arguments' occurrences. */
function extreme(name: string, args: Resolved[], sign: 1 | -1): { type: FieldType; read: ReadValues } {
  const first = args[0]
  if (first.kind !== 'operand') return fail(MESSAGES.functionNeedsField(name), first.span)
  numberArgument(name, first)
  const readers = args.map((arg) => {
    if (arg.kind === 'pending') return constantReader(arg, first)
    if (valueClass(arg.type) !== valueClass(first.type)) fail(MESSAGES.functionMixedTypes(name), arg.span)
    return arg.read
  })
  const read: ReadValues = (frame) => {
    let best: FilterValue | undefined
    for (const reader of readers) {
      for (const value of reader(frame)) if (best === undefined || compareValues(value, best) * sign > 0) best = value
    }
    return best === undefined ? [] : [best]
  }
  return { type: first.type, read }
}

function constantReader(arg: Pending, like: Operand): ReadValues {
  const value = arg.convert({ ...targetOf(like), ranged: false })
  if (typeof value === 'object' && value !== null && !(value instanceof Uint8Array)) fail(MESSAGES.badNumber(arg.text), arg.span)
  const values = [value as FilterValue]
  return () => values
}

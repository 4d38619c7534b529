// The checked filter as closures over FrameFields: nothing is looked up by name per frame (every
// field was resolved when the filter was compiled), and a comparison with a constant allocates
// nothing. Semantics of Wireshark 4.0 (tshark 4.0.17):
// - "==" (eq, any_eq) holds when ANY occurrence equals; "!=" (ne, all_ne) when ALL occurrences
//   differ and there is at least one (`tcp.port != 80` selects nothing where every TCP frame has
//   port 80; `udp.port != 80` selects nothing without UDP); "~=" and "!==" (any_ne) when any
//   occurrence differs; "===" (all_eq) when all are equal; the orderings when any occurrence fits;
// - a comparison with a field the frame does not have is false;
// - `in {…}` holds when any occurrence equals a member or lies in a range lo..hi.
import type { FilterValue, FrameFields } from './types'
import { bytesContain, compareValues, isNonZero, latin1, valuesEqual, type Constant } from './values'
import type { CompareOp } from './lexer'

export type ReadValues = (frame: FrameFields) => readonly FilterValue[]
export type Test = (frame: FrameFields) => boolean

/** One side of a comparison: a constant (known when compiling) or values read from the frame. */
export type Side = { constant: readonly Constant[] } | { read: ReadValues }

type Predicate = (a: FilterValue, b: Constant) => boolean

const PREDICATES: Readonly<Record<CompareOp, { all: boolean; test: Predicate }>> = {
  any_eq: { all: false, test: valuesEqual },
  all_ne: { all: true, test: (a, b) => !valuesEqual(a, b) },
  all_eq: { all: true, test: valuesEqual },
  any_ne: { all: false, test: (a, b) => !valuesEqual(a, b) },
  gt: { all: false, test: (a, b) => compareValues(a, b) > 0 },
  ge: { all: false, test: (a, b) => compareValues(a, b) >= 0 },
  lt: { all: false, test: (a, b) => compareValues(a, b) < 0 },
  le: { all: false, test: (a, b) => compareValues(a, b) <= 0 },
}

export function compareTest(op: CompareOp, left: ReadValues, right: Side): Test {
  const { all, test } = PREDICATES[op]
  if ('constant' in right && right.constant.length === 1) {
    const constant = right.constant[0]
    return all ? (frame) => allOf(left(frame), constant, test) : (frame) => anyOf(left(frame), constant, test)
  }
  const rightValues = sideReader(right)
  return (frame) => {
    const lefts = left(frame).slice()
    const rights = rightValues(frame)
    if (all && (lefts.length === 0 || rights.length === 0)) return false
    for (const b of rights) {
      if (all ? !allOf(lefts, b, test) : anyOf(lefts, b, test)) return !all
    }
    return all
  }
}

function anyOf(values: readonly FilterValue[], constant: Constant, test: Predicate): boolean {
  for (let i = 0; i < values.length; i++) if (test(values[i], constant)) return true
  return false
}

function allOf(values: readonly FilterValue[], constant: Constant, test: Predicate): boolean {
  if (values.length === 0) return false
  for (let i = 0; i < values.length; i++) if (!test(values[i], constant)) return false
  return true
}

function sideReader(side: Side): (frame: FrameFields) => readonly Constant[] {
  if ('read' in side) return side.read
  const constant = side.constant
  return () => constant
}

/** A member of a set, ready to test. */
export type SetMember = { kind: 'value'; side: Side } | { kind: 'range'; low: Side; high: Side }

export function membershipTest(left: ReadValues, members: readonly SetMember[]): Test {
  const constantOnly = members.every((m) => (m.kind === 'value' ? 'constant' in m.side : 'constant' in m.low && 'constant' in m.high))
  if (constantOnly) {
    const tests = members.map(constantMemberTest)
    return (frame) => {
      const values = left(frame)
      for (let i = 0; i < values.length; i++) {
        for (let j = 0; j < tests.length; j++) if (tests[j](values[i])) return true
      }
      return false
    }
  }
  return (frame) => {
    const values = left(frame).slice()
    return members.some((member) => values.some((value) => memberHolds(member, value, frame)))
  }
}

function constantMemberTest(member: SetMember): (value: FilterValue) => boolean {
  const first = (side: Side) => ('constant' in side ? side.constant[0] : null)
  if (member.kind === 'value') {
    const constant = first(member.side)
    return (value) => valuesEqual(value, constant)
  }
  const low = first(member.low)
  const high = first(member.high)
  return (value) => compareValues(value, low) >= 0 && compareValues(value, high) <= 0
}

function memberHolds(member: SetMember, value: FilterValue, frame: FrameFields): boolean {
  if (member.kind === 'value') return sideReader(member.side)(frame).some((b) => valuesEqual(value, b))
  const lows = sideReader(member.low)(frame).slice()
  const highs = sideReader(member.high)(frame)
  return lows.some((low) => compareValues(value, low) >= 0 && highs.some((high) => compareValues(value, high) <= 0))
}

/** `contains`: a byte sequence inside bytes, or a string inside a string. */
export function containsTest(left: ReadValues, right: Side): Test {
  const rightValues = sideReader(right)
  return (frame) => {
    const haystacks = left(frame).slice()
    const needles = rightValues(frame)
    for (const haystack of haystacks) {
      for (const needle of needles) {
        if (haystack instanceof Uint8Array && needle instanceof Uint8Array ? bytesContain(haystack, needle) : typeof haystack === 'string' && typeof needle === 'string' && haystack.includes(needle)) return true
      }
    }
    return false
  }
}

/** `matches`: a regular expression over strings, or over bytes read one character per byte. */
export function matchesTest(left: ReadValues, regex: RegExp): Test {
  return (frame) => {
    for (const value of left(frame)) {
      if (typeof value === 'string' ? regex.test(value) : value instanceof Uint8Array && regex.test(latin1(value))) return true
    }
    return false
  }
}

/** A bare field or slice: is it there? */
export function presenceTest(read: ReadValues): Test {
  return (frame) => read(frame).length > 0
}

/** A bare arithmetic result: is some result non-zero? (`tcp.flags & 0x02` selects SYNs.) */
export function nonZeroTest(read: ReadValues): Test {
  return (frame) => read(frame).some(isNonZero)
}

export function andTest(left: Test, right: Test): Test {
  return (frame) => left(frame) && right(frame)
}

export function orTest(left: Test, right: Test): Test {
  return (frame) => left(frame) || right(frame)
}

export function notTest(operand: Test): Test {
  return (frame) => !operand(frame)
}

/** Applies `map` to every value; values it maps to undefined are dropped. */
export function mapValues(read: ReadValues, map: (value: FilterValue) => FilterValue | undefined): ReadValues {
  return (frame) => {
    const out: FilterValue[] = []
    for (const value of read(frame)) {
      const mapped = map(value)
      if (mapped !== undefined) out.push(mapped)
    }
    return out
  }
}

/** Combines every value on the left with every value on the right. */
export function combineValues(left: Side, right: Side, combine: (a: FilterValue, b: FilterValue) => FilterValue | undefined): ReadValues {
  const leftValues = sideReader(left)
  const rightValues = sideReader(right)
  return (frame) => {
    const lefts = leftValues(frame).slice()
    const rights = rightValues(frame)
    const out: FilterValue[] = []
    for (const a of lefts) {
      for (const b of rights) {
        const value = combine(a as FilterValue, b as FilterValue)
        if (value !== undefined) out.push(value)
      }
    }
    return out
  }
}

// Semantic analysis: every name resolved against the field registry, every literal converted to
// the type of what it is compared with, every operator checked against its operands' types — and
// the result built as closures (evaluator.ts). The rules of Wireshark 4.0 (tshark 4.0.17):
// - a word that is a known field name is a field, anything else is a literal
//   (`ip.proto == tcp` compares with the protocol tcp: "not of compatible types");
// - the left side of a comparison must be a field or a function ("Left side of "==" expression
//   must be a field or function, not 80."); constants on the right may be arithmetic (79+1);
// - a bare field or protocol tests presence; a bare arithmetic result tests for non-zero; a bare
//   function is an error ("You cannot test whether a function is present.");
// - fields of type Label (tcp.analysis.retransmission) can only be tested for presence;
// - `in` wants a field on its left; `matches` a quoted string on its right;
// - field#N reads the field in the Nth layer of its protocol (ip.src#1: the outer IP header).
import '../decode/frame' // every decoder registers its fields on load
import { fieldDef } from '../decode/field'
import type { FieldType } from '../decode/field'
import { applyArithmetic, negateValue } from './arithmetic'
import type { ArithmeticOp, LayerRange, SetElement, TestNode, ValueNode } from './ast'
import {
  andTest,
  combineValues,
  compareTest,
  containsTest,
  mapValues,
  matchesTest,
  membershipTest,
  nonZeroTest,
  notTest,
  orTest,
  presenceTest,
  type ReadValues,
  type SetMember,
  type Side,
  type Test,
} from './evaluator'
import { fieldTypeDescription } from './field-types'
import { checkCall } from './functions'
import { literalValue, type Literal } from './literals'
import { fail, MESSAGES } from './messages'
import { targetOf, type CheckedField, type Operand, type Pending, type Resolved } from './operand'
import { compileRegex } from './regex'
import { sliceBytes } from './slice'
import { itemBytes } from './protocol-value'
import type { FilterSpan, FilterValue } from './types'
import { compatibleTypes, stringBytes, valueClass, type Constant } from './values'

/** Registered for the detail tree only: tshark says "_ws.text is neither a field nor a protocol name". */
const NOT_FILTER_NAMES: ReadonlySet<string> = new Set(['_ws.text'])

/** Fields that occur twice in each layer (source and destination): field#N counts layers, not occurrences. */
const TWO_PER_LAYER: ReadonlySet<string> = new Set(['ip.addr', 'ip.host', 'ipv6.addr', 'ipv6.host', 'eth.addr', 'tcp.port', 'udp.port'])

const NUMERIC_ARITHMETIC: ReadonlySet<FieldType> = new Set(['uint8', 'uint16', 'uint24', 'uint32', 'uint64', 'int32', 'framenum', 'double', 'time'])
/** Booleans take no arithmetic in 4.0 (tshark: FT_BOOLEAN cannot &.). */
const BITWISE: ReadonlySet<FieldType> = new Set(['uint8', 'uint16', 'uint24', 'uint32', 'uint64', 'int32', 'framenum', 'bytes', 'protocol', 'ether'])
const SLICEABLE: ReadonlySet<FieldType> = new Set(['bytes', 'protocol', 'string', 'ether', 'ipv4', 'ipv6'])
const UNSIGNED: ReadonlySet<FieldType> = new Set(['uint8', 'uint16', 'uint24', 'uint32', 'framenum'])

export interface CheckedFilter {
  test: Test
  fields: CheckedField[]
}

export function checkFilter(root: TestNode, text: string): CheckedFilter {
  const checker = new Checker(text)
  return { test: checker.test(root), fields: [...checker.fields.values()] }
}

class Checker {
  readonly fields = new Map<string, CheckedField>()

  constructor(private readonly text: string) {}

  test(node: TestNode): Test {
    switch (node.kind) {
      case 'or':
        return orTest(this.test(node.left), this.test(node.right))
      case 'and':
        return andTest(this.test(node.left), this.test(node.right))
      case 'not':
        return notTest(this.test(node.operand))
      case 'exists':
        return this.exists(node.value)
      case 'compare':
        return this.compare(node)
      case 'contains':
        return this.contains(node.left, node.right, node.opText)
      case 'matches':
        return this.matches(node.left, node.right, node.opText)
      case 'in':
        return this.membership(node.left, node.elements)
    }
  }

  private source(span: FilterSpan): string {
    return this.text.slice(span.start, span.end)
  }

  private field(name: string, presence: boolean): CheckedField | undefined {
    if (NOT_FILTER_NAMES.has(name)) return undefined
    let field = this.fields.get(name)
    if (!field) {
      const def = fieldDef(name)
      if (!def) return undefined
      field = { name, def, presenceOnly: true }
      this.fields.set(name, field)
    }
    if (!presence) field.presenceOnly = false
    return field
  }

  private exists(node: ValueNode): Test {
    if (node.kind === 'word') {
      const field = this.field(node.text, true)
      if (!field) return fail(MESSAGES.unknownField(node.text), node.span)
      return presenceTest((frame) => frame.values(field))
    }
    const value = this.value(node)
    if (value.kind === 'pending') return fail(MESSAGES.literalTest(value.text), value.span)
    if (value.form === 'call') return fail(MESSAGES.functionTest(), node.kind === 'call' ? node.nameSpan : value.span)
    return value.form === 'computed' ? nonZeroTest(value.read) : presenceTest(value.read)
  }

  private compare(node: Extract<TestNode, { kind: 'compare' }>): Test {
    const left = this.leftOperand(node.left, node.opText)
    if (left.type === 'none') fail(MESSAGES.notComparable(left.name, fieldTypeDescription(left.type), node.opText), left.span)
    return compareTest(node.op, left.read, this.side(left, node.right, node.opText))
  }

  private leftOperand(node: ValueNode, opText: string): Operand {
    const left = this.value(node)
    if (left.kind === 'pending') return fail(MESSAGES.literalLeft(opText, left.text), left.span)
    return left
  }

  /** The right side of a comparison with `left`: a constant, or an operand of a compatible type. */
  private side(left: Operand, node: ValueNode, opText: string): Side {
    const right = this.value(node)
    if (right.kind === 'pending') return { constant: [right.convert(targetOf(left))] }
    if (right.type === 'none') fail(MESSAGES.notComparable(right.name, fieldTypeDescription(right.type), opText), right.span)
    if (!compatibleTypes(left.type, right.type) && !(isIntegerLike(left.type) && isIntegerLike(right.type))) {
      fail(MESSAGES.incompatible(left.name, right.name), right.span)
    }
    return { read: right.read }
  }

  private contains(leftNode: ValueNode, rightNode: ValueNode, opText: string): Test {
    const left = this.leftOperand(leftNode, opText)
    const cls = valueClass(left.type)
    if ((cls !== 'bytes' && cls !== 'string') || left.type === 'ipv6') {
      fail(MESSAGES.notComparable(left.name, fieldTypeDescription(left.type), opText), left.span)
    }
    const right = this.value(rightNode)
    if (right.kind === 'pending') {
      const target = { type: cls === 'string' ? ('string' as const) : ('bytes' as const), ranged: false }
      return containsTest(left.read, { constant: [right.convert(target)] })
    }
    if (valueClass(right.type) !== cls) fail(MESSAGES.incompatible(left.name, right.name), right.span)
    return containsTest(left.read, { read: right.read })
  }

  private matches(leftNode: ValueNode, rightNode: ValueNode, opText: string): Test {
    const left = this.leftOperand(leftNode, opText)
    const cls = valueClass(left.type)
    if ((cls !== 'bytes' && cls !== 'string') || left.type === 'ipv6') {
      fail(MESSAGES.notComparable(left.name, fieldTypeDescription(left.type), opText), left.span)
    }
    if (rightNode.kind !== 'string') return fail(MESSAGES.matchesNeedsString(), rightNode.span)
    return matchesTest(left.read, compileRegex(rightNode.value, rightNode.span))
  }

  private membership(leftNode: ValueNode, elements: SetElement[]): Test {
    const left = this.value(leftNode)
    if (left.kind !== 'operand' || left.form !== 'field') return fail(MESSAGES.notInSet(), left.span)
    if (left.type === 'none') fail(MESSAGES.notComparable(left.name, fieldTypeDescription(left.type), 'in'), left.span)
    const members = elements.map((element): SetMember => {
      if (element.kind === 'value') return { kind: 'value', side: this.side(left, element.value, 'in') }
      return { kind: 'range', low: this.side(left, element.low, 'in'), high: this.side(left, element.high, 'in') }
    })
    return membershipTest(left.read, members)
  }

  /** A value: an operand, or a literal waiting for the type of what it meets. */
  value(node: ValueNode): Resolved {
    switch (node.kind) {
      case 'word': {
        const field = this.field(node.text, false)
        if (field) return { kind: 'operand', type: field.def.type, name: field.name, span: node.span, read: (frame) => frame.values(field), field, form: 'field' }
        return this.literal({ form: 'word', value: node.text, span: node.span }, node.text)
      }
      case 'string':
        return { ...this.literal({ form: 'string', value: node.value, span: node.span }, node.text), quoted: node.value }
      case 'char':
        return this.literal({ form: 'char', value: node.value, span: node.span }, node.text)
      case 'layer':
        return this.layer(node.operand, node.layers, node.span)
      case 'slice':
        return this.slice(node)
      case 'call':
        return checkCall(node.name, node.nameSpan, node.span, node.args.map((arg) => this.value(arg)))
      case 'arithmetic':
        return this.arithmetic(node.op, node.opSpan, this.value(node.left), this.value(node.right), node.span)
      case 'negate':
        return this.negate(this.value(node.operand), node.opSpan, node.span)
    }
  }

  private literal(literal: Literal, text: string): Pending {
    return { kind: 'pending', text, span: literal.span, convert: (target) => literalValue(literal, target) }
  }

  private layer(node: ValueNode, layers: LayerRange[], span: FilterSpan): Operand {
    const operand = node.kind === 'word' ? this.value(node) : undefined
    if (!operand || operand.kind !== 'operand') return fail(MESSAGES.unknownField(this.source(node.span)), node.span)
    const perLayer = TWO_PER_LAYER.has(operand.name) ? 2 : 1
    const read = operand.read
    const picked: ReadValues = (frame) => {
      const values = read(frame)
      const out: FilterValue[] = []
      for (const { from, to } of layers) {
        for (let i = (from - 1) * perLayer; i < to * perLayer && i < values.length; i++) out.push(values[i])
      }
      return out
    }
    return { ...operand, span, read: picked }
  }

  private slice(node: Extract<ValueNode, { kind: 'slice' }>): Operand {
    const operand = this.value(node.operand)
    if (operand.kind !== 'operand') return fail(MESSAGES.sliceUnknown(operand.text), operand.span)
    if (!SLICEABLE.has(operand.type)) fail(MESSAGES.notSliceable(operand.name, fieldTypeDescription(operand.type)), operand.span)
    const ranges = node.ranges
    const read = mapValues(operand.read, (value) => {
      const bytes = valueBytes(value)
      return bytes && sliceBytes(bytes, ranges)
    })
    return { kind: 'operand', type: 'bytes', name: this.source(node.span), span: node.span, read, form: 'slice' }
  }

  private arithmetic(op: ArithmeticOp, opSpan: FilterSpan, left: Resolved, right: Resolved, span: FilterSpan): Resolved {
    if (left.kind === 'pending') {
      if (right.kind === 'operand') return fail(MESSAGES.constantArithmetic(), left.span)
      return this.constantArithmetic(op, opSpan, left, right, span)
    }
    this.checkArithmetic(op, left, opSpan)
    const name = this.source(span)
    if (right.kind === 'pending') {
      const constant = right.convert({ ...targetOf(left), ranged: false }) as FilterValue
      const read = mapValues(left.read, (value) => applyArithmetic(op, value, constant))
      return { kind: 'operand', type: left.type, name, span, read, form: 'computed' }
    }
    this.checkArithmetic(op, right, opSpan)
    const read = combineValues({ read: left.read }, { read: right.read }, (a, b) => applyArithmetic(op, a, b))
    return { kind: 'operand', type: left.type, name, span, read, form: 'computed' }
  }

  private checkArithmetic(op: ArithmeticOp, operand: Operand, opSpan: FilterSpan): void {
    const allowed = op === '&' ? BITWISE : NUMERIC_ARITHMETIC
    if (!allowed.has(operand.type)) fail(MESSAGES.notArithmetic(operand.name, fieldTypeDescription(operand.type), op), opSpan)
  }

  /** 79+1 on the right of a comparison: worked out once the type is known. */
  private constantArithmetic(op: ArithmeticOp, opSpan: FilterSpan, left: Pending, right: Pending, span: FilterSpan): Pending {
    return {
      kind: 'pending',
      text: this.source(span),
      span,
      convert: (target) => {
        const allowed = op === '&' ? BITWISE : NUMERIC_ARITHMETIC
        if (!allowed.has(target.type)) fail(MESSAGES.notArithmetic(this.source(span), fieldTypeDescription(target.type), op), opSpan)
        const value = applyArithmetic(op, asValue(left.convert(target), left), asValue(right.convert(target), right))
        return value === undefined ? fail(MESSAGES.badNumber(this.source(span)), span) : value
      },
    }
  }

  private negate(operand: Resolved, opSpan: FilterSpan, span: FilterSpan): Resolved {
    if (operand.kind === 'pending') {
      return {
        kind: 'pending',
        text: this.source(span),
        span,
        convert: (target) => {
          if (!NUMERIC_ARITHMETIC.has(target.type)) fail(MESSAGES.notArithmetic(operand.text, fieldTypeDescription(target.type), '-'), opSpan)
          const value = operand.convert({ ...target, ranged: false })
          const negated = negateValue(asValue(value, operand))
          return negated === undefined ? fail(MESSAGES.badNumber(operand.text), operand.span) : wrapUnsigned(negated, target.type)
        },
      }
    }
    if (!NUMERIC_ARITHMETIC.has(operand.type)) fail(MESSAGES.notArithmetic(operand.name, fieldTypeDescription(operand.type), '-'), opSpan)
    const type: FieldType = UNSIGNED.has(operand.type) ? 'int32' : operand.type
    return { kind: 'operand', type, name: this.source(span), span, read: mapValues(operand.read, negateValue), form: 'computed' }
  }
}

function isIntegerLike(type: FieldType): boolean {
  return valueClass(type) === 'number' && type !== 'ipv4' && type !== 'time' && type !== 'double'
}

/** A constant that must be a plain value (a network cannot take part in arithmetic). */
function asValue(constant: Constant, literal: Pending): FilterValue {
  if (typeof constant === 'object' && constant !== null && !(constant instanceof Uint8Array)) return fail(MESSAGES.badNumber(literal.text), literal.span)
  return constant
}

/** -80 for an unsigned field: it wraps around, so it never equals a value (as in 4.0). */
function wrapUnsigned(value: FilterValue, type: FieldType): FilterValue {
  if (typeof value === 'number' && value < 0 && UNSIGNED.has(type)) return value + 2 ** 64
  if (typeof value === 'bigint' && value < 0n && type === 'uint64') return value + (1n << 64n)
  return value
}

/** The bytes a slice cuts: bytes as they are, strings as UTF-8, an IPv4 address as its 4 bytes. */
function valueBytes(value: FilterValue): Uint8Array | undefined {
  if (value instanceof Uint8Array) return itemBytes(value)
  if (typeof value === 'string') return stringBytes(value)
  if (typeof value === 'number') return Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff)
  return undefined
}

// The parsed filter: logic over tests, tests over values. Every node keeps its span in the text,
// so the checker can point at the exact token it objects to.
import type { CompareOp } from './lexer'
import type { ByteRange } from './slice'
import type { FilterSpan } from './types'

/** A part of a filter that is true or false for a frame. */
export type TestNode =
  | { kind: 'or' | 'and'; left: TestNode; right: TestNode; span: FilterSpan }
  | { kind: 'not'; operand: TestNode; span: FilterSpan }
  /** A bare value: a field's presence, or a non-zero result (tcp.flags & 0x02). */
  | { kind: 'exists'; value: ValueNode; span: FilterSpan }
  | { kind: 'compare'; op: CompareOp; opText: string; opSpan: FilterSpan; left: ValueNode; right: ValueNode; span: FilterSpan }
  | { kind: 'contains' | 'matches'; opText: string; opSpan: FilterSpan; left: ValueNode; right: ValueNode; span: FilterSpan }
  | { kind: 'in'; opSpan: FilterSpan; left: ValueNode; elements: SetElement[]; span: FilterSpan }

/** One member of a set: a value, or an inclusive range lo..hi. */
export type SetElement = { kind: 'value'; value: ValueNode } | { kind: 'range'; low: ValueNode; high: ValueNode }

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '&'

/** A part of a filter that stands for zero or more values in a frame. */
export type ValueNode =
  /** A field name or an unparsed literal: which one is the checker's call (a known field name is a field). */
  | { kind: 'word'; text: string; span: FilterSpan }
  | { kind: 'string'; value: string; text: string; span: FilterSpan }
  | { kind: 'char'; value: number; text: string; span: FilterSpan }
  /** field#2, field#[1-3]: only the occurrences of the given layers. */
  | { kind: 'layer'; operand: ValueNode; layers: LayerRange[]; span: FilterSpan }
  | { kind: 'slice'; operand: ValueNode; ranges: ByteRange[]; span: FilterSpan }
  | { kind: 'call'; name: string; nameSpan: FilterSpan; args: ValueNode[]; span: FilterSpan }
  | { kind: 'arithmetic'; op: ArithmeticOp; opSpan: FilterSpan; left: ValueNode; right: ValueNode; span: FilterSpan }
  | { kind: 'negate'; operand: ValueNode; opSpan: FilterSpan; span: FilterSpan }

/** Layers, counted from 1, both ends included. */
export interface LayerRange {
  from: number
  to: number
}

export function spanOf(first: { span: FilterSpan } | FilterSpan, last: { span: FilterSpan } | FilterSpan): FilterSpan {
  const a = 'span' in first ? first.span : first
  const b = 'span' in last ? last.span : last
  return { start: a.start, end: b.end }
}

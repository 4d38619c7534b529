// What the checker makes of a value in a filter: an operand (a field, a slice, a call, an
// arithmetic result: something with a type that is read from each frame), or a pending literal
// (a word, string or character constant whose type is the one of the operand it meets).
import type { FieldType } from '../decode/field'
import type { ReadValues } from './evaluator'
import type { LiteralTarget } from './literals'
import type { FilterField, FilterSpan } from './types'
import type { Constant } from './values'

/** A field a filter names; presenceOnly is settled once the whole filter has been checked. */
export interface CheckedField extends FilterField {
  presenceOnly: boolean
}

export interface Operand {
  kind: 'operand'
  type: FieldType
  /** How a message names it: the field name, or the text it was written as. */
  name: string
  span: FilterSpan
  read: ReadValues
  /** A plain field (or some of its layers): what value names, counting and `in` need. */
  field?: CheckedField
  /** What it is, for the tests a bare operand makes and the arguments functions take. */
  form: 'field' | 'slice' | 'call' | 'computed'
}

export interface Pending {
  kind: 'pending'
  /** The literal as written (for messages). */
  text: string
  span: FilterSpan
  /** A quoted string: its value (`matches` wants one). */
  quoted?: string
  /** The value it stands for next to an operand of the target's type; fails with a message. */
  convert(target: LiteralTarget): Constant
}

export type Resolved = Operand | Pending

/** The target a literal is converted for, when it meets `operand`. */
export function targetOf(operand: Operand): LiteralTarget {
  return { type: operand.type, def: operand.field?.def, ranged: operand.form === 'field' }
}


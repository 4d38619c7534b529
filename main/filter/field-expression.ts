// Placeholder until the language lands.
import type { Field } from '../decode/field'

export function filterExpressionFor(field: Field): string | undefined {
  void field
  return undefined
}

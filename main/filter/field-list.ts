// Placeholder until the list lands.
import type { FilterFieldInfo } from '../../preload/contract/dto'

export function filterFieldList(): FilterFieldInfo[] {
  return []
}

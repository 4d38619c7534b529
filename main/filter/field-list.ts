// The names a display filter may use, with what they are in both languages and their value
// type: what the filter bar's autocompletion offers. Built once from the field registry.
import '../decode/frame' // loads every decoder, so every field is registered
import { allFieldDefs, type FieldDef } from '../decode/field'
import type { FilterFieldInfo } from '../../preload/contract/dto'
import { FIELD_TITLES_ZH_CN } from './field-titles-zh-CN'
import { fieldTypeDescription } from './field-types'

/** Registered for the detail tree only: tshark 4.0 says "_ws.text is neither a field nor a protocol name". */
const NOT_FILTER_NAMES: ReadonlySet<string> = new Set(['_ws.text'])

let cached: readonly FilterFieldInfo[] | undefined

/**
 * Every field and protocol the filter language knows, sorted by name. The list is built on the
 * first call and shared after that: it and its entries are frozen.
 */
export function filterFieldList(): FilterFieldInfo[] {
  cached ??= buildFieldList()
  return cached as FilterFieldInfo[]
}

function buildFieldList(): readonly FilterFieldInfo[] {
  const defs = [...allFieldDefs()].filter((def) => !NOT_FILTER_NAMES.has(def.name))
  const list = defs.map(fieldInfo).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return Object.freeze(list)
}

function fieldInfo(def: FieldDef): FilterFieldInfo {
  return Object.freeze({
    name: def.name,
    title: Object.freeze({ en: def.title, 'zh-CN': FIELD_TITLES_ZH_CN[def.name] ?? def.title }),
    protocol: def.type === 'protocol',
    type: fieldTypeDescription(def.type),
  })
}

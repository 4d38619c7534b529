// The filter bar's one dropdown, which lists either the field names matching the word under the
// caret or the recent filters: what it lists, which entry is chosen (none until ↑ ↓ or the
// pointer choose one), and opening and closing it.
import { computed, ref } from 'vue'
import type { FilterFieldInfo, Lang } from '../../../preload/contract/api'
import { suggestionsFor } from './filter-autocomplete'

export type DropdownMode = 'fields' | 'history'

/** The element id of an entry of the list `listId` (for the input's aria-activedescendant). */
export function optionId(listId: string, index: number): string {
  return `${listId}-option-${index}`
}

/** One entry: the text it puts in the bar, and what the list shows beside it. */
export interface DropdownItem {
  value: string
  title?: string
  type?: string
  protocol?: boolean
}

export interface DropdownSources {
  fields: () => readonly FilterFieldInfo[]
  history: () => readonly string[]
  text: () => string
  caret: () => number
  lang: () => Lang
}

export function useFilterDropdown(sources: DropdownSources) {
  const mode = ref<DropdownMode | null>(null)
  /** The chosen entry (−1: none yet). */
  const active = ref(-1)

  const items = computed<DropdownItem[]>(() => {
    if (mode.value === 'history') return sources.history().map((value) => ({ value }))
    if (mode.value !== 'fields') return []
    return suggestionsFor(sources.fields(), sources.text(), sources.caret()).map((field) => ({
      value: field.name,
      title: field.title[sources.lang()],
      type: field.type,
      protocol: field.protocol,
    }))
  })
  const open = computed(() => mode.value !== null && items.value.length > 0)
  const chosen = computed<DropdownItem | undefined>(() => (open.value ? items.value[active.value] : undefined))

  /** Lists fields or history afresh (each letter typed shows the fields again), nothing chosen. */
  function show(next: DropdownMode): void {
    mode.value = next
    active.value = -1
  }

  function close(): void {
    mode.value = null
    active.value = -1
  }

  /** ↓ (1) or ↑ (−1), round the list. */
  function move(step: 1 | -1): void {
    const count = items.value.length
    if (!count) return
    active.value = active.value < 0 ? (step > 0 ? 0 : count - 1) : (active.value + step + count) % count
  }

  return { mode, active, items, open, chosen, show, close, move }
}

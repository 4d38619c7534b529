import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { FilterCheck, FilterFieldInfo, ViewSpec } from '../../../preload/contract/api'
import { streamFilter } from '../composables/filter-expressions'
import { loadHistory, remember, saveHistory } from '../composables/filter-history'
import { useApiStore } from './api'
import { useCaptureStore } from './capture'
import { usePacketsStore } from './packets'
import { useSettingsStore } from './settings'

/** The bar checks the text this long after the last key stroke. */
export const CHECK_DELAY_MS = 150

/** How the bar looks: no filter, a valid one (green) or an invalid one (red). */
export type FilterValidity = 'empty' | 'valid' | 'invalid'

/** The view with this display filter (none when it is empty). */
export function viewWithFilter(view: ViewSpec, filter: string): ViewSpec {
  const rest = { ...view }
  delete rest.filter
  return filter ? { ...rest, filter } : rest
}

/**
 * The display-filter bar: the text being typed and the back end's check of it (the latest answer
 * wins), the filter the list shows, applying one (an invalid one is refused), cancelling a slow
 * one, the applied filters' history, and the field names for autocomplete.
 */
export const useFilterStore = defineStore('filter', () => {
  const api = useApiStore()
  const packets = usePacketsStore()
  const capture = useCaptureStore()

  const text = ref('')
  /** The last check heard, and the text it was for. */
  const checked = shallowRef<{ text: string; result: FilterCheck } | null>(null)
  const fields = shallowRef<FilterFieldInfo[]>([])
  const settings = useSettingsStore()
  const history = ref<string[]>(settings.preferences.filterHistory ?? loadHistory())
  // The saved preferences arrive after the page starts (and change in another window).
  watch(
    () => settings.preferences.filterHistory,
    (saved) => {
      if (saved) history.value = [...saved]
    },
  )
  /** The filter on its way to the list (null when none is). */
  const applying = ref<string | null>(null)
  /** Bumped when the bar should take the focus (a prepared filter). */
  const focusRequests = ref(0)
  /** Bumped when an invalid filter was applied: the bar shakes and shows where. */
  const refusals = ref(0)
  let checkTimer: ReturnType<typeof setTimeout> | null = null
  let checkGeneration = 0
  let fieldsRequested = false

  /** The filter of the list as shown. */
  const applied = computed(() => packets.view.filter ?? '')
  /** The text's check: the latest answer (for this text or, until it comes, the one before). */
  const check = computed<FilterCheck | null>(() => (text.value.trim() && checked.value ? checked.value.result : null))
  const validity = computed<FilterValidity>(() => (!check.value ? 'empty' : check.value.valid ? 'valid' : 'invalid'))
  /** The check of exactly this text, once it is heard: a mistake is shown only where it still is. */
  const currentCheck = computed<FilterCheck | null>(() => (checked.value && checked.value.text === text.value ? checked.value.result : null))
  /** The text differs from the filter the list shows. */
  const edited = computed(() => text.value.trim() !== applied.value)

  function stopTimer(): void {
    if (checkTimer) clearTimeout(checkTimer)
    checkTimer = null
  }

  async function runCheck(filter: string): Promise<FilterCheck | undefined> {
    stopTimer()
    const asked = ++checkGeneration
    const answer = await api.call('checkFilter', filter)
    if (!answer.ok) return undefined
    if (asked === checkGeneration) checked.value = { text: filter, result: answer.value }
    return answer.value
  }

  /** The text as the user types it: checked once the typing pauses. */
  function edit(next: string): void {
    text.value = next
    stopTimer()
    checkGeneration++
    if (!next.trim()) {
      checked.value = null
      return
    }
    checkTimer = setTimeout(() => void runCheck(next), CHECK_DELAY_MS)
  }

  /** Puts a filter in the bar without applying it, and gives the bar the focus. */
  function prepare(filter: string): void {
    edit(filter)
    focusRequests.value++
  }

  /** The check of `filter`: the one heard if it is for this text, else asked now. */
  async function checkNow(filter: string): Promise<FilterCheck | undefined> {
    if (checked.value?.text === filter && !checkTimer) return checked.value.result
    return runCheck(filter)
  }

  /**
   * Shows only the packets `filter` selects (default: the text in the bar; "" shows all). An
   * invalid filter is refused: nothing changes but the bar says where. Answers whether it took.
   */
  async function apply(filter = text.value): Promise<boolean> {
    const wanted = filter.trim()
    if (text.value !== filter) edit(filter)
    if (wanted) {
      const result = await checkNow(wanted)
      if (!result?.valid) {
        refusals.value++
        return false
      }
    }
    if (!capture.hasCapture) return false
    applying.value = wanted
    try {
      const took = await packets.setView(viewWithFilter(packets.view, wanted))
      if (took && wanted) {
        history.value = remember(history.value, wanted)
        saveHistory(history.value)
        // Kept with the preferences too: browser mode's page storage changes with its port.
        void settings.update({ filterHistory: history.value })
      }
      return took
    } finally {
      if (applying.value === wanted) applying.value = null
    }
  }

  /** Puts a filter in the bar and applies it. */
  function applyText(filter: string): Promise<boolean> {
    edit(filter)
    return apply(filter)
  }

  /** Only one TCP connection (its filter, so the user sees it); −1 or undefined: every packet. */
  function filterOnStream(stream: number | undefined): Promise<boolean> {
    return applyText(stream === undefined || stream < 0 ? '' : streamFilter(stream))
  }

  /** Stops the filter (or sort) under way: the list keeps its view, the bar its applied filter. */
  async function cancel(): Promise<void> {
    if (applying.value !== null) edit(applied.value)
    await api.request('cancelWork')
  }

  /** The field names for autocomplete, asked once per run of the app. */
  async function loadFields(): Promise<void> {
    if (fieldsRequested) return
    fieldsRequested = true
    const answer = await api.request('filterFields')
    if (answer) fields.value = answer
    else fieldsRequested = false
  }

  // The list's filter changed under the bar (a new capture, "Show all"): the bar follows it.
  watch(applied, (filter) => {
    if (text.value.trim() !== filter) edit(filter)
  })

  return {
    text,
    check,
    currentCheck,
    validity,
    edited,
    applied,
    applying,
    fields,
    history,
    focusRequests,
    refusals,
    edit,
    prepare,
    apply,
    applyText,
    filterOnStream,
    cancel,
    loadFields,
  }
})

import { ref, shallowRef, watch } from 'vue'
import type { Answer } from '../../../preload/contract/api'
import { useApiStore } from './api'
import { onCaptureChanges } from './capture-changes'
import { useSettingsStore } from './settings'

/** The requests that answer about one connection, in the UI language. */
export type StreamMethod = 'narrative' | 'lab'

/**
 * One answer about one connection in the UI language (its narrative, its lab report): asked
 * again when the language changes, and when a capture that was still loading becomes ready (the
 * connection may have had more packets to come); forgotten when another capture session starts.
 * Of two loads, the later wins. For use inside a setup store.
 */
export function useStreamAnswer<M extends StreamMethod>(method: M) {
  const stream = ref<number | null>(null)
  const value = shallowRef<Answer<M> | null>(null)
  let request = 0

  async function load(next: number): Promise<void> {
    if (stream.value !== next) value.value = null
    stream.value = next
    const asked = ++request
    const answer = await useApiStore().request(method, next, useSettingsStore().language)
    if (asked !== request) return
    value.value = answer ?? null
  }

  function clear(): void {
    request++
    stream.value = null
    value.value = null
  }

  const again = (): void => {
    if (stream.value !== null) void load(stream.value)
  }
  onCaptureChanges({ forget: clear, refresh: again })
  watch(() => useSettingsStore().language, again)

  return { stream, value, load, clear }
}

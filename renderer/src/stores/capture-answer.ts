import { computed, shallowRef } from 'vue'
import type { Answer } from '../../../preload/contract/api'
import { useApiStore } from './api'
import { onCaptureChanges } from './capture-changes'

/** The requests that answer about the open capture as a whole and take no argument. */
export type CaptureWideMethod = 'connections' | 'expertInfo'

/**
 * One answer about the open capture as a whole (its connections, its expert information), read
 * when asked for: forgotten when another session starts, and read again when a capture that was
 * still loading becomes ready (what was read then was incomplete). Of two loads, the later wins.
 * For use inside a setup store.
 */
export function useCaptureAnswer<M extends CaptureWideMethod>(method: M) {
  const value = shallowRef<Answer<M> | null>(null)
  const loaded = computed(() => value.value !== null)
  let request = 0

  async function load(): Promise<void> {
    const asked = ++request
    const answer = await useApiStore().request(method)
    if (asked !== request || !answer) return
    value.value = answer
  }

  onCaptureChanges({
    forget: () => {
      request++
      value.value = null
    },
    refresh: () => {
      if (loaded.value) void load()
    },
  })

  return { value, loaded, load }
}

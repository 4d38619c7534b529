import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { ExpertInfo } from '../../../preload/contract/api'
import { useApiStore } from './api'
import { useCaptureStore } from './capture'

/** The capture's expert information (Wireshark's Analyze › Expert Information). */
export const useExpertStore = defineStore('expert', () => {
  const info = shallowRef<ExpertInfo | null>(null)
  const loaded = ref(false)
  let request = 0

  async function load(): Promise<void> {
    const asked = ++request
    const answer = await useApiStore().request('expertInfo')
    if (asked !== request || !answer) return
    info.value = answer
    loaded.value = true
  }

  const capture = useCaptureStore()
  watch(
    () => capture.status.session,
    () => {
      request++
      info.value = null
      loaded.value = false
    },
  )
  watch(
    () => capture.status.state,
    (state, previous) => {
      if (state === 'ready' && previous === 'loading' && loaded.value) void load()
    },
  )

  return { info, loaded, load }
})

import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { ConnectionDto, ConnectionNarrative } from '../../../preload/contract/api'
import { useApiStore } from './api'
import { useCaptureStore } from './capture'
import { useCaptureAnswer } from './capture-answer'
import { useSettingsStore } from './settings'

/** The capture's TCP connections, and the narrative of one of them in the UI language. */
export const useConnectionsStore = defineStore('connections', () => {
  const { value: listAnswer, loaded, load } = useCaptureAnswer('connections')
  const list = computed<readonly ConnectionDto[]>(() => listAnswer.value ?? [])
  const narrative = shallowRef<ConnectionNarrative | null>(null)
  const narrativeStream = ref<number | null>(null)
  let narrativeRequest = 0

  async function loadNarrative(stream: number): Promise<void> {
    narrativeStream.value = stream
    const asked = ++narrativeRequest
    const answer = await useApiStore().request('narrative', stream, useSettingsStore().language)
    if (asked !== narrativeRequest) return
    narrative.value = answer ?? null
  }

  function closeNarrative(): void {
    narrativeRequest++
    narrativeStream.value = null
    narrative.value = null
  }

  const capture = useCaptureStore()
  watch(() => capture.status.session, closeNarrative)
  watch(
    () => useSettingsStore().language,
    () => {
      if (narrativeStream.value !== null) void loadNarrative(narrativeStream.value)
    },
  )

  return { list, loaded, narrative, narrativeStream, load, loadNarrative }
})

import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { ConnectionDto, ConnectionNarrative } from '../../../preload/contract/api'
import { useApiStore } from './api'
import { useCaptureStore } from './capture'
import { useSettingsStore } from './settings'

/** The capture's TCP connections, and the narrative of one of them in the UI language. */
export const useConnectionsStore = defineStore('connections', () => {
  const list = shallowRef<ConnectionDto[]>([])
  const loaded = ref(false)
  const narrative = shallowRef<ConnectionNarrative | null>(null)
  const narrativeStream = ref<number | null>(null)
  let listRequest = 0
  let narrativeRequest = 0

  async function load(): Promise<void> {
    const asked = ++listRequest
    const answer = await useApiStore().request('connections')
    if (asked !== listRequest || !answer) return
    list.value = answer
    loaded.value = true
  }

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

  function byStream(stream: number): ConnectionDto | undefined {
    return list.value.find((connection) => connection.stream === stream)
  }

  const capture = useCaptureStore()
  watch(
    () => capture.status.session,
    () => {
      listRequest++
      list.value = []
      loaded.value = false
      closeNarrative()
    },
  )
  // A list read while loading is incomplete: read it again at the end.
  watch(
    () => capture.status.state,
    (state, previous) => {
      if (state === 'ready' && previous === 'loading' && loaded.value) void load()
    },
  )
  watch(
    () => useSettingsStore().language,
    () => {
      if (narrativeStream.value !== null) void loadNarrative(narrativeStream.value)
    },
  )

  return { list, loaded, narrative, narrativeStream, load, loadNarrative, closeNarrative, byStream }
})

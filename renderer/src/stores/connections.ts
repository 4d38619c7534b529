import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { ConnectionDto } from '../../../preload/contract/api'
import { useCaptureAnswer } from './capture-answer'
import { useStreamAnswer } from './stream-answer'

/** The capture's TCP connections, and the narrative of one of them in the UI language. */
export const useConnectionsStore = defineStore('connections', () => {
  const { value: listAnswer, loaded, load } = useCaptureAnswer('connections')
  const list = computed<readonly ConnectionDto[]>(() => listAnswer.value ?? [])
  const { stream: narrativeStream, value: narrative, load: loadNarrative } = useStreamAnswer('narrative')

  return { list, loaded, narrative, narrativeStream, load, loadNarrative }
})

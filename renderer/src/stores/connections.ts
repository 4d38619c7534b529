import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { ConnectionDto } from '../../../preload/contract/api'
import { useCaptureAnswer } from './capture-answer'

/** The capture's TCP connections (their diagrams and narratives are the teach store's). */
export const useConnectionsStore = defineStore('connections', () => {
  const { value: listAnswer, loaded, load } = useCaptureAnswer('connections')
  const list = computed<readonly ConnectionDto[]>(() => listAnswer.value ?? [])

  return { list, loaded, load }
})

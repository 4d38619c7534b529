import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { FollowStream } from '../../../preload/contract/api'
import { useApiStore } from './api'

/** Follow TCP Stream: the payload of one connection, both ways. */
export const useFollowStore = defineStore('follow', () => {
  const stream = ref<number | null>(null)
  const data = shallowRef<FollowStream | null>(null)
  let request = 0

  async function open(next: number): Promise<void> {
    stream.value = next
    data.value = null
    const asked = ++request
    const answer = await useApiStore().request('followStream', next)
    if (asked === request) data.value = answer ?? null
  }

  function close(): void {
    request++
    stream.value = null
    data.value = null
  }

  return { stream, data, open, close }
})

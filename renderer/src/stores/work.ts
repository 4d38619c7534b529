import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { Method, WorkProgress } from '../../../preload/contract/api'
import { useApiStore } from './api'

/** The request that waits while the back end does a task (and reports it as `work` events). */
export const TASK_REQUEST = {
  sort: 'setView',
  filter: 'setView',
  'expert-info': 'expertInfo',
} as const satisfies Record<WorkProgress['task'], Method>

export type WorkRequest = (typeof TASK_REQUEST)[keyof typeof TASK_REQUEST]

const REQUESTS = [...new Set(Object.values(TASK_REQUEST))] as WorkRequest[]

/**
 * How far the long requests under way have got, from the open capture's `work` events (the
 * capture store passes on those of its session), by the request that waits for them: what the
 * busy indicators show as a percentage. What was heard for a request is forgotten as soon as one
 * such request starts or ends, so a finished or replaced task never shows under a newer one.
 */
export const useWorkStore = defineStore('work', () => {
  const api = useApiStore()
  const latest = ref<Partial<Record<WorkRequest, WorkProgress>>>({})

  function forget(request: WorkRequest): void {
    if (!latest.value[request]) return
    const copy = { ...latest.value }
    delete copy[request]
    latest.value = copy
  }

  /** A `work` event of the open capture; ignored unless its request is under way. */
  function accept(work: WorkProgress): void {
    const request = TASK_REQUEST[work.task] as WorkRequest | undefined
    if (!request || !api.isPending(request)) return
    latest.value = { ...latest.value, [request]: work }
  }

  /** The last progress heard for `request` while it is under way. */
  function progressOf(request: Method): WorkProgress | undefined {
    return latest.value[request as WorkRequest]
  }

  // 'sync': the count changes before any event of the new request can arrive.
  for (const request of REQUESTS) watch(() => api.pending[request] ?? 0, () => forget(request), { flush: 'sync' })

  return { latest, accept, progressOf }
})

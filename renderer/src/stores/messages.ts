import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ApiError, ErrorCode } from '../../../preload/contract/api'

/** A dismissible message shown over the window: an api error, or a short notice. */
export interface UiMessage {
  id: number
  kind: 'error' | 'info'
  /** An error code (worded by the locale) or a locale key for notices. */
  code?: ErrorCode
  key?: string
  params?: Record<string, string | number>
  /** The English detail from the back end, shown beneath the translated message. */
  detail?: string
}

export const useMessagesStore = defineStore('messages', () => {
  const items = ref<UiMessage[]>([])
  let nextId = 1

  /** Shows an api error; a cancellation the user asked for is not an error. */
  function reportError(error: ApiError): void {
    if (error.code === 'cancelled') return
    items.value.push({ id: nextId++, kind: 'error', code: error.code, detail: error.message })
  }

  function notify(key: string, params?: Record<string, string | number>): void {
    items.value.push({ id: nextId++, kind: 'info', key, params })
  }

  function dismiss(id: number): void {
    items.value = items.value.filter((item) => item.id !== id)
  }

  return { items, reportError, notify, dismiss }
})

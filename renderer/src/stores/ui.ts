import { defineStore } from 'pinia'
import { ref } from 'vue'

export type DialogName = 'go-to-packet' | 'conversations' | 'expert' | 'follow' | 'shortcuts' | 'about' | 'open-server' | 'narrative'

/** Which dialog is open, and the display-filter bar's text (filters are evaluated in a later version). */
export const useUiStore = defineStore('ui', () => {
  const dialog = ref<DialogName | null>(null)
  const filterText = ref('')
  /** Set when "Apply as filter" prepared an expression that is not evaluated yet. */
  const filterPrepared = ref(false)
  /** The element focused before a dialog opened, to give focus back. */
  let returnFocus: HTMLElement | null = null

  function openDialog(name: DialogName): void {
    if (!dialog.value && typeof document !== 'undefined' && document.activeElement instanceof HTMLElement) returnFocus = document.activeElement
    dialog.value = name
  }

  function closeDialog(): void {
    dialog.value = null
    returnFocus?.focus?.()
    returnFocus = null
  }

  function prepareFilter(expression: string): void {
    filterText.value = expression
    filterPrepared.value = true
  }

  return { dialog, filterText, filterPrepared, openDialog, closeDialog, prepareFilter }
})

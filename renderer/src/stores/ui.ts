import { defineStore } from 'pinia'
import { ref } from 'vue'

export type DialogName = 'go-to-packet' | 'conversations' | 'expert' | 'follow' | 'shortcuts' | 'about' | 'open-server' | 'narrative'

/** Which dialog is open (the display-filter bar's text is the filter store's). */
export const useUiStore = defineStore('ui', () => {
  const dialog = ref<DialogName | null>(null)
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

  return { dialog, openDialog, closeDialog }
})

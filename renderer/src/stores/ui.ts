import { defineStore } from 'pinia'
import { ref } from 'vue'

export type DialogName =
  | 'go-to-packet'
  | 'conversations'
  | 'expert'
  | 'follow'
  | 'shortcuts'
  | 'about'
  | 'open-server'
  | 'capture'
  | 'demo'
  | 'connect'
  | 'save-server'
  | 'unsaved'

/** What the top pane shows: the packet list, one connection's diagram, or the flow graph. */
export type MainView = 'packets' | 'diagram' | 'flow'

/** Which dialog is open and which main view is shown (the display-filter bar's text is the filter store's). */
export const useUiStore = defineStore('ui', () => {
  const dialog = ref<DialogName | null>(null)
  const view = ref<MainView>('packets')
  /** The teaching views alone, without the tree and bytes panes below (a projector's room). */
  const panesHidden = ref(false)
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

  function showView(next: MainView): void {
    view.value = next
  }

  return { dialog, view, panesHidden, openDialog, closeDialog, showView }
})

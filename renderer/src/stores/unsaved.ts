import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useCaptureStore } from './capture'
import { useSaveStore } from './save'
import { useUiStore } from './ui'

/** The answers to "Save the packets you captured?". */
export type UnsavedAnswer = 'save' | 'discard' | 'cancel'

/**
 * Nothing captured is lost without asking: before the renderer opens another file, closes the
 * capture, starts a new one, runs a demo or restarts, an unsaved capture (CaptureStatus.unsaved)
 * asks Save / Don't save / Cancel. Save runs Save As first and goes on only if it saved.
 */
export const useUnsavedStore = defineStore('unsaved', () => {
  /** Set while the question is on screen. */
  const asking = ref(false)
  let resolveAnswer: ((answer: UnsavedAnswer) => void) | null = null

  function ask(): Promise<UnsavedAnswer> {
    resolveAnswer?.('cancel')
    asking.value = true
    useUiStore().openDialog('unsaved')
    return new Promise((resolve) => (resolveAnswer = resolve))
  }

  /** The user's answer (the dialog calls this; closing it is Cancel). */
  function answer(given: UnsavedAnswer): void {
    const resolve = resolveAnswer
    resolveAnswer = null
    asking.value = false
    const ui = useUiStore()
    if (ui.dialog === 'unsaved') ui.closeDialog()
    resolve?.(given)
  }

  /** True when the open capture may be replaced: it is saved, or the user said so (or saved it). */
  async function mayDiscard(): Promise<boolean> {
    if (!useCaptureStore().status.unsaved) return true
    const given = await ask()
    if (given === 'discard') return true
    if (given === 'cancel') return false
    return useSaveStore().saveAs(false)
  }

  return { asking, ask, answer, mayDiscard }
})

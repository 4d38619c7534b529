import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { SavedFile, SaveTarget } from '../../../preload/contract/api'
import { useApiStore } from './api'
import { useCaptureStore } from './capture'
import { useMessagesStore } from './messages'
import { useSettingsStore } from './settings'
import { useUiStore } from './ui'

/** Browser mode's Save dialog, waiting for a path on the server (null: cancelled). */
interface PathQuestion {
  displayed: boolean
  resolve: (path: string | null) => void
}

/**
 * Save, Save As and Export Specified Packets (the displayed packets only). Electron asks with
 * its native dialog (in main); browser mode with the server's folders (SaveServerDialog). Saying
 * where it went, or the error, is done here.
 */
export const useSaveStore = defineStore('save', () => {
  const saving = ref(false)
  const lastSaved = shallowRef<SavedFile | null>(null)
  /** The question the browser-mode Save dialog answers. */
  const pathQuestion = shallowRef<PathQuestion | null>(null)

  function askPath(displayed: boolean): Promise<string | null> {
    pathQuestion.value?.resolve(null)
    return new Promise((resolve) => {
      pathQuestion.value = { displayed, resolve }
      useUiStore().openDialog('save-server')
    })
  }

  /** The browser-mode Save dialog's answer (null: cancelled or closed). */
  function answerPath(path: string | null): void {
    const question = pathQuestion.value
    pathQuestion.value = null
    const ui = useUiStore()
    if (ui.dialog === 'save-server') ui.closeDialog()
    question?.resolve(path)
  }

  async function target(displayed: boolean): Promise<SaveTarget | null> {
    if (!useSettingsStore().serverFiles) return { kind: 'dialog', displayed }
    const path = await askPath(displayed)
    return path ? { kind: 'path', path, displayed } : null
  }

  /** Asks where, saves, and says so. True when a file was written. */
  async function saveAs(displayed = false): Promise<boolean> {
    const chosen = await target(displayed)
    if (!chosen) return false
    saving.value = true
    try {
      const saved = await useApiStore().request('saveCapture', chosen)
      if (!saved) return false
      lastSaved.value = saved
      useMessagesStore().notify('live.save.saved', { count: saved.packets, path: saved.path })
      return true
    } finally {
      saving.value = false
    }
  }

  /** Save: an unsaved capture is saved as; one that is in a file already has nothing to save. */
  async function save(): Promise<boolean> {
    if (useCaptureStore().status.unsaved) return saveAs(false)
    useMessagesStore().notify('live.save.nothingToSave')
    return true
  }

  function exportSpecified(): Promise<boolean> {
    return saveAs(true)
  }

  return { saving, lastSaved, pathQuestion, saveAs, save, exportSpecified, answerPath }
})

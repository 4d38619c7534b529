// Browser mode: leaving or reloading the page while captured packets are unsaved asks first (the
// browser's own prompt; Electron's window close is asked in main).
import { onBeforeUnmount, onMounted } from 'vue'
import { useCaptureStore } from '../stores/capture'
import { useSettingsStore } from '../stores/settings'

/** True when leaving the page now would lose packets: browser mode with an unsaved capture. */
export function shouldWarnBeforeUnload(browserMode: boolean, unsaved: boolean | undefined): boolean {
  return browserMode && unsaved === true
}

export function useUnsavedUnloadPrompt(): void {
  const capture = useCaptureStore()
  const settings = useSettingsStore()

  function onBeforeUnload(event: BeforeUnloadEvent): void {
    if (!shouldWarnBeforeUnload(settings.serverFiles, capture.status.unsaved)) return
    event.preventDefault()
    // Older browsers show the prompt only when returnValue is set (its text is their own).
    event.returnValue = ''
  }

  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', onBeforeUnload))
}

import { watch } from 'vue'
import { useCaptureStore } from './capture'

/**
 * What an answer about the open capture must do when the capture changes: forget itself when
 * another capture session starts, and be asked again when a capture that was still loading
 * becomes ready (what was answered then was about the packets read so far). For use inside a
 * setup store.
 */
export function onCaptureChanges(handlers: { forget: () => void; refresh: () => void }): void {
  const capture = useCaptureStore()
  watch(() => capture.status.session, handlers.forget)
  watch(
    () => capture.status.state,
    (state, previous) => {
      if (state === 'ready' && previous === 'loading') handlers.refresh()
    },
  )
}

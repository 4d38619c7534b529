import { watch } from 'vue'
import { useCaptureStore } from './capture'
import { useLiveRefreshStore } from './live-refresh'

/**
 * What an answer about the open capture must do when the capture changes: forget itself when
 * another capture session starts, and be asked again when a capture that was still loading
 * becomes ready (what was answered then was about the packets read so far), and, while a live
 * capture runs, as packets arrive (at most once a second: live-refresh.ts). For use inside a setup
 * store.
 */
export function onCaptureChanges(handlers: { forget: () => void; refresh: () => void }): void {
  const capture = useCaptureStore()
  watch(() => capture.status.session, handlers.forget)
  // Ready after loading, or a live capture stopped (whichever its status says first, once).
  watch(
    () => [capture.status.state, capture.status.live?.state] as const,
    ([state, live], [previous, previousLive]) => {
      if ((state === 'ready' && previous === 'loading') || (live === 'stopped' && previousLive === 'capturing')) handlers.refresh()
    },
  )
  watch(() => useLiveRefreshStore().tick, handlers.refresh)
}

import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { useCaptureStore } from './capture'

/** While capturing, the answers about the capture (connections, the diagram) are asked again at most this often. */
export const LIVE_REFRESH_MS = 1000

/**
 * The beat of a live capture: `tick` goes up at most once a second while packets keep arriving,
 * and never otherwise. What answers about the capture listens to it (capture-changes.ts); the
 * last refresh, at stop, is the one a capture gets when it becomes ready.
 */
export const useLiveRefreshStore = defineStore('liveRefresh', () => {
  const tick = ref(0)
  let timer: ReturnType<typeof setTimeout> | null = null
  let lastTick = 0

  const capture = useCaptureStore()
  const capturing = computed(() => capture.status.live?.state === 'capturing')
  /** Packets read so far of the live capture shown (−1 when not capturing). */
  const packetsSoFar = computed(() => {
    if (!capturing.value) return -1
    const progressed = capture.progress?.session === capture.status.session ? capture.progress.packets : 0
    return Math.max(capture.status.packets, progressed)
  })

  function cancel(): void {
    if (timer) clearTimeout(timer)
    timer = null
  }

  function fire(): void {
    timer = null
    lastTick = Date.now()
    if (capturing.value) tick.value++
  }

  function schedule(): void {
    if (timer) return
    timer = setTimeout(fire, Math.max(0, lastTick + LIVE_REFRESH_MS - Date.now()))
  }

  watch(packetsSoFar, (now, before) => {
    if (now > 0 && now > before) schedule()
  })
  watch(() => capture.status.session, cancel)
  watch(capturing, (on) => on || cancel())

  return { tick, capturing }
})

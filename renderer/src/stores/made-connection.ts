import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { CaptureProblem, ConnectTarget, DemoScenario, FileInfo, MadeConnection } from '../../../preload/contract/api'
import { useApiStore } from './api'
import { useCaptureStore } from './capture'
import { useUnsavedStore } from './unsaved'

/** How long to wait for the capture a demo made to be the one shown (its status event may come after the answer). */
export const SHOWN_WAIT_MS = 3000

/** The capture of `file` is the one shown (at once, or when its status arrives; false after a while). */
function whenShown(file: FileInfo): Promise<boolean> {
  const capture = useCaptureStore()
  const shown = (): boolean => capture.file?.path === file.path && capture.hasCapture
  if (shown()) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(false), SHOWN_WAIT_MS)
    const stop = watch(shown, (now) => now && finish(true))
    function finish(result: boolean): void {
      clearTimeout(timer)
      stop()
      resolve(result)
    }
  })
}

/**
 * Traffic TCP Lens makes itself: a demo scenario on 127.0.0.1, or one connection to host:port,
 * captured and opened. While it runs the dialog shows it is busy; after, the connection to show,
 * or what went wrong: `problem` (capture could not run) or `error` (the connection failed).
 */
export const useMadeConnectionStore = defineStore('madeConnection', () => {
  const busy = ref(false)
  const problem = ref<CaptureProblem | null>(null)
  const error = ref<string | null>(null)

  function reset(): void {
    problem.value = null
    error.value = null
  }

  /** The stream to show once its capture is the one open, or null (problem and error say why). */
  async function run(make: () => Promise<MadeConnection | undefined>): Promise<number | null> {
    reset()
    if (!(await useUnsavedStore().mayDiscard())) return null
    busy.value = true
    try {
      const made = await make()
      if (!made) return null
      problem.value = made.problem ?? null
      error.value = made.error ?? null
      if (!made.file || made.stream === undefined) return null
      await whenShown(made.file)
      return made.stream
    } finally {
      busy.value = false
    }
  }

  function runDemo(scenario: DemoScenario): Promise<number | null> {
    return run(() => useApiStore().request('runDemo', scenario))
  }

  function connectTo(target: ConnectTarget): Promise<number | null> {
    return run(() => useApiStore().request('connectTo', target))
  }

  return { busy, problem, error, reset, runDemo, connectTo }
})

import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { CaptureInterface, CaptureProblem, CaptureStart, LiveCaptureOptions, LiveStats, StopConditions } from '../../../preload/contract/api'
import { preferredInterface } from '../model/capture-interfaces'
import { presetFilter, type CaptureFilterPreset } from '../model/capture-filter-presets'
import { useApiStore } from './api'
import { useCaptureStore } from './capture'
import { useUnsavedStore } from './unsaved'

/** A capture filter is checked this long after the last keystroke. */
export const FILTER_CHECK_DELAY_MS = 300

/** Where the capture filter's check stands: '' is always valid (everything is captured). */
export type FilterCheckState = 'idle' | 'checking' | 'valid' | 'invalid'

/** Each stop condition as the dialog's inputs hold it (null: none). */
export interface StopInputs {
  packets: number | null
  seconds: number | null
  megabytes: number | null
}

/** The stop conditions worth sending: positive numbers only. */
export function stopConditions(inputs: StopInputs): StopConditions | undefined {
  const stop: StopConditions = {}
  for (const key of ['packets', 'seconds', 'megabytes'] as const) {
    const value = inputs[key]
    if (value !== null && Number.isFinite(value) && value > 0) stop[key] = value
  }
  return Object.keys(stop).length ? stop : undefined
}

/**
 * Live capture as the UI sees it: the interfaces, the one chosen, the capture filter and its check
 * by libpcap (debounced), the stop conditions, start / stop / restart, the latest counters of the
 * capture shown (those of another session are ignored) and the problem to explain.
 */
export const useLiveStore = defineStore('live', () => {
  const interfaces = shallowRef<CaptureInterface[]>([])
  /** False once the back end said capture cannot work here (`problem` says why). */
  const available = ref(true)
  const loadingInterfaces = ref(false)
  const chosen = ref('')
  const filter = ref('')
  const filterState = ref<FilterCheckState>('idle')
  /** libpcap's complaint about the filter (a 'bad-filter' problem), shown under the input. */
  const filterProblem = ref<CaptureProblem | null>(null)
  const stop = ref<StopInputs>({ packets: null, seconds: null, megabytes: null })
  /** Why capturing cannot start or stopped: shown with its fix. */
  const problem = ref<CaptureProblem | null>(null)
  const starting = ref(false)
  /** The options of the last capture started (Shift+Start and 'capture-start' reuse them). */
  const lastOptions = ref<LiveCaptureOptions | null>(null)
  /** The packet list follows the newest packet while capturing. */
  const autoscroll = ref(true)
  const latestStats = shallowRef<LiveStats | null>(null)
  let unsubscribe: (() => void) | null = null
  let checkTimer: ReturnType<typeof setTimeout> | null = null
  let checkRequest = 0

  const capture = useCaptureStore()
  const live = computed(() => capture.status.live)
  const capturing = computed(() => live.value?.state === 'capturing')
  /** The counters of the capture shown, if they have been heard. */
  const stats = computed(() => (latestStats.value && latestStats.value.session === capture.status.session ? latestStats.value : null))
  const chosenInterface = computed(() => interfaces.value.find((each) => each.name === chosen.value))
  const canStart = computed(() => available.value && !!chosen.value && filterState.value !== 'invalid' && !starting.value)

  function acceptStats(next: LiveStats): void {
    if (latestStats.value && next.session < latestStats.value.session) return
    latestStats.value = next
    if (next.problem && next.session >= capture.status.session) problem.value = next.problem
  }

  function listen(): void {
    unsubscribe?.()
    unsubscribe = useApiStore().current().onLive(acceptStats)
  }

  function unlisten(): void {
    unsubscribe?.()
    unsubscribe = null
  }

  async function refresh(): Promise<void> {
    loadingInterfaces.value = true
    try {
      const answer = await useApiStore().request('captureInterfaces')
      if (!answer) return
      interfaces.value = answer.interfaces
      available.value = answer.available
      problem.value = answer.available ? null : (answer.problem ?? null)
      if (!answer.interfaces.some((each) => each.name === chosen.value)) chosen.value = preferredInterface(answer.interfaces)?.name ?? ''
    } finally {
      loadingInterfaces.value = false
    }
  }

  function choose(name: string): void {
    chosen.value = name
  }

  function applyPreset(preset: CaptureFilterPreset): { filter: string; edit?: [number, number] } {
    const made = presetFilter(preset, chosenInterface.value)
    filter.value = made.filter
    return made
  }

  /** Asks libpcap now; the later of two checks wins. */
  async function checkFilter(): Promise<boolean> {
    if (checkTimer) clearTimeout(checkTimer)
    checkTimer = null
    const asked = ++checkRequest
    const text = filter.value.trim()
    if (!text || !chosen.value) {
      filterState.value = 'idle'
      filterProblem.value = null
      return true
    }
    filterState.value = 'checking'
    const answer = await useApiStore().request('checkCaptureFilter', chosen.value, text)
    if (asked !== checkRequest) return (filterState.value as FilterCheckState) !== 'invalid'
    if (!answer) {
      filterState.value = 'idle'
      return true
    }
    filterState.value = answer.ok ? 'valid' : 'invalid'
    filterProblem.value = answer.ok ? null : (answer.problem ?? null)
    // A problem that is not the filter's (no permission, no module) is the dialog's to explain.
    if (answer.problem && answer.problem.code !== 'bad-filter') problem.value = answer.problem
    return answer.ok
  }

  function scheduleCheck(): void {
    if (checkTimer) clearTimeout(checkTimer)
    checkRequest++
    filterState.value = filter.value.trim() ? 'checking' : 'idle'
    if (!filter.value.trim()) filterProblem.value = null
    checkTimer = setTimeout(() => void checkFilter(), FILTER_CHECK_DELAY_MS)
  }
  watch([filter, chosen], scheduleCheck)

  function options(): LiveCaptureOptions {
    const conditions = stopConditions(stop.value)
    return { interface: chosen.value, filter: filter.value.trim(), ...(conditions ? { stop: conditions } : {}) }
  }

  /** What a start or restart answered: the problem to show, or nothing. True when it started. */
  function took(answer: CaptureStart | undefined): boolean {
    if (!answer) return false
    problem.value = answer.problem ?? null
    if (answer.problem?.code === 'bad-filter') {
      filterState.value = 'invalid'
      filterProblem.value = answer.problem
    }
    if (answer.file) autoscroll.value = true
    return !!answer.file
  }

  async function startWith(next: LiveCaptureOptions): Promise<boolean> {
    if (!(await useUnsavedStore().mayDiscard())) return false
    starting.value = true
    try {
      lastOptions.value = next
      return took(await useApiStore().request('startCapture', next))
    } finally {
      starting.value = false
    }
  }

  /** Starts with the dialog's options (the filter checked first). True when it started. */
  async function start(): Promise<boolean> {
    if (!canStart.value) return false
    if (filterState.value !== 'valid' && !(await checkFilter())) return false
    return startWith(options())
  }

  /** Starts again with the last options; false when there are none (the dialog is needed). */
  async function startLast(): Promise<boolean> {
    if (!lastOptions.value) return false
    return startWith(lastOptions.value)
  }

  async function stopCapture(): Promise<void> {
    if (!capturing.value) return
    const next = await useApiStore().request('stopCapture')
    if (next) capture.acceptStatus(next)
  }

  async function restart(): Promise<boolean> {
    if (!live.value) return false
    if (!(await useUnsavedStore().mayDiscard())) return false
    starting.value = true
    try {
      return took(await useApiStore().request('restartCapture'))
    } finally {
      starting.value = false
    }
  }

  function setAutoscroll(on: boolean): void {
    autoscroll.value = on
  }

  function clearProblem(): void {
    problem.value = null
  }

  return {
    interfaces,
    available,
    loadingInterfaces,
    chosen,
    chosenInterface,
    filter,
    filterState,
    filterProblem,
    stop,
    problem,
    starting,
    lastOptions,
    autoscroll,
    live,
    capturing,
    stats,
    canStart,
    listen,
    unlisten,
    acceptStats,
    refresh,
    choose,
    applyPreset,
    checkFilter,
    options,
    start,
    startLast,
    stopCapture,
    restart,
    setAutoscroll,
    clearProblem,
  }
})

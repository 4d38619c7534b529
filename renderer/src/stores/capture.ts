import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { CaptureStatus, FileInfo, OpenProgress, OpenSource, RecentFile, WorkProgress } from '../../../preload/contract/api'
import { useApiStore } from './api'
import { useUnsavedStore } from './unsaved'
import { useWorkStore } from './work'

export const EMPTY_STATUS: CaptureStatus = { session: 0, state: 'empty', packets: 0, connections: 0 }

/**
 * The open capture: its status and loading progress as the back end reports them, and the
 * requests that open, cancel and close. Events of an earlier session are ignored; the progress of
 * its long requests (`work`) goes to the work store. Opening another capture or closing this one
 * asks first when its packets are not saved (stores/unsaved.ts).
 */
export const useCaptureStore = defineStore('capture', () => {
  const status = ref<CaptureStatus>({ ...EMPTY_STATUS })
  const progress = ref<OpenProgress | null>(null)
  const recentFiles = ref<RecentFile[]>([])
  /** Set while an open request is on its way (before the first event of the new session). */
  const opening = ref(false)
  let unsubscribers: Array<() => void> = []

  const state = computed(() => status.value.state)
  const isLoading = computed(() => status.value.state === 'loading')
  const hasCapture = computed(() => status.value.state === 'loading' || status.value.state === 'ready')
  const file = computed<FileInfo | undefined>(() => status.value.file)
  /** Damaged part-way: the frames before the damage are shown, with the reason. */
  const damage = computed(() => (status.value.state === 'ready' ? status.value.error : undefined))
  /** Nothing could be read (unsupported, unreadable). */
  const failure = computed(() => (status.value.state === 'failed' ? status.value.error : undefined))

  /** Takes a status unless it belongs to an older session than the one shown. */
  function acceptStatus(next: CaptureStatus): void {
    if (next.session < status.value.session) return
    if (next.session > status.value.session) progress.value = null
    status.value = next
    if (next.state !== 'loading') progress.value = null
    if (next.state === 'ready') void loadRecentFiles()
  }

  function acceptProgress(next: OpenProgress): void {
    if (next.session < status.value.session) return
    if (progress.value && next.session === progress.value.session && next.bytesRead < progress.value.bytesRead) return
    progress.value = next
  }

  /** A long request's progress, if it belongs to the session shown. */
  function acceptWork(next: WorkProgress): void {
    if (next.session === status.value.session) useWorkStore().accept(next)
  }

  async function start(): Promise<void> {
    const api = useApiStore()
    stop()
    const target = api.current()
    unsubscribers = [target.onCapture(acceptStatus), target.onProgress(acceptProgress), target.onWork(acceptWork)]
    const current = await api.request('status')
    if (current) acceptStatus(current)
    await loadRecentFiles()
  }

  function stop(): void {
    for (const unsubscribe of unsubscribers) unsubscribe()
    unsubscribers = []
  }

  async function loadRecentFiles(): Promise<void> {
    const recent = await useApiStore().request('recentFiles')
    if (recent) recentFiles.value = recent
  }

  async function open(source: OpenSource): Promise<FileInfo | null> {
    if (!(await useUnsavedStore().mayDiscard())) return null
    opening.value = true
    try {
      return (await useApiStore().request('open', source)) ?? null
    } finally {
      opening.value = false
    }
  }

  async function upload(name: string, base64: string): Promise<FileInfo | null> {
    if (!(await useUnsavedStore().mayDiscard())) return null
    opening.value = true
    try {
      return (await useApiStore().request('upload', name, base64)) ?? null
    } finally {
      opening.value = false
    }
  }

  async function cancel(): Promise<void> {
    const next = await useApiStore().request('cancelOpen')
    if (next) acceptStatus(next)
  }

  async function close(): Promise<void> {
    if (!(await useUnsavedStore().mayDiscard())) return
    const next = await useApiStore().request('close')
    if (next) acceptStatus(next)
  }

  return {
    status,
    progress,
    recentFiles,
    opening,
    state,
    isLoading,
    hasCapture,
    file,
    damage,
    failure,
    acceptStatus,
    start,
    stop,
    open,
    upload,
    cancel,
    close,
  }
})

import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { NarrativeStep } from '../../../preload/contract/api'
import { useCaptureStore } from './capture'
import { usePlaybackStore } from './playback'
import { useSelectionStore } from './selection'
import { useStreamAnswer } from './stream-answer'
import { useUiStore } from './ui'

/** How the diagram shows sequence numbers, and how it spaces the arrows. */
export type DiagramNumbers = 'relative' | 'raw'
export type DiagramSpacing = 'time' | 'compact'
/** The side panel's tabs. */
export type TeachPanel = 'explain' | 'lab' | 'quiz'

/**
 * The Diagram view: which connection it shows (its narrative in the UI language), the step
 * selected (the explanation panel tells it; its frame is selected in the list, tree and hex),
 * and the diagram's options. Playback (stores/playback.ts) reveals the steps one by one.
 */
export const useTeachStore = defineStore('teach', () => {
  const { stream, value: narrative, load, clear } = useStreamAnswer('narrative')
  /** The selected step (−1: none). */
  const selected = ref(-1)
  const numbers = ref<DiagramNumbers>('relative')
  const spacing = ref<DiagramSpacing>('time')
  /** The data phase drawn segment by segment (long ones are collapsed into one block by default). */
  const dataExpanded = ref(false)
  const panel = ref<TeachPanel>('explain')

  const steps = computed<readonly NarrativeStep[]>(() => narrative.value?.steps ?? [])
  const selectedStep = computed<NarrativeStep | undefined>(() => steps.value[selected.value])

  /** Shows a connection's diagram (its first step selected). */
  async function open(next: number): Promise<void> {
    if (stream.value !== next) {
      selected.value = -1
      dataExpanded.value = false
    }
    await load(next)
  }

  /** Selects a step, and its frame in the list, tree and hex. */
  async function selectStep(i: number): Promise<void> {
    const step = steps.value[i]
    if (!step) return
    selected.value = i
    const selection = useSelectionStore()
    if (selection.frame !== step.frame) await selection.selectFrame(step.frame)
  }

  const playback = usePlaybackStore()
  const selection = useSelectionStore()
  // Another connection: playback starts over, and the step of the packet selected is selected
  // (else the first step, with its packet). More steps of this one (it was told while its capture
  // was loading, or a live capture goes on): playback keeps its place, and one waiting at the
  // newest step goes on. The same steps in another language keep playback where it is.
  watch(narrative, (told, before) => {
    if (!told) return
    if (!before || before.stream !== told.stream) playback.load(told.steps.length, 'connection')
    else if (playback.scope === 'connection') playback.extend(told.steps.length)
    if (selected.value >= 0 || told.steps.length === 0) return
    const current = told.steps.findIndex((s) => s.frame === selection.frame)
    if (current >= 0) selected.value = current
    else void selectStep(0)
  })
  // A live capture's connection may grow: playback waits at its newest step until it stops.
  const capture = useCaptureStore()
  watch(() => capture.status.live?.state === 'capturing', (on) => playback.setGrowing(on), { immediate: true })
  // Back on the Diagram view after the flow graph, playback plays this connection again.
  const ui = useUiStore()
  watch(
    () => ui.view,
    (view) => {
      if (view === 'diagram' && narrative.value && playback.scope !== 'connection') playback.load(narrative.value.steps.length, 'connection')
    },
  )
  // Playback moves the selection with it (loading new steps does not).
  watch(
    () => playback.moves,
    () => {
      const i = playback.index
      if (playback.scope === 'connection' && i >= 0 && i < steps.value.length && i !== selected.value) void selectStep(i)
    },
  )
  // A frame selected elsewhere (the list, Go to packet) selects its step when it is one of ours.
  watch(
    () => selection.frame,
    (frame) => {
      if (frame === null) return
      const i = steps.value.findIndex((s) => s.frame === frame)
      if (i >= 0) selected.value = i
    },
  )

  return { stream, narrative, steps, selected, selectedStep, numbers, spacing, dataExpanded, panel, open, selectStep, clear }
})

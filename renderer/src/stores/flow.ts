import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { FlowGraph } from '../../../preload/contract/api'
import { useApiStore } from './api'
import { useCaptureStore } from './capture'
import { useLiveRefreshStore } from './live-refresh'
import { useMessagesStore } from './messages'
import { usePacketsStore } from './packets'
import { usePlaybackStore } from './playback'
import { useSelectionStore } from './selection'
import { useSettingsStore } from './settings'
import { useUiStore } from './ui'

/**
 * The flow graph of the view (the display filter's TCP packets between hosts), asked for while
 * the Flow graph view is shown and again when the filter, the language or the capture changes.
 * A view too large to replay is not an error to pop up: the view says so and how to narrow it.
 */
export const useFlowStore = defineStore('flow', () => {
  const graph = shallowRef<FlowGraph | null>(null)
  /** Why there is no graph (the back end's words), when it refused. */
  const problem = ref<string | null>(null)
  /** The selected row (−1: none). */
  const selected = ref(-1)
  let request = 0

  const rows = computed(() => graph.value?.rows ?? [])

  async function load(): Promise<void> {
    const asked = ++request
    const api = useApiStore()
    const result = await api.call('flowGraph', useSettingsStore().language)
    if (asked !== request) return
    if (result.ok) {
      const before = graph.value
      graph.value = result.value
      problem.value = null
      // More packets of a live capture: playback keeps its place (and one waiting goes on).
      const playback = usePlaybackStore()
      if (before && playback.scope === 'flow' && extendsRows(before.rows, result.value.rows)) playback.extend(result.value.rows.length)
      else playback.load(result.value.rows.length, 'flow')
      selected.value = Math.min(selected.value, result.value.rows.length - 1)
    } else if (result.error.code === 'unsupported') {
      graph.value = null
      problem.value = result.error.message
    } else {
      graph.value = null
      problem.value = null
      useMessagesStore().reportError(result.error)
    }
  }

  function clear(): void {
    request++
    graph.value = null
    problem.value = null
    selected.value = -1
  }

  /** Selects a row, and its frame in the list, tree and hex. */
  async function selectRow(i: number): Promise<void> {
    const row = rows.value[i]
    if (!row) return
    selected.value = i
    const selection = useSelectionStore()
    if (selection.frame !== row.frame) await selection.selectFrame(row.frame)
  }

  // What the graph on show was made from; shown again with nothing changed, it is kept.
  const ui = useUiStore()
  const capture = useCaptureStore()
  const packets = usePacketsStore()
  const settings = useSettingsStore()
  let madeFrom: readonly unknown[] = []
  const liveRefresh = useLiveRefreshStore()
  // A live capture's flow graph is drawn again as packets arrive (at most once a second).
  const source = () => [packets.view, settings.language, capture.status.session, capture.status.state, capture.status.live?.state, liveRefresh.tick] as const
  watch(() => capture.status.session, clear)
  watch(
    [() => ui.view, source],
    ([view, now]) => {
      if (view !== 'flow' || now.every((value, i) => value === madeFrom[i])) return
      madeFrom = now
      void load()
    },
    { immediate: true },
  )
  // Back on the flow graph after a diagram, playback plays the flow again.
  const playback = usePlaybackStore()
  watch(
    () => ui.view,
    (view) => {
      if (view === 'flow' && graph.value && playback.scope !== 'flow') playback.load(graph.value.rows.length, 'flow')
    },
  )
  // Playback moves the selected row with it.
  watch(
    () => playback.moves,
    () => {
      const i = playback.index
      if (playback.scope === 'flow' && i >= 0 && i !== selected.value) void selectRow(i)
    },
  )

  return { graph, problem, selected, rows, load, clear, selectRow }
})

/** The new rows are the old ones (the same frames, in order) followed by more. */
export function extendsRows(before: FlowGraph['rows'], after: FlowGraph['rows']): boolean {
  if (after.length < before.length) return false
  return before.every((row, i) => after[i]!.frame === row.frame)
}

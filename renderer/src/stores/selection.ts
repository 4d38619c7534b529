import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { FieldNode, PacketDetail } from '../../../preload/contract/api'
import { byteRangeOf, deepestCovering, findByName, findNode, type ByteRange } from '../model/tree-model'
import { useApiStore } from './api'
import { useCaptureStore } from './capture'
import { usePacketsStore } from './packets'

/**
 * What the user looks at: the selected frame (and its position in the view), its decoded
 * detail, the selected field and the bytes it covers, and the byte source shown.
 */
export const useSelectionStore = defineStore('selection', () => {
  const frame = ref<number | null>(null)
  /** The frame's row in the current view (−1: not in the view or nothing selected). */
  const position = ref(-1)
  const detail = shallowRef<PacketDetail | null>(null)
  const fieldId = ref<number | null>(null)
  /** The byte source shown in the bytes pane (a tab). */
  const sourceIndex = ref(0)
  let detailRequest = 0
  /** Bumped by every selection: a slower earlier one must not win. */
  let selectRequest = 0

  const field = computed<FieldNode | undefined>(() =>
    detail.value && fieldId.value !== null ? findNode(detail.value.tree, fieldId.value) : undefined,
  )
  const byteRange = computed<ByteRange | undefined>(() => byteRangeOf(field.value))
  /** The tcp.stream of the selected frame (−1 when it is not TCP). */
  const stream = computed(() => {
    const packets = usePacketsStore()
    const row = position.value >= 0 ? packets.rowAt(position.value) : undefined
    if (row && row.no === frame.value) return row.stream
    const node = detail.value ? findByName(detail.value.tree, 'tcp.stream') : undefined
    return node ? Number(node.value) : -1
  })

  function clear(): void {
    detailRequest++
    selectRequest++
    frame.value = null
    position.value = -1
    detail.value = null
    fieldId.value = null
    sourceIndex.value = 0
  }

  async function loadDetail(next: number): Promise<void> {
    const asked = ++detailRequest
    const answer = await useApiStore().request('packet', next)
    if (asked !== detailRequest) return
    detail.value = answer ?? null
    fieldId.value = null
    sourceIndex.value = 0
  }

  /** Selects the row at a view position (clamped to the view). */
  async function selectPosition(next: number): Promise<void> {
    const packets = usePacketsStore()
    if (packets.count === 0) return
    const clamped = Math.min(Math.max(0, Math.round(next)), packets.count - 1)
    const asked = ++selectRequest
    position.value = clamped
    const no = await packets.frameAt(clamped)
    if (no === undefined || asked !== selectRequest) return
    if (no === frame.value && detail.value) return
    frame.value = no
    await loadDetail(no)
  }

  /** Selects a frame by number (a link, Go to packet, an expert entry), wherever it is in the view. */
  async function selectFrame(no: number): Promise<boolean> {
    const asked = ++selectRequest
    const found = await useApiStore().request('positionOf', no)
    if (found === undefined || asked !== selectRequest) return false
    position.value = found
    frame.value = no
    await loadDetail(no)
    return true
  }

  function move(delta: number): Promise<void> {
    return selectPosition(position.value < 0 ? (delta > 0 ? 0 : usePacketsStore().count - 1) : position.value + delta)
  }

  function first(): Promise<void> {
    return selectPosition(0)
  }

  function last(): Promise<void> {
    return selectPosition(usePacketsStore().count - 1)
  }

  function selectField(id: number | null): void {
    fieldId.value = id
    const range = byteRangeOf(field.value)
    if (range) sourceIndex.value = range.source
  }

  /** Clicking a byte selects the deepest field covering it (nothing when none does). */
  function selectByte(source: number, offset: number): void {
    if (!detail.value) return
    sourceIndex.value = source
    fieldId.value = deepestCovering(detail.value.tree, source, offset)?.id ?? null
  }

  const packets = usePacketsStore()
  // A new view moves rows: find the selected frame again (unless another is chosen meanwhile).
  watch(
    () => packets.view,
    async () => {
      if (frame.value === null) return
      const selected = frame.value
      const asked = selectRequest
      const found = await useApiStore().request('positionOf', selected)
      if (found !== undefined && asked === selectRequest && frame.value === selected) position.value = found
    },
  )
  // A new capture, or none: nothing of the previous one stays selected.
  const capture = useCaptureStore()
  watch(() => capture.status.session, clear)
  watch(
    () => capture.hasCapture,
    (open) => {
      if (!open) clear()
    },
  )

  return { frame, position, detail, fieldId, sourceIndex, field, byteRange, stream, clear, selectPosition, selectFrame, move, first, last, selectField, selectByte }
})

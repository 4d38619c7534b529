import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import type { ColumnId, PacketRowDto, ViewSpec } from '../../../preload/contract/api'
import { useApiStore } from './api'
import { useCaptureStore } from './capture'

/** Rows per request (the contract allows up to 1000). */
export const PAGE_SIZE = 200
/** Pages kept in memory; the least recently used go first. */
export const MAX_CACHED_PAGES = 60
/** While a file loads, a filtered or sorted view is asked again at most this often. */
export const VIEW_REFRESH_MS = 500

export type SortState = ViewSpec['sort']

/** The next state of a column's header click: ascending, descending, none. */
export function nextSort(current: SortState, column: ColumnId): SortState {
  if (!current || current.column !== column) return { column, descending: false }
  if (!current.descending) return { column, descending: true }
  return undefined
}

function isDefaultView(view: ViewSpec): boolean {
  return view.stream === undefined && !view.filter && view.sort === undefined
}

/**
 * The packet list's rows: the view (display filter, order), how many rows it has, and a cache of pages
 * fetched only when shown. While a file loads the count grows with the progress events.
 */
export const usePacketsStore = defineStore('packets', () => {
  const view = ref<ViewSpec>({})
  const count = ref(0)
  const total = ref(0)
  /** Bumped whenever a page arrives or the cache is dropped: what the list re-renders on. */
  const version = ref(0)
  const pages = shallowRef(new Map<number, PacketRowDto[]>())
  const loading = new Map<number, Promise<void>>()
  /** Bumped at every view change; answers for an older generation are dropped. */
  let generation = 0
  let lastRange: [number, number] = [0, -1]
  /**
   * The setView on its way, if any. The back end answers rows from the old view until the new one
   * is built (a text sort takes seconds), so no page is asked for meanwhile.
   */
  let viewSettling: Promise<unknown> | null = null
  let refreshTimer: ReturnType<typeof setTimeout> | null = null

  function dropCache(): void {
    generation++
    pages.value.clear()
    loading.clear()
    version.value++
  }

  /** The row at a view position, if its page is here (reading it counts as a use). */
  function rowAt(position: number): PacketRowDto | undefined {
    void version.value
    const index = Math.floor(position / PAGE_SIZE)
    const page = pages.value.get(index)
    if (!page) return undefined
    pages.value.delete(index)
    pages.value.set(index, page)
    return page[position - index * PAGE_SIZE]
  }

  function pageIsStale(index: number, page: PacketRowDto[]): boolean {
    return page.length < PAGE_SIZE && index * PAGE_SIZE + page.length < count.value
  }

  function loadPage(index: number): Promise<void> {
    const pending = loading.get(index)
    if (pending) return pending
    const start = index * PAGE_SIZE
    const wanted = Math.min(PAGE_SIZE, count.value - start)
    if (wanted <= 0) return Promise.resolve()
    const asked = generation
    const request = (async () => {
      const page = await useApiStore().request('rows', start, wanted)
      if (asked !== generation) return
      loading.delete(index)
      if (!page) return
      pages.value.set(index, page.rows)
      while (pages.value.size > MAX_CACHED_PAGES) pages.value.delete(pages.value.keys().next().value as number)
      if (isDefaultView(view.value) && page.count > count.value) count.value = page.count
      version.value++
    })()
    loading.set(index, request)
    return request
  }

  /** Fetches the pages that hold view positions [first, last] and are not here yet. */
  async function ensureRange(first: number, last: number): Promise<void> {
    lastRange = [first, last]
    while (viewSettling) await viewSettling
    const end = Math.min(last, count.value - 1)
    if (end < first) return
    const wanted: Promise<void>[] = []
    for (let index = Math.floor(Math.max(0, first) / PAGE_SIZE); index <= Math.floor(end / PAGE_SIZE); index++) {
      const page = pages.value.get(index)
      if (!page || pageIsStale(index, page)) wanted.push(loadPage(index))
    }
    await Promise.all(wanted)
  }

  /** The frame number at a view position (fetching its page if needed). */
  async function frameAt(position: number): Promise<number | undefined> {
    if (position < 0 || position >= count.value) return undefined
    await ensureRange(position, position)
    return rowAt(position)?.no
  }

  /** Asks the back end for a view; answers whether it took. */
  async function setView(next: ViewSpec): Promise<boolean> {
    dropCache()
    const asked = generation
    const request = useApiStore().request('setView', next)
    const settling = (viewSettling = request)
    const info = await request
    if (viewSettling === settling) viewSettling = null
    if (asked !== generation) return false
    if (info) {
      view.value = next
      count.value = info.count
      total.value = info.total
      version.value++
    }
    // The rows were dropped (and none asked for meanwhile) even when the view was refused.
    void ensureRange(lastRange[0], lastRange[1])
    return info !== undefined
  }

  function refreshView(): Promise<boolean> {
    return setView({ ...view.value })
  }

  async function toggleSort(column: ColumnId): Promise<void> {
    await setView({ ...view.value, sort: nextSort(view.value.sort, column) })
  }

  /** The capture grew: the default view just has more rows; another view is asked again, throttled. */
  function grow(packets: number): void {
    total.value = Math.max(total.value, packets)
    if (isDefaultView(view.value)) {
      if (packets <= count.value) return
      count.value = packets
      version.value++
      void ensureRange(lastRange[0], lastRange[1])
    } else if (!refreshTimer) {
      refreshTimer = setTimeout(() => {
        refreshTimer = null
        void refreshView()
      }, VIEW_REFRESH_MS)
    }
  }

  function reset(packets: number): void {
    if (refreshTimer) clearTimeout(refreshTimer)
    refreshTimer = null
    viewSettling = null
    dropCache()
    view.value = {}
    count.value = packets
    total.value = packets
  }

  const capture = useCaptureStore()
  if (capture.hasCapture) reset(capture.status.packets)
  watch(
    () => capture.status.session,
    () => reset(capture.status.packets),
  )
  watch(
    () => [capture.status.packets, capture.progress?.packets ?? 0, capture.status.state] as const,
    ([packets, progressed, state], previous) => {
      if (state === 'empty' || state === 'failed') return reset(0)
      grow(Math.max(packets, capture.progress?.session === capture.status.session ? progressed : 0))
      if (state === 'ready' && previous?.[2] === 'loading' && !isDefaultView(view.value)) void refreshView()
    },
  )

  return { view, count, total, version, rowAt, ensureRange, frameAt, setView, toggleSort }
})

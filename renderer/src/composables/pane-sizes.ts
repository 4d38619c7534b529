// The panes' sizes (percent of the height: list, details; the bytes pane has the rest), remembered
// in localStorage across runs. The panes are stacked as in Wireshark, so the details tree and the
// hex dump both get the window's whole width (the sizes of the earlier side-by-side layout, under
// another key, are not read).
import { ref } from 'vue'

export const PANE_SIZES_KEY = 'tcplens.paneSizes.stacked'

export interface PaneSizes {
  /** Packet list's share of the height. */
  list: number
  /** Details tree's share of the height. */
  details: number
}

/** The bytes pane gets 100 − list − details: at 1280×720 about seven lines of hex. */
export const DEFAULT_PANE_SIZES: PaneSizes = { list: 46, details: 32 }
/** Where a set of sizes is kept, and its defaults: the packet list's, and the teaching views' (a taller top pane). */
export interface PaneLayout {
  key: string
  defaults: PaneSizes
}
export const LIST_LAYOUT: PaneLayout = { key: PANE_SIZES_KEY, defaults: DEFAULT_PANE_SIZES }
export const TEACH_LAYOUT: PaneLayout = { key: 'tcplens.paneSizes.teach', defaults: { list: 78, details: 13 } }

/** No pane is made smaller than this (percent). */
export const MIN_PANE_SIZE = 5

function share(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= MIN_PANE_SIZE && value <= 100 - 2 * MIN_PANE_SIZE
}

/** Sizes that leave every pane at least MIN_PANE_SIZE. */
export function validPaneSizes(value: unknown): value is PaneSizes {
  if (typeof value !== 'object' || value === null) return false
  const { list, details } = value as Partial<PaneSizes>
  return share(list) && share(details) && list + details <= 100 - MIN_PANE_SIZE
}

/** The bytes pane's share. */
export function bytesShare(sizes: PaneSizes): number {
  return 100 - sizes.list - sizes.details
}

export function loadPaneSizes(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage, layout: PaneLayout = LIST_LAYOUT): PaneSizes {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(layout.key) ?? 'null')
    return validPaneSizes(saved) ? { list: saved.list, details: saved.details } : { ...layout.defaults }
  } catch {
    return { ...layout.defaults }
  }
}

export function usePaneSizes(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage, layout: PaneLayout = LIST_LAYOUT) {
  const sizes = ref(loadPaneSizes(storage, layout))

  /** Takes the panes' sizes after a drag (list, details, bytes), and keeps them if they make sense. */
  function remember(panes: ReadonlyArray<{ size: number }>): void {
    const next = { list: panes[0]?.size, details: panes[1]?.size }
    if (!validPaneSizes(next)) return
    sizes.value = next
    try {
      storage?.setItem(layout.key, JSON.stringify(next))
    } catch {
      // Storage can be full or denied; the sizes still hold for this run.
    }
  }

  return { sizes, remember }
}

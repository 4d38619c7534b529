// The panes' sizes (percent), remembered in localStorage across runs.
import { ref } from 'vue'

export const PANE_SIZES_KEY = 'tcplens.paneSizes'

export interface PaneSizes {
  /** Packet list's share of the height. */
  list: number
  /** Details tree's share of the lower part's width. */
  tree: number
}

export const DEFAULT_PANE_SIZES: PaneSizes = { list: 50, tree: 55 }

function valid(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 5 && value <= 95
}

export function loadPaneSizes(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): PaneSizes {
  try {
    const saved = JSON.parse(storage?.getItem(PANE_SIZES_KEY) ?? 'null') as Partial<PaneSizes> | null
    return { list: valid(saved?.list) ? saved.list : DEFAULT_PANE_SIZES.list, tree: valid(saved?.tree) ? saved.tree : DEFAULT_PANE_SIZES.tree }
  } catch {
    return { ...DEFAULT_PANE_SIZES }
  }
}

export function usePaneSizes() {
  const sizes = ref(loadPaneSizes())

  function remember(part: keyof PaneSizes, size: number | undefined): void {
    if (!valid(size)) return
    sizes.value = { ...sizes.value, [part]: size }
    try {
      globalThis.localStorage?.setItem(PANE_SIZES_KEY, JSON.stringify(sizes.value))
    } catch {
      // Storage can be full or denied; the sizes still hold for this run.
    }
  }

  return { sizes, remember }
}

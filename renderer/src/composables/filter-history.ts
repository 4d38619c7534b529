// The filters the user applied, most recent first, each once, kept across restarts with the
// preferences (filterHistory, saved by the back end) and in the page's localStorage (for a page
// whose preferences have none yet).

export const HISTORY_LIMIT = 30
export const HISTORY_KEY = 'tcplens.filterHistory'

type Store = Pick<Storage, 'getItem' | 'setItem'>

/** The history with `filter` at its head (moved there if it was already in it). */
export function remember(history: readonly string[], filter: string, limit = HISTORY_LIMIT): string[] {
  const text = filter.trim()
  if (!text) return [...history]
  return [text, ...history.filter((each) => each !== text)].slice(0, limit)
}

/** The page's storage, when it has one it may use (none in some sandboxes). */
export function pageStorage(): Store | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage
  } catch {
    return undefined
  }
}

/** The saved history; anything unreadable counts as none. */
export function loadHistory(storage: Store | undefined = pageStorage()): string[] {
  try {
    const saved: unknown = JSON.parse(storage?.getItem(HISTORY_KEY) ?? '[]')
    if (!Array.isArray(saved)) return []
    return saved.filter((each): each is string => typeof each === 'string' && each.trim() !== '').slice(0, HISTORY_LIMIT)
  } catch {
    return []
  }
}

/** Saves the history (a full or refused storage only loses it). */
export function saveHistory(history: readonly string[], storage: Store | undefined = pageStorage()): void {
  try {
    storage?.setItem(HISTORY_KEY, JSON.stringify(history))
  } catch {
    // Nothing else to do: the history just is not kept.
  }
}

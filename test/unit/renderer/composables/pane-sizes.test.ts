import { describe, expect, it } from 'vitest'
import { bytesShare, DEFAULT_PANE_SIZES, loadPaneSizes, PANE_SIZES_KEY, usePaneSizes } from '../../../../renderer/src/composables/pane-sizes'

const storage = (value: string | null) => ({ getItem: (key: string) => (key === PANE_SIZES_KEY ? value : null) })

function memoryStorage() {
  const items = new Map<string, string>()
  return { items, getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) }
}

describe('composables/pane-sizes', () => {
  it('should read the sizes remembered last time', () => {
    expect(loadPaneSizes(storage(JSON.stringify({ list: 62, details: 25 })))).toEqual({ list: 62, details: 25 })
  })

  it('should fall back to the defaults for anything missing, out of range or unreadable', () => {
    expect(loadPaneSizes(storage(null))).toEqual(DEFAULT_PANE_SIZES)
    expect(loadPaneSizes(storage(JSON.stringify({ list: 100, details: 'x' })))).toEqual(DEFAULT_PANE_SIZES)
    expect(loadPaneSizes(storage(JSON.stringify({ list: 60, details: 38 })))).toEqual(DEFAULT_PANE_SIZES)
    expect(loadPaneSizes(storage('{not json'))).toEqual(DEFAULT_PANE_SIZES)
  })

  it('should stack list, details and bytes with a readable bytes pane by default', () => {
    expect(DEFAULT_PANE_SIZES.list + DEFAULT_PANE_SIZES.details + bytesShare(DEFAULT_PANE_SIZES)).toBe(100)
    expect(bytesShare(DEFAULT_PANE_SIZES)).toBeGreaterThanOrEqual(20)
  })

  it('should remember the three panes after a drag, and ignore sizes that hide a pane', () => {
    const store = memoryStorage()
    const { sizes, remember } = usePaneSizes(store)
    remember([{ size: 40 }, { size: 35 }, { size: 25 }])
    expect(sizes.value).toEqual({ list: 40, details: 35 })
    expect(JSON.parse(store.items.get(PANE_SIZES_KEY)!)).toEqual({ list: 40, details: 35 })
    remember([{ size: 60 }, { size: 38 }, { size: 2 }])
    expect(sizes.value).toEqual({ list: 40, details: 35 })
    expect(usePaneSizes(store).sizes.value).toEqual({ list: 40, details: 35 })
  })
})

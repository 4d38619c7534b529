import { describe, expect, it } from 'vitest'
import { DEFAULT_PANE_SIZES, loadPaneSizes, PANE_SIZES_KEY } from '../../../../renderer/src/composables/pane-sizes'

const storage = (value: string | null) => ({ getItem: (key: string) => (key === PANE_SIZES_KEY ? value : null) })

describe('composables/pane-sizes', () => {
  it('should read the sizes remembered last time', () => {
    expect(loadPaneSizes(storage(JSON.stringify({ list: 62, tree: 40 })))).toEqual({ list: 62, tree: 40 })
  })

  it('should fall back to the defaults for anything missing, out of range or unreadable', () => {
    expect(loadPaneSizes(storage(null))).toEqual(DEFAULT_PANE_SIZES)
    expect(loadPaneSizes(storage(JSON.stringify({ list: 100, tree: 'x' })))).toEqual(DEFAULT_PANE_SIZES)
    expect(loadPaneSizes(storage('{not json'))).toEqual(DEFAULT_PANE_SIZES)
  })
})

import { describe, expect, it } from 'vitest'
import {
  isScaled,
  lastFirstRow,
  MAX_SCROLL_HEIGHT,
  maxScrollTop,
  rowWindow,
  scrollTopForFirst,
  scrollTopToReveal,
  spacerHeight,
} from '../../../../renderer/src/composables/virtual-scroll'

const small = { count: 1000, rowHeight: 20, viewportHeight: 400 }
const huge = { count: 2_000_000, rowHeight: 20, viewportHeight: 400 }

describe('composables/virtual-scroll', () => {
  it('should give the spacer the full height of a list that fits', () => {
    expect(spacerHeight(small)).toBe(20_000)
    expect(isScaled(small)).toBe(false)
    expect(rowWindow(small, 210)).toEqual({ first: 10, rendered: 21, top: 200 })
  })

  it('should cap the spacer of a huge list and map the scroll position proportionally', () => {
    expect(spacerHeight(huge)).toBe(MAX_SCROLL_HEIGHT)
    expect(isScaled(huge)).toBe(true)
    expect(rowWindow(huge, 0).first).toBe(0)
    expect(rowWindow(huge, maxScrollTop(huge)).first).toBe(huge.count - 20)
    expect(rowWindow(huge, maxScrollTop(huge))).toEqual({ first: 1_999_980, rendered: 20, top: maxScrollTop(huge) })
  })

  it('should find the scroll position of a first row, and back', () => {
    for (const first of [0, 1, 12_345, 999_999, lastFirstRow(huge)]) {
      expect(rowWindow(huge, scrollTopForFirst(huge, first)).first).toBe(first)
    }
    expect(scrollTopForFirst(small, 10)).toBe(200)
  })

  it('should scroll as little as needed to reveal a row', () => {
    expect(scrollTopToReveal(small, 0, 5)).toBe(0)
    expect(scrollTopToReveal(small, 0, 20)).toBe(20)
    expect(scrollTopToReveal(small, 400, 3)).toBe(60)
    const revealed = scrollTopToReveal(huge, 0, 1_000_000)
    const window = rowWindow(huge, revealed)
    expect(1_000_000).toBeGreaterThanOrEqual(window.first)
    expect(1_000_000).toBeLessThan(window.first + 20)
  })

  it('should draw nothing for an empty view', () => {
    expect(rowWindow({ ...small, count: 0 }, 0)).toEqual({ first: 0, rendered: 0, top: 0 })
  })

  it('should draw the one row of a one-row view, and every row of a view that exactly fills the viewport', () => {
    expect(rowWindow({ ...small, count: 1 }, 0)).toEqual({ first: 0, rendered: 1, top: 0 })
    expect(rowWindow({ ...small, count: 1 }, 500)).toEqual({ first: 0, rendered: 1, top: 0 })
    const page = { ...small, count: 20 }
    expect(maxScrollTop(page)).toBe(0)
    expect(rowWindow(page, 0)).toEqual({ first: 0, rendered: 20, top: 0 })
    expect(scrollTopToReveal(page, 0, 19)).toBe(0)
  })

  it('should still end at the last row when the viewport grows while scrolled to the end', () => {
    const taller = { ...small, viewportHeight: 600 }
    const window = rowWindow(taller, maxScrollTop(small))
    expect(window.first + window.rendered).toBe(small.count)
    expect(window.top).toBe(maxScrollTop(taller))
    const hugeTaller = { ...huge, viewportHeight: 600 }
    const scaled = rowWindow(hugeTaller, maxScrollTop(huge))
    expect(scaled).toEqual({ first: huge.count - 30, rendered: 30, top: maxScrollTop(hugeTaller) })
  })
})

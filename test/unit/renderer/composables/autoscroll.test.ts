import { describe, expect, it } from 'vitest'
import { autoscrollAfterScroll, isAtBottom, newestScrollTop } from '../../../../renderer/src/composables/autoscroll'

// 100 rows of 20 px in a 200 px viewport: the bottom is at scrollTop 1800.
const GEOMETRY = { count: 100, rowHeight: 20, viewportHeight: 200 }

describe('composables/autoscroll', () => {
  it('should scroll to the newest packet', () => {
    expect(newestScrollTop(GEOMETRY)).toBe(1800)
    expect(newestScrollTop({ ...GEOMETRY, count: 5 })).toBe(0)
  })

  it('should know when the last row is in view', () => {
    expect(isAtBottom(GEOMETRY, 1800)).toBe(true)
    expect(isAtBottom(GEOMETRY, 1795)).toBe(true)
    expect(isAtBottom(GEOMETRY, 1700)).toBe(false)
  })

  it('should turn off when the user scrolls up away from the newest packet', () => {
    expect(autoscrollAfterScroll(true, 1800, 1500, GEOMETRY)).toBe(false)
  })

  it('should stay on for a scroll down, or a small move that stays at the bottom', () => {
    expect(autoscrollAfterScroll(true, 1500, 1800, GEOMETRY)).toBe(true)
    expect(autoscrollAfterScroll(true, 1800, 1796, GEOMETRY)).toBe(true)
  })

  it('should stay off once off (the toggle turns it on again)', () => {
    expect(autoscrollAfterScroll(false, 1500, 1800, GEOMETRY)).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import type { SequenceArrow } from '../../../../renderer/src/diagram/sequence-types'
import { WINDOW_ABOVE, arrowHeadPoints, arrowsToDraw, isRevealed, labelAngle, travelPoint } from '../../../../renderer/src/diagram/sequence-view'

const arrow = (index: number, y1: number, y2 = y1 + 30): SequenceArrow => ({ index, x1: 100, y1, x2: 500, y2 }) as SequenceArrow

describe('diagram/sequence-view', () => {
  it('should reveal what a step causes at departure at once, and what it causes at arrival when the segment arrives', () => {
    const at = (revealed: number, travel: number) => ({ revealed, travel })
    expect(isRevealed({ index: -1, at: 'start' }, at(-1, 0))).toBe(true)
    expect(isRevealed({ index: 2, at: 'departure' }, at(2, 0))).toBe(true)
    expect(isRevealed({ index: 2, at: 'arrival' }, at(2, 0.5))).toBe(false)
    expect(isRevealed({ index: 2, at: 'arrival' }, at(2, 1))).toBe(true)
    expect(isRevealed({ index: 2, at: 'arrival' }, at(3, 0))).toBe(true)
    expect(isRevealed({ index: 3, at: 'departure' }, at(2, 1))).toBe(false)
  })

  it('should draw only revealed arrows', () => {
    const arrows = [arrow(0, 10), arrow(1, 50), arrow(2, 90)]
    expect(arrowsToDraw(arrows, 1, 0, 1000).map((a) => a.index)).toEqual([0, 1])
    expect(arrowsToDraw(arrows, -1, 0, 1000)).toEqual([])
  })

  it('should draw only the arrows in the scrolled window of a long diagram', () => {
    const arrows = Array.from({ length: WINDOW_ABOVE + 600 }, (_, i) => arrow(i, i * 40))
    const drawn = arrowsToDraw(arrows, arrows.length, 4000, 4800)
    expect(drawn.length).toBeLessThan(30)
    expect(drawn[0]!.y2).toBeGreaterThanOrEqual(4000)
    expect(drawn.at(-1)!.y1).toBeLessThanOrEqual(4800)
  })

  it('should move the travelling segment along its arrow', () => {
    expect(travelPoint(arrow(0, 100, 200), 0)).toEqual({ x: 100, y: 100 })
    expect(travelPoint(arrow(0, 100, 200), 0.5)).toEqual({ x: 300, y: 150 })
    expect(travelPoint(arrow(0, 100, 200), 2)).toEqual({ x: 500, y: 200 })
  })

  it('should point the arrowhead at the receiver and lay labels along the arrow, read left to right', () => {
    expect(arrowHeadPoints(arrow(0, 100, 100), 10).startsWith('500,100 ')).toBe(true)
    expect(labelAngle({ x1: 0, y1: 0, x2: 100, y2: 100 })).toBeCloseTo(45)
    expect(labelAngle({ x1: 100, y1: 0, x2: 0, y2: 100 })).toBeCloseTo(-45)
  })
})

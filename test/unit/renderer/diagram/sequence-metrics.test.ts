import { describe, expect, it } from 'vitest'
import { fittedRem, MIN_FIT_REM, sequenceColumns, sequenceMetrics } from '../../../../renderer/src/diagram/sequence-metrics'

describe('diagram/sequence-metrics: fitting the pane', () => {
  it('should keep the font-scale’s size when the diagram fits, and shrink it (down to a readable size) when not', () => {
    const widthAt = (rem: number) => sequenceColumns(sequenceMetrics(rem)).width
    expect(fittedRem(19.5, widthAt(19.5) + 10)).toBe(19.5)
    const fitted = fittedRem(19.5, 700)
    expect(fitted).toBeLessThan(19.5)
    expect(widthAt(fitted)).toBeCloseTo(700, 6)
    expect(fittedRem(19.5, 100)).toBe(MIN_FIT_REM)
    expect(fittedRem(19.5, 0)).toBe(19.5)
  })
})

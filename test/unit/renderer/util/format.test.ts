import { describe, expect, it } from 'vitest'
import { formatPercent } from '../../../../renderer/src/util/format'

describe('util/format', () => {
  it("should write a share of the packets with one decimal, as Wireshark's status bar does", () => {
    expect(formatPercent(31, 31)).toBe('100.0%')
    expect(formatPercent(2, 31)).toBe('6.5%')
    expect(formatPercent(0, 2_000_000)).toBe('0.0%')
    expect(formatPercent(1_999_999, 2_000_000, 'zh-CN')).toBe('100.0%')
  })

  it('should write nothing when there is no whole to share', () => {
    expect(formatPercent(0, 0)).toBe('')
  })
})

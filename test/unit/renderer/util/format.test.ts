import { describe, expect, it } from 'vitest'
import { formatBytes, formatPercent } from '../../../../renderer/src/util/format'

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

  it('should give a size in the largest binary unit under 1,024, for the locale to word', () => {
    expect(formatBytes(512)).toEqual({ unit: 'bytes', value: '512' })
    expect(formatBytes(1024)).toEqual({ unit: 'kib', value: '1.00' })
    expect(formatBytes(12.3 * 1024 * 1024)).toEqual({ unit: 'mib', value: '12.3' })
    expect(formatBytes(300 * 1024 ** 3)).toEqual({ unit: 'gib', value: '300' })
  })
})

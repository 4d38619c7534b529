import { describe, expect, it } from 'vitest'
import { formatRowTime, formatTimeOfDay } from '../../../../renderer/src/composables/time-format'

const row = { time: 1.5, delta: 0.000123, epoch: 1_700_000_000.123456 }

describe('composables/time-format', () => {
  it('should print relative and delta seconds with six decimals, as Wireshark', () => {
    expect(formatRowTime(row, 'relative')).toBe('1.500000')
    expect(formatRowTime(row, 'delta')).toBe('0.000123')
  })

  it('should print epoch seconds with six decimals', () => {
    expect(formatRowTime(row, 'epoch')).toBe('1700000000.123456')
  })

  it('should print the local time of day with microseconds', () => {
    const date = new Date(1_700_000_000_000)
    const expected = [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')
    expect(formatRowTime(row, 'absolute')).toBe(`${expected}.123456`)
  })

  it('should carry microseconds that round up to a whole second', () => {
    expect(formatTimeOfDay(1_700_000_000 + 0.9999996).endsWith('.000000')).toBe(true)
  })

  it('should leave the cell empty when the record has no time', () => {
    expect(formatRowTime({ time: null, delta: null, epoch: null }, 'relative')).toBe('')
    expect(formatRowTime({ time: null, delta: null, epoch: null }, 'absolute')).toBe('')
  })
})

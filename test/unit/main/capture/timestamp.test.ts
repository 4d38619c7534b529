import { describe, expect, it } from 'vitest'
import type { TsResolution } from '../../../../main/capture/source'
import { decodeTsResolution, encodeTsResolution, TickClock, ticksFor, unitsPerSecond } from '../../../../main/capture/timestamp'

/** Wireshark's conversion, written the slow and obvious way with BigInt. */
function reference(high: number, low: number, resolution: TsResolution, tsOffset = 0): [number, number] {
  const ticks = (BigInt(high) << 32n) | BigInt(low)
  const units = unitsPerSecond(resolution)
  const sec = BigInt.asIntN(64, ticks / units)
  const nsec = (((ticks % units) * 1_000_000_000n) & ((1n << 64n) - 1n)) / units
  return [Number(sec) + tsOffset, Number(nsec)]
}

function convert(high: number, low: number, resolution: TsResolution, tsOffset = 0): [number, number] {
  const clock = new TickClock(resolution, tsOffset)
  clock.convert(high, low)
  return [clock.sec, clock.nsec]
}

/** A small deterministic generator, so the sweep is the same on every run. */
function* words(count: number): Generator<[number, number]> {
  let x = 0x9e3779b9
  const next = () => (x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0)
  const edges = [0, 1, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff, 999_999_999, 1_000_000_000]
  for (const h of edges) for (const l of edges) yield [h, l]
  for (let i = 0; i < count; i++) yield [next() >>> (next() % 32), next()]
}

describe('capture/timestamp', () => {
  it('should decode if_tsresol: the high bit means 2^-n, else 10^-n', () => {
    expect(decodeTsResolution(6)).toEqual({ base: 10, exponent: 6 })
    expect(decodeTsResolution(0x80 | 30)).toEqual({ base: 2, exponent: 30 })
    expect(encodeTsResolution({ base: 2, exponent: 30 })).toBe(0x9e)
    expect(encodeTsResolution({ base: 10, exponent: 9 })).toBe(9)
  })

  it('should use 2^64 - 1 units for resolutions finer than 64 bits can count, as Wireshark does', () => {
    expect(unitsPerSecond({ base: 10, exponent: 19 })).toBe(10n ** 19n)
    expect(unitsPerSecond({ base: 10, exponent: 20 })).toBe((1n << 64n) - 1n)
    expect(unitsPerSecond({ base: 2, exponent: 63 })).toBe(1n << 63n)
    expect(unitsPerSecond({ base: 2, exponent: 64 })).toBe((1n << 64n) - 1n)
  })

  const resolutions: TsResolution[] = [
    ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 19, 20, 127].map((exponent) => ({ base: 10 as const, exponent })),
    ...[0, 1, 10, 11, 16, 20, 23, 24, 29, 30, 32, 34, 35, 37, 40, 63, 64, 127].map((exponent) => ({ base: 2 as const, exponent })),
  ]
  it.each(resolutions.map((r) => [`${r.base}^-${r.exponent}`, r] as const))('should convert ticks at %s exactly as Wireshark does', (_name, resolution) => {
    for (const [high, low] of words(300)) expect(convert(high, low, resolution, 7), `${high}:${low}`).toEqual(reference(high, low, resolution, 7))
  })

  it('should write the smallest tick count that reads back as the same nanoseconds', () => {
    for (const resolution of [{ base: 10, exponent: 6 }, { base: 10, exponent: 9 }, { base: 2, exponent: 20 }, { base: 2, exponent: 32 }] as TsResolution[]) {
      const units = Number(unitsPerSecond(resolution))
      for (const k of [0, 1, 2, units / 3, units - 1].map(Math.floor)) {
        const nsec = Number((BigInt(k) * 1_000_000_000n) / BigInt(units))
        const { high, low } = ticksFor(1000, nsec, resolution)
        expect(convert(high, low, resolution)).toEqual([1000, nsec])
      }
    }
  })

  it('should subtract if_tsoffset when writing', () => {
    const { high, low } = ticksFor(1000, 5000, { base: 10, exponent: 6 }, 400)
    expect([high, low]).toEqual([0, 600_000_005])
  })
})

// pcapng timestamps: 64-bit tick counts in an interface's if_tsresol units, turned into
// (seconds, nanoseconds) exactly as Wireshark's wiretap does it, so frame.time_epoch matches:
//   units = base ** exponent (uint64; 2^-64 and finer, 10^-20 and finer become 2^64 - 1)
//   secs  = ticks / units + if_tsoffset
//   nsecs = ((ticks % units) * 1e9, wrapping at 2^64) / units       (integer divisions)
// Microsecond and nanosecond interfaces, which are nearly all of them, take an exact Number
// path (no BigInt per frame); other resolutions are checked once and fall back to BigInt
// only where Numbers could not be exact.

import type { TsResolution } from './source'

const TWO_64 = 1n << 64n
const TWO_32 = 2 ** 32

/** The if_tsresol option byte: the high bit selects 2^-n, else 10^-n. */
export function decodeTsResolution(byte: number): TsResolution {
  return byte & 0x80 ? { base: 2, exponent: byte & 0x7f } : { base: 10, exponent: byte }
}

export function encodeTsResolution(resolution: TsResolution): number {
  return resolution.base === 2 ? 0x80 | resolution.exponent : resolution.exponent
}

/** Ticks per second for a resolution, with Wireshark's ceiling for absurd exponents. */
export function unitsPerSecond(resolution: TsResolution): bigint {
  const { base, exponent } = resolution
  if ((base === 2 && exponent < 64) || (base === 10 && exponent < 20)) return BigInt(base) ** BigInt(exponent)
  return TWO_64 - 1n
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b]
  return a
}

/** Converts tick counts of one interface; the result lands in `sec` and `nsec` (no allocation). */
export class TickClock {
  sec = 0
  nsec = 0
  private readonly units: number
  private readonly unitsBig: bigint
  /** nsec = floor(rest * nsecScale / unitsReduced): the fraction 1e9/units in lowest terms. */
  private readonly nsecScale: number
  private readonly unitsReduced: number
  private readonly exact: boolean

  constructor(
    resolution: TsResolution,
    private readonly tsOffset = 0,
  ) {
    this.unitsBig = unitsPerSecond(resolution)
    this.units = Number(this.unitsBig)
    const g = this.unitsBig <= 2n ** 40n ? gcd(this.units, 1e9) : 1
    this.nsecScale = 1e9 / g
    this.unitsReduced = this.units / g
    // Long division in 16-bit steps stays below 2^53 while units <= 2^37; the nanosecond product
    // rest * nsecScale < units * nsecScale must stay below 2^53 too, and Wireshark's own product
    // rest * 1e9 must not wrap at 2^64 (units <= 18446744073). With units >= 2^11 the seconds
    // stay below 2^53 (and below time_t's 2^63, past which Wireshark's seconds turn negative).
    this.exact =
      this.units >= 2 ** 11 && this.units <= 18_446_744_073 && this.units * this.nsecScale <= 2 ** 53
  }

  /** Converts the tick count high * 2^32 + low. */
  convert(high: number, low: number): void {
    if (!this.exact) return this.convertBig(high, low)
    const u = this.units
    const q1 = Math.floor(high / u)
    let r = high - q1 * u
    let x = r * 65536 + (low >>> 16)
    const q2 = Math.floor(x / u)
    r = x - q2 * u
    x = r * 65536 + (low & 0xffff)
    const q3 = Math.floor(x / u)
    r = x - q3 * u
    this.sec = q1 * TWO_32 + q2 * 65536 + q3 + this.tsOffset
    this.nsec = Math.floor((r * this.nsecScale) / this.unitsReduced)
  }

  private convertBig(high: number, low: number): void {
    const ticks = (BigInt(high) << 32n) | BigInt(low)
    const u = this.unitsBig
    this.sec = Number(BigInt.asIntN(64, ticks / u)) + this.tsOffset
    this.nsec = Number((((ticks % u) * 1_000_000_000n) % TWO_64) / u)
  }
}

/**
 * The tick count a writer stores for (sec, nsec): the smallest one that reads back as nsec,
 * so any nanosecond value the resolution can express round-trips. Throws a RangeError when
 * the time does not fit in 64 bits of ticks.
 */
export function ticksFor(sec: number, nsec: number, resolution: TsResolution, tsOffset = 0): { high: number; low: number } {
  const units = unitsPerSecond(resolution)
  const whole = BigInt(sec - tsOffset) * units
  let fraction = (BigInt(nsec) * units + 999_999_999n) / 1_000_000_000n
  // A nanosecond value the resolution cannot express must not spill into the next second.
  if (fraction >= units) fraction = units - 1n
  const ticks = whole + fraction
  if (ticks < 0n || ticks >= TWO_64) throw new RangeError(`time ${sec}.${nsec} does not fit a 64-bit pcapng timestamp`)
  return { high: Number(ticks >> 32n), low: Number(ticks & 0xffffffffn) }
}

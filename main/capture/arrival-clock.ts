// Timestamps for live packets. cap reports no capture time, so each packet is stamped when its
// callback runs: wall time read once when the clock starts, advanced by the monotonic
// high-resolution clock. Stamps are in microseconds and never go backwards within a run (a
// wall-clock step, NTP for example, does not reorder packets); their precision is that of
// event-loop delivery, about 0.1 ms: fine for handshakes, not for microsecond RTTs.

export class ArrivalClock {
  private readonly anchorMicros: number
  private readonly anchorHr: bigint

  constructor(
    wallMs: () => number = preciseWallMs,
    private readonly hrNow: () => bigint = process.hrtime.bigint,
  ) {
    this.anchorHr = hrNow()
    this.anchorMicros = Math.round(wallMs() * 1000)
  }

  /** Microseconds since the epoch, now (a safe integer until the year 2255). */
  nowMicros(): number {
    return this.anchorMicros + Number((this.hrNow() - this.anchorHr) / 1000n)
  }
}

/** Splits epoch microseconds into the seconds and nanoseconds a capture file stores. */
export function splitMicros(micros: number): { sec: number; nsec: number } {
  const sec = Math.floor(micros / 1e6)
  return { sec, nsec: (micros - sec * 1e6) * 1000 }
}

/**
 * The wall clock with a fraction of a millisecond: Date.now() counts whole milliseconds, which
 * would put every stamp of a run up to 1 ms off. performance.timeOrigin + performance.now() has
 * microseconds, but its origin was read when the process started: when the wall clock was set
 * since (NTP), it no longer agrees with Date.now(), and Date.now() is the one to believe.
 */
export function preciseWallMs(): number {
  const precise = performance.timeOrigin + performance.now()
  const coarse = Date.now()
  return Math.abs(precise - coarse) < 1 ? precise : coarse
}

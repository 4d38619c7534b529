// Rates over the last second or so: samples of running totals, taken on each stats tick; the
// rate is the growth between the oldest sample still in the window and the newest.

interface Sample {
  at: number
  packets: number
  bytes: number
}

export class RateWindow {
  private readonly samples: Sample[] = []

  constructor(private readonly windowMs = 1000) {}

  /** Records the totals at time `at` (ms) and answers the rates per second over the window. */
  sample(at: number, packets: number, bytes: number): { packetsPerSecond: number; bytesPerSecond: number } {
    this.samples.push({ at, packets, bytes })
    while (this.samples.length > 2 && at - this.samples[1].at >= this.windowMs) this.samples.shift()
    const oldest = this.samples[0]
    const span = at - oldest.at
    if (span <= 0) return { packetsPerSecond: 0, bytesPerSecond: 0 }
    return { packetsPerSecond: ((packets - oldest.packets) * 1000) / span, bytesPerSecond: ((bytes - oldest.bytes) * 1000) / span }
  }
}

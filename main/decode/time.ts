// Exact time arithmetic on (seconds, nanoseconds) pairs: no float rounding in the 9 decimals.
import type { Timestamp } from './field'

const NS = 1_000_000_000

/** a − b, normalised so that 0 ≤ nsec < 1e9 (a negative difference has a negative sec). */
export function timeDiff(a: Timestamp, b: Timestamp): Timestamp {
  return timeDiffInto({ sec: 0, nsec: 0 }, a, b)
}

/** timeDiff(a, b) written into `out` (no new object); returns `out`. */
export function timeDiffInto(out: Timestamp, a: Timestamp, b: Timestamp): Timestamp {
  let sec = a.sec - b.sec
  let nsec = a.nsec - b.nsec
  if (nsec < 0) {
    nsec += NS
    sec -= 1
  }
  out.sec = sec
  out.nsec = nsec
  return out
}

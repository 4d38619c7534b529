// Growable typed-array columns for the session's per-frame side tables (next to PacketIndex):
// one row per frame, room doubled when full, nothing allocated per frame.

export type NumberArray = Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array | Int8Array

/** `array` with room for at least `rows` rows: itself, or a copy twice as large (or more). */
export function withRoom<T extends NumberArray>(array: T, rows: number): T {
  if (rows <= array.length) return array
  let size = Math.max(16, array.length * 2)
  while (size < rows) size *= 2
  const grown = new (array.constructor as new (size: number) => T)(size)
  grown.set(array)
  return grown
}

/** A list of numbers that only grows (appended in order), in one typed array. */
export class GrowingList<T extends NumberArray> {
  length = 0

  constructor(private values: T) {}

  push(value: number): void {
    this.values = withRoom(this.values, this.length + 1)
    this.values[this.length++] = value
  }

  at(i: number): number {
    return this.values[i]!
  }

  /** The filled part (a view: valid until the next push). */
  view(): T {
    return this.values.subarray(0, this.length) as T
  }
}

/** The first position in sorted `values[0, length)` whose value is ≥ `wanted`. */
export function lowerBound(values: ArrayLike<number>, length: number, wanted: number): number {
  let lo = 0
  let hi = length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid]! < wanted) lo = mid + 1
    else hi = mid
  }
  return lo
}

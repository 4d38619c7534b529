// A hash table from four 32-bit words to a non-negative number, in typed arrays (open addressing,
// linear probing, doubled at half full). The TCP tracker finds a segment's conversation here
// once per segment, and numbers IPv6 addresses here, without making a string or an object.

const EMPTY = -1

export class KeyTable {
  /** Four words per slot. */
  private keys: Int32Array
  /** The value of each slot, EMPTY when the slot is free. */
  private values: Int32Array
  private mask: number
  /** Keys stored. */
  size = 0

  constructor(initialCapacity = 1024) {
    let capacity = 16
    while (capacity < initialCapacity) capacity *= 2
    this.keys = new Int32Array(capacity * 4)
    this.values = new Int32Array(capacity).fill(EMPTY)
    this.mask = capacity - 1
  }

  /** The value stored for the key, or −1. */
  get(a: number, b: number, c: number, d: number): number {
    const keys = this.keys
    const values = this.values
    let slot = hash(a, b, c, d) & this.mask
    for (;;) {
      const value = values[slot]!
      if (value === EMPTY) return EMPTY
      const k = slot * 4
      if (keys[k] === (a | 0) && keys[k + 1] === (b | 0) && keys[k + 2] === (c | 0) && keys[k + 3] === (d | 0)) return value
      slot = (slot + 1) & this.mask
    }
  }

  /** Stores `value` (≥ 0) for the key, replacing what was there. */
  set(a: number, b: number, c: number, d: number, value: number): void {
    if (value < 0) throw new RangeError(`a key table stores values ≥ 0, not ${value}`)
    const keys = this.keys
    const values = this.values
    let slot = hash(a, b, c, d) & this.mask
    for (;;) {
      const k = slot * 4
      if (values[slot] === EMPTY) {
        keys[k] = a
        keys[k + 1] = b
        keys[k + 2] = c
        keys[k + 3] = d
        values[slot] = value
        if (++this.size * 2 > values.length) this.grow()
        return
      }
      if (keys[k] === (a | 0) && keys[k + 1] === (b | 0) && keys[k + 2] === (c | 0) && keys[k + 3] === (d | 0)) {
        values[slot] = value
        return
      }
      slot = (slot + 1) & this.mask
    }
  }

  private grow(): void {
    const oldKeys = this.keys
    const oldValues = this.values
    const capacity = oldValues.length * 2
    this.keys = new Int32Array(capacity * 4)
    this.values = new Int32Array(capacity).fill(EMPTY)
    this.mask = capacity - 1
    this.size = 0
    for (let slot = 0; slot < oldValues.length; slot++) {
      const value = oldValues[slot]!
      if (value === EMPTY) continue
      const k = slot * 4
      this.set(oldKeys[k]!, oldKeys[k + 1]!, oldKeys[k + 2]!, oldKeys[k + 3]!, value)
    }
  }
}

/** Mixes the four words (murmur3's constants); any good spread will do. */
function hash(a: number, b: number, c: number, d: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0xcc9e2d51)
  h = Math.imul(h ^ (h >>> 15) ^ b, 0x1b873593)
  h = Math.imul(h ^ (h >>> 13) ^ c, 0xcc9e2d51)
  h = Math.imul(h ^ (h >>> 15) ^ d, 0x1b873593)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  return h ^ (h >>> 13)
}

/**
 * Numbers the distinct IPv6 addresses it is shown (0, 1, 2 …), so a pair of them fits the four
 * words of a conversation key.
 */
export class AddressNumbers {
  private readonly table = new KeyTable(256)

  /** The number of the 16-byte address at `at`. */
  of(bytes: Uint8Array, at: number): number {
    const a = word(bytes, at)
    const b = word(bytes, at + 4)
    const c = word(bytes, at + 8)
    const d = word(bytes, at + 12)
    let id = this.table.get(a, b, c, d)
    if (id < 0) {
      id = this.table.size
      this.table.set(a, b, c, d, id)
    }
    return id
  }
}

function word(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!
}

// What a mutator is, and the small edits they share. A mutator turns one seed into one damaged
// capture and says, in a line, what it did (the report and the saved file's name carry it).
import { gzipCapture } from '../../../main/capture/writer'
import { MAX_CAPLEN } from '../../../main/capture/source'
import type { Corpus, Seed } from '../corpus'
import type { LengthSite } from '../layout'
import type { Random } from '../../fixtures/random'

export interface Mutation {
  bytes: Uint8Array
  /** One line: what was changed, and where. */
  what: string
  /** The seed the bytes come from, when the mutator chose another than the one drawn. */
  seed?: string
}

export interface Mutator {
  /** Short, kebab-case: the report's row and part of a saved input's file name. */
  name: string
  mutate(seed: Seed, random: Random, corpus: Corpus): Mutation
}

/** The values that hurt most in a length, an offset or a count, by width. */
export const INTERESTING: Record<1 | 2 | 4, readonly number[]> = {
  1: [0, 1, 4, 5, 0x0f, 0x10, 0x3f, 0x40, 0x7f, 0x80, 0xf0, 0xff],
  2: [0, 1, 4, 8, 20, 40, 0x7fff, 0x8000, 0xfffe, 0xffff],
  4: [0, 1, 4, 8, 11, 12, 13, 16, 28, 0xffff, 0x10000, MAX_CAPLEN, MAX_CAPLEN + 1, 0x7fffffff, 0x80000000, 0xfffffff0, 0xfffffffc, 0xffffffff],
}

export const hex = (n: number) => `0x${(n >>> 0).toString(16)}`

/** Writes `value` into `bytes` at a site (only the masked bits of a bit field); returns the value it held. */
export function writeSite(bytes: Uint8Array, site: LengthSite, value: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const read = () => (site.size === 1 ? view.getUint8(site.offset) : site.size === 2 ? view.getUint16(site.offset, site.littleEndian) : view.getUint32(site.offset, site.littleEndian))
  const before = read()
  let next = value >>> 0
  if (site.bitmask !== undefined) {
    const shift = Math.log2(site.bitmask & -site.bitmask)
    next = ((before & ~site.bitmask) | ((value << shift) & site.bitmask)) >>> 0
  }
  if (site.size === 1) view.setUint8(site.offset, next & 0xff)
  else if (site.size === 2) view.setUint16(site.offset, next & 0xffff, site.littleEndian)
  else view.setUint32(site.offset, next, site.littleEndian)
  return site.bitmask !== undefined ? (before & site.bitmask) >>> Math.log2(site.bitmask & -site.bitmask) : before
}

/** A structure-aware mutation of a gzip seed is compressed again, most of the time (the gzip path reads it). */
export function asStored(seed: Seed, plain: Uint8Array, what: string, random: Random): Mutation {
  if (seed.gzip && random.chance(0.7)) return { bytes: gzipCapture(plain), what: `${what}, gzipped` }
  return { bytes: plain, what }
}

/** A copy of `bytes` with `insert` put at `at`. */
export function inserted(bytes: Uint8Array, at: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + insert.length)
  out.set(bytes.subarray(0, at))
  out.set(insert, at)
  out.set(bytes.subarray(at), at + insert.length)
  return out
}

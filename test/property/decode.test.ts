// Properties of decodeFrame over generated inputs: whatever the bytes and whatever the link type,
// it returns a tree (never throws, never hangs), every field points inside the captured bytes, and every
// field can be shown, as a tree line and as `tcplens fields` prints it.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RawFrame } from '../../main/capture/source'
import { decodeFrame } from '../../main/decode/frame'
import { walkFields } from '../../main/decode/field'
import { fieldDisplay, fieldLabel } from '../../main/decode/format'
import { catalogueFrames } from './seed-frames'

const LINK_TYPES = [0, 1, 12, 14, 101, 108, 113, 228, 229, 276, 147]

function raw(bytes: Uint8Array, linkType: number, origLen = bytes.length): RawFrame {
  return { no: 1, tsSec: 1_700_000_000, tsNsec: 0, capLen: bytes.length, origLen, linkType, interfaceId: 0, bytes, fileOffset: 0 }
}

/** Decodes and checks the invariants every decoded frame must hold. */
function decodeAndCheck(frame: RawFrame): void {
  const decoded = decodeFrame(frame)
  expect(decoded.tree[0]?.name ?? decoded.tree[1]?.name).toMatch(/^(frame|pkt_comment)$/)
  const limit = frame.capLen
  walkFields(decoded.tree, (field) => {
    expect(field.offset).toBeGreaterThanOrEqual(0)
    expect(field.length).toBeGreaterThanOrEqual(0)
    if (field.length > 0 && !field.generated) expect(field.offset + field.length, field.name).toBeLessThanOrEqual(limit)
    expect(typeof fieldDisplay(field)).toBe('string')
    expect(typeof fieldLabel(field)).toBe('string')
  })
  expect(typeof decoded.columns.info).toBe('string')
  expect(typeof decoded.columns.protocol).toBe('string')
}

describe('decode/frame properties', () => {
  it('should decode any bytes on any link type without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...LINK_TYPES), fc.integer({ min: -40, max: 40 }), (bytes, linkType, extra) => {
        decodeAndCheck(raw(bytes, linkType, Math.max(0, bytes.length + extra)))
      }),
      { numRuns: 3000 },
    )
  })

  it('should decode real frames with bytes changed, cut or appended without throwing', async () => {
    const seeds = await catalogueFrames()
    expect(seeds.length).toBeGreaterThan(100)
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(),
        fc.uint8Array({ maxLength: 16 }),
        (seed, changes, cut, tail) => {
          const bytes = seed.bytes.slice()
          for (const [at, value] of changes) if (bytes.length) bytes[at % bytes.length] = value
          const kept = bytes.length ? bytes.subarray(0, cut % (bytes.length + 1)) : bytes
          const mutated = new Uint8Array([...kept, ...tail])
          decodeAndCheck({ ...seed, bytes: mutated, capLen: mutated.length, origLen: Math.max(seed.origLen, mutated.length) })
          decodeAndCheck({ ...seed, bytes: mutated, capLen: mutated.length, origLen: mutated.length })
        },
      ),
      { numRuns: 3000 },
    )
  })
})

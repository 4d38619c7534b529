// Property of the fast pass's header walk (main/decode/headers.ts): on real frames with bytes
// changed, cut short, or with another frame length or link type, it hands the TCP tracker a
// segment exactly when the full decoder does, and the very same one. The fixtures test the
// walk on well-formed and deliberately odd packets; this tests where both stop on damage.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RawFrame } from '../../main/capture/source'
import { HeaderWalk, walkHeaders } from '../../main/decode/headers'
import { fixture } from '../fixtures/catalog'
import { readClean } from '../unit/main/capture/read-all'
import { catalogueFrames } from './seed-frames'
import { segmentOfOneFrame, segmentsOfFrames } from '../unit/main/session/two-passes'

const LINK_TYPES = [0, 1, 12, 14, 101, 108, 113, 228, 229, 276]

describe('session/index-pass properties', () => {
  let seeds: RawFrame[] = []
  beforeAll(async () => {
    seeds = (await catalogueFrames()).map((f) => ({ ...f, no: 1 }))
  })

  it('should track a damaged frame exactly when, and as, the full decoder does', () => {
    expect(seeds.length).toBeGreaterThan(100)
    let tracked = 0
    let untracked = 0
    fc.assert(
      fc.property(
        fc.nat(),
        // Changes mostly in the first 100 bytes, where the link, IP and TCP headers are.
        fc.array(fc.tuple(fc.nat({ max: 99 }), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.option(fc.nat(), { freq: 2 }),
        fc.integer({ min: -30, max: 60 }),
        fc.option(fc.constantFrom(...LINK_TYPES), { freq: 4 }),
        (pick, changes, cut, origDelta, linkType) => {
          const seed = seeds[pick % seeds.length]!
          const bytes = seed.bytes.slice()
          for (const [at, value] of changes) if (at < bytes.length) bytes[at] = value
          const kept = cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1))
          const raw: RawFrame = {
            ...seed,
            bytes: kept,
            capLen: kept.length,
            origLen: Math.max(0, seed.origLen + origDelta),
            linkType: linkType ?? seed.linkType,
          }
          const { decoded, indexed } = segmentOfOneFrame(raw)
          expect(indexed).toEqual(decoded)
          if (decoded) tracked++
          else untracked++
        },
      ),
      { numRuns: 5000 },
    )
    // Both outcomes were exercised, many times.
    expect(tracked).toBeGreaterThan(500)
    expect(untracked).toBeGreaterThan(500)
  })

  it('should stop where the full decoder stops inside IPv4 options and IPv6 extension headers', () => {
    // Frames whose IP header has options or extension headers, and where that header starts.
    const walk = new HeaderWalk()
    const withOptions: Array<{ frame: RawFrame; ipAt: number }> = []
    for (const frame of seeds) {
      walkHeaders(frame.bytes, frame.origLen, frame.linkType, walk)
      if (walk.addressLength === 4 && (frame.bytes[walk.addressAt - 12]! & 0x0f) > 5) withOptions.push({ frame, ipAt: walk.addressAt - 12 })
      if (walk.addressLength === 16 && [0, 43, 44, 60].includes(frame.bytes[walk.addressAt - 2]!)) withOptions.push({ frame, ipAt: walk.addressAt - 8 })
    }
    expect(withOptions.length).toBeGreaterThan(10)
    fc.assert(
      fc.property(
        fc.nat(),
        // Cut anywhere from the IP header to a little past where TCP would start.
        fc.nat({ max: 140 }),
        fc.array(fc.tuple(fc.nat({ max: 80 }), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
        (pick, cut, changes) => {
          const { frame, ipAt } = withOptions[pick % withOptions.length]!
          const bytes = frame.bytes.slice(0, Math.min(frame.bytes.length, ipAt + cut))
          for (const [at, value] of changes) if (ipAt + 20 + at < bytes.length) bytes[ipAt + 20 + at] = value
          const raw: RawFrame = { ...frame, bytes, capLen: bytes.length }
          const { decoded, indexed } = segmentOfOneFrame(raw)
          expect(indexed).toEqual(decoded)
        },
      ),
      { numRuns: 5000 },
    )
  })

  it('should reassemble damaged, reordered, repeated and missing IP fragments exactly as the full decoder does', async () => {
    // The frames of the fragment fixtures (IPv4 TCP and UDP, IPv6 with extension headers).
    const frames: RawFrame[] = []
    for (const name of ['ipv4-fragments-tcp', 'ipv4-fragments-udp', 'ipv6-extension-headers']) {
      frames.push(...(await readClean(fixture(name).bytes())).frames)
    }
    let reassembled = 0
    fc.assert(
      fc.property(
        // A sequence of those frames, in any order, any may repeat or be left out.
        fc.array(fc.nat({ max: frames.length - 1 }), { minLength: 1, maxLength: 12 }),
        // Changes in the IP headers (bytes 14 … 80) of some of them, and cuts.
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 14, max: 80 }), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
        fc.option(fc.tuple(fc.nat(), fc.nat()), { freq: 3 }),
        fc.boolean(),
        (picks, changes, cut, reassembleIp) => {
          const raws = picks.map((k) => ({ ...frames[k]!, bytes: frames[k]!.bytes.slice() }))
          for (const [which, at, value] of changes) {
            const raw = raws[which % raws.length]!
            if (at < raw.bytes.length) raw.bytes[at] = value
          }
          if (cut) {
            const raw = raws[cut[0] % raws.length]!
            raw.bytes = raw.bytes.subarray(0, cut[1] % (raw.bytes.length + 1))
            raw.capLen = raw.bytes.length
          }
          const { decoded, indexed } = segmentsOfFrames(raws, { reassembleIp })
          expect(indexed).toEqual(decoded)
          if (decoded.some((d) => (d as { segment: { length: number } }).segment.length >= 1000)) reassembled++
        },
      ),
      { numRuns: 3000 },
    )
    // Whole fragmented segments were reassembled in many runs.
    expect(reassembled).toBeGreaterThan(50)
  })
})

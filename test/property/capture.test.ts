// Properties of the capture readers and writers, over generated inputs:
// (a) whatever the bytes, reading ends in frames or one clean CaptureError (never another
//     exception, never a hang), and what it yields is well formed;
// (b) what the writers write reads back the same: every byte, length, interface and time.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { openFrameAccessBytes } from '../../main/capture/access'
import { openCaptureBytes } from '../../main/capture/open'
import { drain } from '../unit/main/capture/read-all'
import { CaptureError, MAX_CAPLEN, type RawFrame, type TsResolution } from '../../main/capture/source'
import { unitsPerSecond } from '../../main/capture/timestamp'
import {
  encodePcap,
  encodePcapng,
  gzipCapture,
  type FrameToWrite,
  type PcapngInterfaceToWrite,
  type PcapngSectionToWrite,
} from '../../main/capture/writer'

const PCAP_HEADER = encodePcap([], { linkType: 1 })
const PCAPNG_HEAD = encodePcapng({ interfaces: [{ linkType: 1, snapLen: 0 }], frames: [] })

interface Outcome {
  frames: RawFrame[]
  error?: CaptureError
}

/** Reads to the end; anything thrown that is not a CaptureError fails the property. */
async function outcome(bytes: Uint8Array, chunkSize: number): Promise<Outcome> {
  const frames: RawFrame[] = []
  let reader
  try {
    reader = await openCaptureBytes(bytes, { chunkSize })
  } catch (err) {
    if (err instanceof CaptureError) return { frames, error: err }
    throw err
  }
  return drain(reader)
}

function wellFormed({ frames, error }: Outcome): void {
  frames.forEach((f, i) => {
    expect(f.no).toBe(i + 1)
    expect(f.capLen).toBe(f.bytes.length)
    expect(f.capLen).toBeLessThanOrEqual(MAX_CAPLEN)
    expect(Number.isInteger(f.tsSec)).toBe(true)
    expect(f.tsNsec >= 0 && f.tsNsec < 1e9 && Number.isInteger(f.tsNsec)).toBe(true)
    expect(f.fileOffset).toBeGreaterThanOrEqual(0)
  })
  if (error) {
    expect(error.message).not.toMatch(/\n/)
    expect(error.message.length).toBeGreaterThan(0)
  }
}

const chunkSizes = fc.oneof(fc.constantFrom(1, 3, 16, 1 << 20), fc.integer({ min: 1, max: 600 }))
const noise = fc.uint8Array({ maxLength: 600 })

/** The u32 values that hurt most when they land in a length or id field. */
const nastyU32 = fc.constantFrom(0, 1, 4, 8, 11, 12, 13, 16, 28, 0xffff, MAX_CAPLEN, MAX_CAPLEN + 1, 0x7fffffff, 0x80000000, 0xfffffff0, 0xffffffff)

type Mutation = { kind: 'flip'; at: number; value: number } | { kind: 'u32'; at: number; value: number } | { kind: 'cut'; at: number } | { kind: 'insert'; at: number; bytes: Uint8Array }
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('u32' as const), at: fc.nat(), value: nastyU32 }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
)

function mutate(file: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = file.slice()
  for (const m of mutations) {
    if (out.length === 0) break
    const at = m.at % out.length
    if (m.kind === 'flip') out[at] = m.value
    else if (m.kind === 'u32' && at + 4 <= out.length) new DataView(out.buffer, out.byteOffset).setUint32(at, m.value, (m.at & 1) === 0)
    else if (m.kind === 'cut') out = out.slice(0, at)
    else if (m.kind === 'insert') out = new Uint8Array([...out.subarray(0, at), ...m.bytes, ...out.subarray(at)])
  }
  return out
}

// ---------------------------------------------------------------- generated captures

// Resolutions whose ticks Wireshark turns into nanoseconds without wrapping its 64-bit product
// (units <= 2^64 / 1e9): every tick count is then exactly one (sec, nsec).
const resolutions: TsResolution[] = [
  ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((exponent) => ({ base: 10 as const, exponent })),
  ...[0, 1, 8, 10, 16, 20, 24, 30, 32, 33, 34].map((exponent) => ({ base: 2 as const, exponent })),
]

/** A time an interface can hold exactly: a whole tick count, in nanoseconds as Wireshark floors it. */
function timeAt(resolution: TsResolution, tsOffset: number): fc.Arbitrary<{ tsSec: number; tsNsec: number }> {
  const units = unitsPerSecond(resolution)
  const maxSec = Number((1n << 64n) / units - 1n)
  return fc
    .record({ rel: fc.integer({ min: 0, max: Math.min(maxSec, 2 ** 33) }), tick: fc.bigInt({ min: 0n, max: units - 1n }) })
    .map(({ rel, tick }) => ({ tsSec: rel + tsOffset, tsNsec: Number((tick * 1_000_000_000n) / units) }))
}

const packetBytes = fc.uint8Array({ maxLength: 300 })
const comment = fc.string({ unit: 'grapheme', maxLength: 20 }).filter((s) => !s.includes('\0'))

const iface: fc.Arbitrary<PcapngInterfaceToWrite & { tsResolution: TsResolution; tsOffset: number }> = fc.record({
  linkType: fc.integer({ min: 0, max: 0xffff }),
  snapLen: fc.constantFrom(0, 65535, 262144),
  tsResolution: fc.constantFrom(...resolutions),
  tsOffset: fc.integer({ min: -1_000_000, max: 1_000_000 }),
  name: fc.option(fc.string({ maxLength: 10 }).filter((s) => !s.includes('\0')), { nil: undefined }),
})

function framesFor(interfaces: Array<{ tsResolution: TsResolution; tsOffset: number }>, withComments: boolean): fc.Arbitrary<FrameToWrite[]> {
  const one = fc.integer({ min: 0, max: interfaces.length - 1 }).chain((interfaceId) =>
    fc.record({
      interfaceId: fc.constant(interfaceId),
      time: timeAt(interfaces[interfaceId].tsResolution, interfaces[interfaceId].tsOffset),
      bytes: packetBytes,
      extra: fc.nat({ max: 2000 }),
      comments: withComments ? fc.option(fc.array(comment, { minLength: 1, maxLength: 3 }), { nil: undefined }) : fc.constant(undefined),
    }),
  )
  return fc.array(one, { maxLength: 12 }).map((list) =>
    list.map(({ interfaceId, time, bytes, extra, comments }) => ({ ...time, interfaceId, bytes, origLen: bytes.length + extra, comments })),
  )
}

const section: fc.Arbitrary<PcapngSectionToWrite> = fc
  .record({ bigEndian: fc.boolean(), interfaces: fc.array(iface, { minLength: 1, maxLength: 3 }), packetBlock: fc.constantFrom('epb' as const, 'pb' as const) })
  .chain((s) => framesFor(s.interfaces, true).map((frames) => ({ ...s, frames })))

const pcapFile = fc
  .record({
    nanosecond: fc.boolean(),
    bigEndian: fc.boolean(),
    linkType: fc.integer({ min: 0, max: 0xffff }),
    frames: fc.array(
      fc.record({ tsSec: fc.integer({ min: 0, max: 0xffffffff }), micros: fc.integer({ min: 0, max: 999_999_999 }), bytes: packetBytes, extra: fc.nat({ max: 2000 }) }),
      { maxLength: 12 },
    ),
  })
  .map(({ nanosecond, bigEndian, linkType, frames }) => ({
    options: { nanosecond, bigEndian, linkType },
    frames: frames.map((f) => ({
      tsSec: f.tsSec,
      tsNsec: nanosecond ? f.micros : Math.floor(f.micros / 1000) * 1000,
      bytes: f.bytes,
      origLen: f.bytes.length + f.extra,
    })),
  }))

const anyCapture = fc.oneof(
  pcapFile.map((p) => encodePcap(p.frames, p.options)),
  fc.array(section, { minLength: 1, maxLength: 3 }).map((s) => encodePcapng(s)),
)

// ---------------------------------------------------------------- (a) robustness

describe('capture (property): any input ends in frames or a clean CaptureError', () => {
  const settle = async (bytes: Uint8Array, chunkSize: number) => wellFormed(await outcome(bytes, chunkSize))

  it('should survive any byte string', async () => {
    await fc.assert(fc.asyncProperty(noise, chunkSizes, settle), { numRuns: 400 })
  })

  it('should survive any bytes after a valid pcap header', async () => {
    await fc.assert(fc.asyncProperty(noise, chunkSizes, (tail, chunk) => settle(new Uint8Array([...PCAP_HEADER, ...tail]), chunk)), { numRuns: 400 })
  })

  it('should survive any bytes after a valid section header and interface', async () => {
    await fc.assert(fc.asyncProperty(noise, chunkSizes, (tail, chunk) => settle(new Uint8Array([...PCAPNG_HEAD, ...tail]), chunk)), { numRuns: 400 })
  })

  it('should survive random damage to valid files, plain or gzipped, and give the same answer for any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(anyCapture, fc.array(mutation, { minLength: 1, maxLength: 4 }), chunkSizes, fc.boolean(), async (file, mutations, chunk, gzip) => {
        const damaged = mutate(file, mutations)
        const bytes = gzip ? gzipCapture(damaged) : damaged
        const small = await outcome(bytes, chunk)
        wellFormed(small)
        const whole = await outcome(bytes, 1 << 20)
        expect(small.frames).toEqual(whole.frames)
        expect(small.error?.message).toEqual(whole.error?.message)
      }),
      { numRuns: 300 },
    )
  })

  it('should read every streamed frame of a damaged file again by its offset', async () => {
    await fc.assert(
      fc.asyncProperty(anyCapture, fc.array(mutation, { maxLength: 3 }), async (file, mutations) => {
        const damaged = mutate(file, mutations)
        const reader = await openCaptureBytes(damaged, { chunkSize: 64 }).catch(() => undefined)
        if (!reader) return
        const frames: RawFrame[] = []
        try {
          for await (const f of reader.frames()) frames.push({ ...f, bytes: f.bytes.slice() })
        } catch (err) {
          if (!(err instanceof CaptureError)) throw err
        }
        const access = await openFrameAccessBytes(damaged, reader.info)
        for (const f of frames) expect(await access.read(f.fileOffset, f.no)).toEqual(f)
        await access.close()
        await reader.close()
      }),
      { numRuns: 200 },
    )
  })
})

// ---------------------------------------------------------------- (b) round trips

describe('capture (property): what the writers write reads back the same', () => {
  it('should round-trip pcap, microseconds and nanoseconds, both byte orders', async () => {
    await fc.assert(
      fc.asyncProperty(pcapFile, chunkSizes, async ({ options, frames }, chunk) => {
        const { frames: read, error } = await outcome(encodePcap(frames, options), chunk)
        expect(error).toBeUndefined()
        expect(read.map((f) => [f.tsSec, f.tsNsec, f.origLen, f.linkType, f.interfaceId, f.bytes])).toEqual(
          frames.map((f) => [f.tsSec, f.tsNsec, f.origLen, options.linkType, 0, f.bytes]),
        )
      }),
      { numRuns: 200 },
    )
  })

  it('should round-trip pcapng sections with any exactly representable resolution, offset, interface and comments', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(section, { minLength: 1, maxLength: 3 }), chunkSizes, fc.boolean(), async (sections, chunk, gzip) => {
        const file = encodePcapng(sections)
        const { frames: read, error } = await outcome(gzip ? gzipCapture(file) : file, chunk)
        expect(error).toBeUndefined()
        const expected = sections.flatMap((s, index) => {
          const first = sections.slice(0, index).reduce((n, earlier) => n + earlier.interfaces.length, 0)
          return s.frames.map((f) => [f.tsSec, f.tsNsec, f.origLen, first + (f.interfaceId ?? 0), s.interfaces[f.interfaceId ?? 0].linkType, f.comments, f.bytes])
        })
        expect(read.map((f) => [f.tsSec, f.tsNsec, f.origLen, f.interfaceId, f.linkType, f.comments, f.bytes])).toEqual(expected)
      }),
      { numRuns: 200 },
    )
  })
})

// The fast index pass against the full decoder: on every capture of the fixture catalogue and of
// the shared corpus (../shared/captures), the TCP tracker gets the same segments, in the same
// order, and says the same about each; and the packet index agrees with the decoded frames.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { NET, NET_MASK, TRANSPORT, TRANSPORT_MASK } from '../../../../main/decode/headers'
import { openCaptureBytes } from '../../../../main/capture/open'
import { indexCapture } from '../../../../main/session/index-pass'
import { ROW_MARK, type PacketIndex } from '../../../../main/session/packet-index'
import { FIXTURES, fixture } from '../../../fixtures/catalog'
import { describeSharedCaptures } from '../../../conformance/captures-dir'
import { runDecodePass, runIndexPass, type DecodedSummary, type PassOptions } from './two-passes'

/** Both passes over the bytes, compared in full. Returns how many segments were tracked. */
async function expectSamePasses(bytes: Uint8Array, options: PassOptions = {}): Promise<number> {
  const decoded = await runDecodePass(bytes, options)
  const indexed = await runIndexPass(bytes, options)
  expect(indexed.error).toBe(decoded.error)
  expect(indexed.segments.length).toBe(decoded.segments.length)
  // Element by element first, so a failure names the first segment that differs.
  for (let i = 0; i < decoded.segments.length; i++) {
    expect(indexed.segments[i], `segment ${i}`).toEqual(decoded.segments[i])
    expect(indexed.analyses[i], `analysis of segment ${i}`).toEqual(decoded.analyses[i])
  }
  expect(indexed.conversations).toEqual(decoded.conversations)
  if (indexed.index) expectIndexMatches(indexed.index, decoded.frames)
  else expect(decoded.frames).toEqual([])
  return decoded.segments.length
}

/** Each row of the index says what the full decoder said about its frame. */
function expectIndexMatches(index: PacketIndex, frames: DecodedSummary[]): void {
  expect(index.length).toBe(frames.length)
  frames.forEach((f, i) => {
    const row = index.row(i)
    const where = `frame ${i + 1}`
    expect(row.frame, where).toBe(f.raw.no)
    expect([row.fileOffset, row.capLen, row.origLen], where).toEqual([f.raw.fileOffset, f.raw.capLen, f.raw.origLen])
    expect(row.hasTimestamp, where).toBe(!f.raw.noTimestamp)
    expect([row.tsSec, row.tsNsec], where).toEqual([f.raw.tsSec, f.raw.tsNsec])
    expect(row.stream, where).toBe(f.stream)
    if (f.ipVersion) expect(row.net, where).toBe(f.ipVersion === 4 ? NET.IPV4 : NET.IPV6)
    if (f.tcpHeader) expect(row.transport, where).toBe(TRANSPORT.TCP)
    if (f.analysis) {
      expect(row.tcpFlags, where).toBe(f.tcpFlags)
      const { seq, ack, window, relative, flags } = f.analysis
      expect({ seq: row.seq, ack: row.ack, window: row.window, relative: row.relative, verdicts: row.verdicts }, where).toEqual({ seq, ack, window, relative, verdicts: flags })
      expect(row.payloadLength, where).toBe(f.segmentLength)
    }
  })
}

describe('session/index-pass: the same TCP segments and analysis as the full decoder', () => {
  for (const f of FIXTURES) {
    it(`${f.file}`, async () => {
      await expectSamePasses(f.bytes())
    })
  }

  // With IP reassembly off too (each fragment as captured), where it makes a difference.
  for (const f of FIXTURES.filter((f) => /fragment|ipv6-extension/.test(f.name))) {
    it(`${f.file}, IP reassembly off`, async () => {
      await expectSamePasses(f.bytes(), { reassembleIp: false })
    })
  }

  it('tracks every segment of the TCP fixtures (the comparison is not vacuous)', async () => {
    const counts = await Promise.all(FIXTURES.filter((f) => f.name.startsWith('tcp-')).map((f) => runIndexPass(f.bytes())))
    expect(counts.reduce((n, run) => n + run.segments.length, 0)).toBeGreaterThan(250)
    // Reassembled (the default): the first fragment is no segment, the frame that completes the
    // datagram carries the whole one.
    const reassembled = await runIndexPass(fixture('ipv4-fragments-tcp').bytes())
    const whole = reassembled.segments.map((s) => s as { frame: number; length: number })
    expect(whole.map((s) => s.frame)).not.toContain(4)
    expect(whole.find((s) => s.frame === 5)?.length).toBe(1600)
    expect(reassembled.index!.row(3).stream).toBe(-1)
    expect(reassembled.index!.row(3).transport).toBe(TRANSPORT.FRAGMENT)
    expect(reassembled.index!.row(4).transport).toBe(TRANSPORT.TCP)
    expect(reassembled.index!.row(4).payloadLength).toBe(1600)
    // Not reassembled: the first fragment's segment has no length; a later fragment is no segment.
    const fragments = await runIndexPass(fixture('ipv4-fragments-tcp').bytes(), { reassembleIp: false })
    const lengths = fragments.segments.map((s) => (s as { frame: number; length: number }))
    expect(lengths.filter((s) => s.length === -1).map((s) => s.frame)).toEqual([4])
    expect(lengths.map((s) => s.frame)).not.toContain(5)
    expect(fragments.index!.row(4).stream).toBe(-1)
    expect(fragments.index!.row(4).transport).toBe(TRANSPORT.FRAGMENT)
  })
})

describeSharedCaptures('session/index-pass on the shared captures', 'the fast pass is compared on the fixtures only', (dir, names) => {
  it('finds the corpus', () => {
    expect(names.length).toBeGreaterThan(0)
  })
  for (const name of names) {
    it(name, async () => {
      await expectSamePasses(readFileSync(join(dir, name)))
    })
  }
})

describe('session/index-pass: indexCapture', () => {
  it('reports progress after each batch, up to every frame and byte', async () => {
    const bytes = fixture('tcp-scenario-four-way-close').bytes()
    const reader = await openCaptureBytes(bytes, { chunkSize: 128 })
    const seen: number[] = []
    const { index } = await indexCapture(reader, { onProgress: (p) => seen.push(p.frames) })
    expect(seen.length).toBeGreaterThan(1)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
    expect(seen.at(-1)).toBe(index.length)
  })

  it('keeps the frames before damage and returns the damage instead of throwing', async () => {
    const damaged = FIXTURES.find((f) => f.expect?.error === 'truncated' && f.expect.frames > 0)!
    const reader = await openCaptureBytes(damaged.bytes())
    const { index, error } = await indexCapture(reader)
    expect(error?.code).toBe('truncated')
    expect(index.length).toBe(damaged.expect!.frames)
  })

  it('runs only the TCP engine when asked for no index', async () => {
    const bytes = fixture('tcp-scenario-port-reuse').bytes()
    const full = await runIndexPass(bytes)
    const reader = await openCaptureBytes(bytes)
    let segments = 0
    const { index, tracker } = await indexCapture(reader, { index: false, onSegment: () => segments++ })
    expect(index.length).toBe(0)
    expect(segments).toBe(full.segments.length)
    expect(tracker.conversations.map((c) => c.completeness)).toEqual(full.conversations.map((c) => (c as { completeness: number }).completeness))
  })

  it('marks frames without a timestamp and keeps the class bits apart', async () => {
    const tcp = (await runIndexPass(fixture('tcp-scenario-four-way-close').bytes())).index!
    for (let i = 0; i < tcp.length; i++) {
      expect(tcp.kind[i]! & NET_MASK).toBe(NET.IPV4)
      expect(tcp.kind[i]! & TRANSPORT_MASK).toBe(TRANSPORT.TCP)
      expect(tcp.kind[i]! & ROW_MARK.NO_TIMESTAMP).toBe(0)
    }
    // A pcapng Simple Packet Block has no time.
    const spb = (await runIndexPass(fixture('pcapng-spb').bytes())).index!
    expect(spb.length).toBeGreaterThan(0)
    expect(spb.rows(0, spb.length).every((row) => !row.hasTimestamp)).toBe(true)
  })
})

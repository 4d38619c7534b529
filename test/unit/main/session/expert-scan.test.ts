// Expert Info without a full decode of every frame (expert-scan.ts) against the full decode it
// replaces: on every generated fixture, on frames damaged on purpose and on the shared corpus
// (when present), the entries, their counts and their evidence frames are identical, whether the
// frames to decode are read by file offset or by streaming the file again. Also: which frames
// count as plain TCP segments, and when the scan reads by file offset.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ExpertInfo } from '../../../../preload/contract/dto'
import { openCaptureBytes } from '../../../../main/capture/open'
import { CaptureError } from '../../../../main/capture/source'
import { encodePcap, type FrameToWrite } from '../../../../main/capture/writer'
import { DecodePass } from '../../../../main/decode/pass'
import { ExpertCollector } from '../../../../main/session/expert-info'
import { expertStrategy, scanExpertItems, type ExpertStrategy } from '../../../../main/session/expert-scan'
import { describeSharedCaptures } from '../../../conformance/captures-dir'
import { FIXTURES } from '../../../fixtures/catalog'
import { damageFrames } from '../../../fixtures/damage'
import { tcpOption } from '../../../fixtures/packets'
import { SegmentBuilder } from '../../../fixtures/segments'
import { CaptureFiles } from './capture-files'
import { indexBytes } from './full-pass'

const files = new CaptureFiles()
afterAll(() => files.remove())

/** Expert Info as a full decode of every frame files it (what SessionCore did before). */
async function fullDecodeExpertInfo(bytes: Uint8Array): Promise<ExpertInfo> {
  const collector = new ExpertCollector()
  const reader = await openCaptureBytes(bytes)
  const pass = new DecodePass(reader.info)
  try {
    for await (const batch of reader.batches()) for (const raw of batch) collector.add(pass.decode(raw))
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error
  } finally {
    await reader.close()
  }
  return collector.result()
}

interface ScanFigures {
  frames: number
  /** Frames whose items were named from the columns. */
  plain: number
  /** Expert items in all. */
  items: number
}

/** Both ways of the scan equal the full decode; undefined when the bytes are not a capture. */
async function expectSameExpertInfo(name: string, bytes: Uint8Array): Promise<ScanFigures | undefined> {
  const session = await indexBytes(bytes)
  if (!session) {
    await expect(openCaptureBytes(bytes), `${name}: the session does not open it: nor does the full decode`).rejects.toBeInstanceOf(CaptureError)
    return undefined
  }
  try {
    const path = files.bytes(name, bytes)
    const reference = await fullDecodeExpertInfo(bytes)
    const source = { path, packets: session.indexer.frames, indexer: session.indexer, decoder: session.decoder }
    for (const strategy of ['random-access', 'stream'] as ExpertStrategy[]) {
      const collector = new ExpertCollector()
      await scanExpertItems(source, collector, () => true, { strategy })
      expect(collector.result(), `${name} (${strategy})`).toEqual(reference)
    }
    let plain = 0
    for (let frame = 1; frame <= source.packets; frame++) if (session.indexer.expertMarks.isPlain(frame)) plain++
    return { frames: source.packets, plain, items: reference.entries.reduce((n, e) => n + e.count, 0) }
  } finally {
    await session.close()
  }
}

describe('session/expert-scan: the same expert info as a full decode of every frame', () => {
  for (const f of FIXTURES) {
    it(`${f.file}`, async () => {
      const figures = await expectSameExpertInfo(f.file, f.bytes())
      if (f.expect) expect(figures?.frames ?? 0).toBe(f.expect.frames)
      else expect(figures?.frames).toBeGreaterThan(0)
    })
  }

  it('should name most TCP items from the columns (the comparison is not vacuous)', async () => {
    let frames = 0
    let plain = 0
    let items = 0
    for (const f of FIXTURES.filter((f) => f.name.startsWith('tcp-'))) {
      const figures = await expectSameExpertInfo(f.file, f.bytes())
      frames += figures?.frames ?? 0
      plain += figures?.plain ?? 0
      items += figures?.items ?? 0
    }
    expect(items).toBeGreaterThan(200)
    expect(plain).toBeGreaterThan(frames / 2)
    expect(plain).toBeLessThan(frames)
  })
})

describe('session/expert-scan: frames damaged on purpose', () => {
  const tcpCaptures = FIXTURES.filter((f) => f.name.startsWith('tcp-scenario-') && f.file.endsWith('.pcap'))

  it('should give the same expert info as a full decode whatever the headers say', async () => {
    let damaged = 0
    for (const [i, f] of tcpCaptures.entries()) {
      for (const seed of [1, 2, 3]) {
        const figures = await expectSameExpertInfo(`damaged-${seed}-${f.file}`, damageFrames(f.bytes(), seed * 1000 + i))
        damaged += (figures?.frames ?? 0) - (figures?.plain ?? 0)
      }
    }
    expect(tcpCaptures.length).toBeGreaterThan(10)
    expect(damaged).toBeGreaterThan(100)
  })
})

/** A handshake, then `last` sent by the client; its frames as the builder wrote them. */
function handshakeThen(last: Parameters<SegmentBuilder['client']>[0]): FrameToWrite[] {
  const b = new SegmentBuilder()
  b.client({ flags: ['SYN'], options: [tcpOption.mss(1460), tcpOption.nop(), tcpOption.windowScale(7)] })
  b.server({ flags: ['SYN', 'ACK'] })
  b.client()
  b.client(last)
  return [...b.captured()]
}

/** The frames as a pcap file: which are plain, and the scan equals the full decode. */
async function plainFrames(name: string, frames: FrameToWrite[]): Promise<boolean[]> {
  const bytes = encodePcap(frames, { linkType: 1, snapLen: 262144, nanosecond: true })
  await expectSameExpertInfo(name, bytes)
  const session = (await indexBytes(bytes))!
  await session.close()
  return frames.map((_, i) => session.indexer.expertMarks.isPlain(i + 1))
}

/** `frame` with its bytes from `at` on replaced by `bytes`. */
const withBytesAt = (frame: FrameToWrite, at: number, bytes: number[]): FrameToWrite => {
  const out = frame.bytes.slice()
  out.set(bytes, at)
  return { ...frame, bytes: out }
}

describe('session/expert-marks: which frames are plain TCP segments', () => {
  it('should mark a handshake and data with usual options as plain', async () => {
    expect(await plainFrames('plain.pcap', handshakeThen({ flags: ['PSH', 'ACK'], data: 100 }))).toEqual([true, true, true, true])
  })

  it('should leave a window scale shift over 14 and a bad option length to a full decode', async () => {
    const wide = handshakeThen({ options: [tcpOption.windowScale(15), tcpOption.nop()] })
    expect((await plainFrames('wide-shift.pcap', wide)).at(-1)).toBe(false)
    const bad = handshakeThen({ options: [Uint8Array.of(8, 1, 1, 1)] })
    expect((await plainFrames('bad-option.pcap', bad)).at(-1)).toBe(false)
    // The decoder warns about a wide shift even when a later window scale option is fine.
    const twice = handshakeThen({ options: [tcpOption.windowScale(15), tcpOption.windowScale(3), tcpOption.nop(), tcpOption.nop()] })
    expect((await plainFrames('two-shifts.pcap', twice)).at(-1)).toBe(false)
    const past = handshakeThen({ options: [tcpOption.nop(), tcpOption.nop(), Uint8Array.of(2, 8, 5, 0xb4)] })
    expect((await plainFrames('option-past-header.pcap', past)).at(-1)).toBe(false)
  })

  it('should name an acknowledgment number without ACK from the mark (a note, as the decoder files it)', async () => {
    const frames = handshakeThen({ flags: ['RST'], ack: 77 })
    expect((await plainFrames('ack-nonzero.pcap', frames)).at(-1)).toBe(true)
    const reference = await fullDecodeExpertInfo(encodePcap(frames, { linkType: 1, snapLen: 262144, nanosecond: true }))
    expect(reference.entries.find((e) => e.message.startsWith('The acknowledgment number field is nonzero'))).toMatchObject({ severity: 'note', protocol: 'TCP', frames: [4] })
  })

  it('should keep zero padding plain, and leave a non-zero one or a cut frame to a full decode', async () => {
    const frames = handshakeThen({})
    const ack = frames.at(-1)!
    // 14 + 20 + 20 bytes of headers, padded with zeros to Ethernet's 60.
    expect([...ack.bytes.subarray(54)]).toEqual([0, 0, 0, 0, 0, 0])
    expect((await plainFrames('zero-padding.pcap', frames)).at(-1)).toBe(true)
    const junk = withBytesAt(ack, 55, [0x55])
    expect((await plainFrames('junk-padding.pcap', [...frames.slice(0, -1), junk])).at(-1)).toBe(false)
    const cut: FrameToWrite = { ...ack, bytes: ack.bytes.subarray(0, 50), origLen: ack.bytes.length }
    expect((await plainFrames('cut.pcap', [...frames.slice(0, -1), cut])).at(-1)).toBe(false)
    const data = handshakeThen({ flags: ['PSH', 'ACK'], data: 400 })
    const payloadCut: FrameToWrite = { ...data.at(-1)!, bytes: data.at(-1)!.bytes.subarray(0, 100), origLen: data.at(-1)!.bytes.length }
    expect((await plainFrames('payload-cut.pcap', [...data.slice(0, -1), payloadCut])).at(-1)).toBe(true)
  })

  it('should leave every frame that is not a TCP segment to a full decode', async () => {
    const udp = FIXTURES.find((f) => f.name === 'udp')!
    const session = (await indexBytes(udp.bytes()))!
    await session.close()
    expect(session.indexer.frames).toBeGreaterThan(0)
    expect(session.indexer.expertMarks.framesToDecode(session.indexer.frames)).toHaveLength(session.indexer.frames)
  })
})

describe('session/expert-scan: how the frames to decode are read', () => {
  it('should read a few by file offset and stream the file for many', () => {
    expect(expertStrategy(0, 2_000_000)).toBe('random-access')
    expect(expertStrategy(5_000, 2_000_000)).toBe('random-access')
    expect(expertStrategy(100_000, 2_000_000)).toBe('stream')
    expect(expertStrategy(3, 3)).toBe('stream')
  })

  it('should say how far it has got while it streams the file, and nothing when it reads by file offset', async () => {
    const path = await files.large(100)
    const session = (await indexBytes(readFileSync(path)))!
    try {
      const source = { path, packets: session.indexer.frames, indexer: session.indexer, decoder: session.decoder }
      const streamed: Array<[number, number]> = []
      await scanExpertItems(source, new ExpertCollector(), () => true, { strategy: 'stream', onStreamed: (done, total) => streamed.push([done, total]) })
      // 10,000 frames of about 160 bytes: two batches of the reader.
      expect(streamed.length).toBeGreaterThanOrEqual(2)
      expect(streamed.every(([, total]) => total === source.packets)).toBe(true)
      expect(streamed.map(([done]) => done)).toEqual([...streamed.map(([done]) => done)].sort((a, b) => a - b))
      expect(streamed.at(-1)).toEqual([source.packets, source.packets])
      const byOffset: unknown[] = []
      await scanExpertItems(source, new ExpertCollector(), () => true, { strategy: 'random-access', onStreamed: (done) => byOffset.push(done) })
      expect(byOffset).toEqual([])
    } finally {
      await session.close()
    }
  })

  it('should stop with cancelled when it is no longer wanted', async () => {
    const path = await files.large(30)
    const session = (await indexBytes(readFileSync(path)))!
    try {
      const source = { path, packets: session.indexer.frames, indexer: session.indexer, decoder: session.decoder }
      const scan = scanExpertItems(source, new ExpertCollector(), () => false, { strategy: 'stream' })
      await expect(scan).rejects.toMatchObject({ code: 'cancelled' })
    } finally {
      await session.close()
    }
  })
})

describeSharedCaptures('session/expert-scan on the shared captures', 'expert info is compared on the fixtures only', (dir, names) => {
  it('should find the corpus', () => {
    expect(names.length).toBeGreaterThan(0)
  })
  for (const name of names) {
    it(`${name}`, async () => {
      expect(await expectSameExpertInfo(name, readFileSync(join(dir, name)))).toBeDefined()
    })
  }
})

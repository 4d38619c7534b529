import { describe, expect, it } from 'vitest'
import { MAX_CAPLEN } from '../../../../main/capture/source'
import { encodePcap, encodePcapng, type FrameToWrite } from '../../../../main/capture/writer'
import {
  build,
  concat,
  END_OF_OPTIONS,
  enhancedPacket,
  interfaceBlock,
  option,
  payload,
  rawBlock,
  readAll,
  sectionHeader,
} from './read-all'

const frames: FrameToWrite[] = [1, 2, 3, 4].map((n) => ({ tsSec: n, tsNsec: 0, bytes: payload(n, 50 + n) }))
const pcap = encodePcap(frames, { linkType: 1 })
/** Record offsets in `pcap`: 24-byte header, then 16-byte record headers. */
const recordAt = [24, 24 + 16 + 51, 24 + 16 + 51 + 16 + 52, 24 + 16 + 51 + 16 + 52 + 16 + 53]

const head = concat(sectionHeader(), interfaceBlock(1, 0))
const epb = (n: number) => enhancedPacket({ low: n, data: payload(n, 50 + n) })
/** head + 2 good EPBs, then whatever follows. */
const afterTwo = (...rest: Uint8Array[]) => concat(head, epb(1), epb(2), ...rest)
const thirdAt = head.length + epb(1).length + epb(2).length

/** The error must be one line, name the place, and come after the good frames. */
async function damaged(bytes: Uint8Array, code: string, good: number) {
  const { frames: read, error } = await readAll(bytes)
  expect(error, 'a CaptureError').toBeDefined()
  expect(error!.code).toBe(code)
  expect(error!.message).not.toMatch(/\n/)
  expect(error!.message).toMatch(/byte \d+/)
  expect(read.map((f) => f.no)).toEqual(Array.from({ length: good }, (_, i) => i + 1))
  return error!
}

describe('capture/damaged files', () => {
  describe('pcap', () => {
    it('should yield the frames before a cut in the middle of record data, then say which frame and where', async () => {
      const error = await damaged(pcap.subarray(0, recordAt[2] + 16 + 10), 'truncated', 2)
      expect(error.message).toBe(`cut short in the middle of frame 3 (record at byte ${recordAt[2]}: 69 bytes expected, 26 in file)`)
      expect([error.frame, error.offset]).toEqual([3, recordAt[2]])
    })

    it('should say so for a cut in the middle of a record header', async () => {
      const error = await damaged(pcap.subarray(0, recordAt[3] + 7), 'truncated', 3)
      expect(error.message).toBe(`cut short in the middle of frame 4 (record header at byte ${recordAt[3]}: 16 bytes expected, 7 in file)`)
    })

    it('should count one stray byte after the last record as a cut, as tshark does', async () => {
      await damaged(concat(pcap, new Uint8Array(1)), 'truncated', 4)
    })

    it('should say the file header itself is cut short', async () => {
      const error = await damaged(pcap.subarray(0, 20), 'truncated', 0)
      expect(error.message).toContain('pcap file header')
    })

    it.each([MAX_CAPLEN + 1, 0x7fffffff, 0xffffffff])('should stop at a caplen of %i with "too-large", allocating nothing that large', async (capLen) => {
      const bad = pcap.slice()
      new DataView(bad.buffer).setUint32(recordAt[2] + 8, capLen, true)
      const error = await damaged(bad, 'too-large', 2)
      expect(error.message).toBe(`frame 3 (record at byte ${recordAt[2]}) claims ${capLen} captured bytes, over the maximum of ${MAX_CAPLEN}`)
    })

    it('should accept a caplen of exactly MAX_CAPLEN', async () => {
      const file = encodePcap([{ tsSec: 0, tsNsec: 0, bytes: new Uint8Array(MAX_CAPLEN) }], { linkType: 1 })
      const { frames: read, error } = await readAll(file)
      expect(error).toBeUndefined()
      expect(read[0].capLen).toBe(MAX_CAPLEN)
    })
  })

  describe('pcapng', () => {
    it('should yield the frames before a cut in the middle of an EPB, then name the frame', async () => {
      const file = afterTwo(epb(3))
      const error = await damaged(file.subarray(0, file.length - 5), 'truncated', 2)
      expect(error.message).toBe(`cut short in the middle of frame 3 (enhanced packet block at byte ${thirdAt}: 88 bytes expected, 83 in file)`)
      expect([error.frame, error.offset]).toEqual([3, thirdAt])
    })

    it('should say so for a cut in the middle of a block header', async () => {
      const error = await damaged(afterTwo(new Uint8Array([6, 0, 0])), 'truncated', 2)
      expect(error.message).toBe(`cut short in the middle of a block header (at byte ${thirdAt}: 12 bytes expected, 3 in file)`)
    })

    it('should name a non-packet block cut short', async () => {
      const idb = interfaceBlock(1, 0, concat(option(2, 'eth1'), END_OF_OPTIONS))
      const error = await damaged(afterTwo(idb.subarray(0, 14)), 'truncated', 2)
      expect(error.message).toBe(`cut short in the middle of an interface description block (at byte ${thirdAt}: 32 bytes expected, 14 in file)`)
    })

    it('should say the first section header is cut short', async () => {
      await damaged(sectionHeader().subarray(0, 20), 'truncated', 0)
    })

    it.each([
      ['zero', 0, 'less than the minimum of 12'],
      ['8', 8, 'less than the minimum of 12'],
      ['not a multiple of 4', 18, 'not a multiple of 4'],
      ['absurdly large', 0x7ffffff0, 'over the maximum'],
    ])('should stop at a block length of %s with "bad-block", without looping or allocating', async (_name, length, why) => {
      const bad = concat(build(true, (o) => o.u32(0x99).u32(length).u32(length)), epb(3))
      const error = await damaged(afterTwo(bad), 'bad-block', 2)
      expect(error.message).toBe(`malformed block of type 0x00000099 at byte ${thirdAt}: its length ${length} is ${why}${why.startsWith('over') ? ' of 16777216' : ''}`)
    })

    it('should refuse a block shorter than its type allows', async () => {
      const error = await damaged(afterTwo(rawBlock(6, new Uint8Array(8))), 'bad-block', 2)
      expect(error.message).toBe(`malformed enhanced packet block at byte ${thirdAt} (frame 3): its length 20 is less than the minimum of 32`)
      expect(error.frame).toBe(3)
    })

    it('should refuse a block whose trailing length differs from its leading one', async () => {
      const third = epb(3)
      const bad = rawBlock(6, third.subarray(8, -4), { trailer: 44 })
      const error = await damaged(afterTwo(bad, epb(4)), 'bad-block', 2)
      expect(error.message).toContain('its length is 88 at the start and 44 at the end')
    })

    it('should refuse an EPB whose caplen does not fit in the block', async () => {
      const bad = enhancedPacket({ data: payload(3, 53), capLen: 200 })
      const error = await damaged(afterTwo(bad), 'bad-block', 2)
      expect(error.message).toContain('its length 88 is too small for 200 captured bytes')
    })

    it('should stop at an EPB caplen over MAX_CAPLEN with "too-large"', async () => {
      const bad = enhancedPacket({ data: payload(3, 53), capLen: MAX_CAPLEN + 1 })
      const error = await damaged(afterTwo(bad), 'too-large', 2)
      expect(error.message).toBe(`frame 3 (enhanced packet block at byte ${thirdAt}) claims ${MAX_CAPLEN + 1} captured bytes, over the maximum of ${MAX_CAPLEN}`)
    })

    it('should refuse a packet for an interface its section does not have', async () => {
      const error = await damaged(afterTwo(enhancedPacket({ interfaceId: 3, data: payload(3) })), 'bad-block', 2)
      expect(error.message).toContain('it refers to interface 3, and its section has interfaces 0 to 0 only')
      const none = await damaged(concat(sectionHeader(), epb(1)), 'bad-block', 0)
      expect(none.message).toContain('its section has no interface')
    })

    it('should refuse an SPB in a section with no interface', async () => {
      await damaged(concat(sectionHeader(), rawBlock(3, build(true, (o) => o.u32(4).u32(0)))), 'bad-block', 0)
    })

    it('should refuse an option that runs past the end of its block', async () => {
      const bad = enhancedPacket({ data: payload(3), options: build(true, (o) => o.u16(1).u16(200).u32(0)) })
      const error = await damaged(afterTwo(bad), 'bad-block', 2)
      expect(error.message).toMatch(/^malformed enhanced packet block at byte \d+ \(frame 3\): option 1 at byte \d+ claims 200 bytes, past the end of the block$/)
    })

    it('should refuse an NRB record that runs past the end of its block', async () => {
      const bad = rawBlock(4, build(true, (o) => o.u16(1).u16(100).u32(0x0a000001)))
      await damaged(afterTwo(bad), 'bad-block', 2)
    })

    it('should refuse a later section header with an unknown byte-order magic or version', async () => {
      const badMagic = await damaged(afterTwo(sectionHeader({ magic: 0x11223344 }), epb(3)), 'bad-block', 2)
      expect(badMagic.message).toContain('byte-order magic 0x11223344 is unknown')
      const badVersion = await damaged(afterTwo(sectionHeader({ major: 2 }), interfaceBlock(1, 0), epb(3)), 'bad-block', 2)
      expect(badVersion.message).toContain('pcapng version 2.0 is not supported')
    })

    it('should never hang on a run of zero bytes', async () => {
      await damaged(afterTwo(new Uint8Array(4096)), 'bad-block', 2)
    })
  })

  it('should give the same error whatever the chunk size', async () => {
    const file = afterTwo(epb(3))
    const cutFile = file.subarray(0, file.length - 5)
    const whole = await readAll(cutFile)
    for (const chunkSize of [1, 5, 13, 64]) {
      const chunked = await readAll(cutFile, { chunkSize })
      expect(chunked.error?.message).toBe(whole.error?.message)
      expect(chunked.frames.length).toBe(whole.frames.length)
    }
    const tooLarge = pcap.slice()
    new DataView(tooLarge.buffer).setUint32(recordAt[1] + 8, 0xffffffff, true)
    for (const chunkSize of [1, 7, 100]) expect((await readAll(tooLarge, { chunkSize })).error?.code).toBe('too-large')
  })

  it('should read a damaged gzip-compressed capture like the uncompressed one', async () => {
    const { gzipCapture } = await import('../../../../main/capture/writer')
    const cutFile = pcap.subarray(0, recordAt[2] + 16 + 10)
    const { frames: read, error } = await readAll(gzipCapture(cutFile))
    expect(read).toHaveLength(2)
    expect(error?.message).toBe(`cut short in the middle of frame 3 (record at byte ${recordAt[2]}: 69 bytes expected, 26 in file)`)
  })

  it('should keep every good frame of a multi-section file up to the damage', async () => {
    const file = concat(encodePcapng({ interfaces: [{ linkType: 1 }], frames }), afterTwo(epb(3)).subarray(0, -3))
    const { frames: read, error } = await readAll(file)
    expect(read).toHaveLength(6)
    expect(error?.frame).toBe(7)
  })
})

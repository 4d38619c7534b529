import { describe, expect, it } from 'vitest'
import { encodePcap, type FrameToWrite } from '../../../../main/capture/writer'
import { payload, readAll, readClean } from './read-all'

const frames: FrameToWrite[] = [
  { tsSec: 1_700_000_000, tsNsec: 123_456_000, bytes: payload(1, 60) },
  { tsSec: 1_700_000_001, tsNsec: 999_999_000, bytes: payload(2, 1514) },
  { tsSec: 1_700_000_002, tsNsec: 0, bytes: payload(3, 0) },
]

describe('capture/pcap', () => {
  describe('file header', () => {
    it.each([
      ['little-endian microsecond', false, false, 'pcap'],
      ['big-endian microsecond', true, false, 'pcap'],
      ['little-endian nanosecond', false, true, 'pcap-ns'],
      ['big-endian nanosecond', true, true, 'pcap-ns'],
    ] as const)('should read a %s file', async (_name, bigEndian, nanosecond, format) => {
      const file = encodePcap(frames, { linkType: 113, snapLen: 65535, bigEndian, nanosecond })
      const { info, frames: read } = await readClean(file)
      expect(info.format).toBe(format)
      expect(info.gzip).toBe(false)
      expect(info.sections).toEqual([{ offset: 0, littleEndian: !bigEndian, version: '2.4', comments: [] }])
      expect(info.interfaces).toEqual([
        { id: 0, section: 0, linkType: 113, snapLen: 65535, tsResolution: { base: 10, exponent: nanosecond ? 9 : 6 }, tsOffset: 0 },
      ])
      expect(read.map((f) => [f.no, f.tsSec, f.tsNsec, f.capLen, f.origLen, f.linkType, f.interfaceId])).toEqual([
        [1, 1_700_000_000, 123_456_000, 60, 60, 113, 0],
        [2, 1_700_000_001, 999_999_000, 1514, 1514, 113, 0],
        [3, 1_700_000_002, 0, 0, 0, 113, 0],
      ])
      expect(read.map((f) => f.bytes)).toEqual(frames.map((f) => f.bytes))
    })

    it('should keep nanoseconds exactly in a nanosecond file', async () => {
      const file = encodePcap([{ tsSec: 5, tsNsec: 987_654_321, bytes: payload(1) }], { linkType: 1, nanosecond: true })
      const { frames: read } = await readClean(file)
      expect([read[0].tsSec, read[0].tsNsec]).toEqual([5, 987_654_321])
    })

    it('should take the link type from the low 16 bits of the field (the FCS bits above are not part of it)', async () => {
      const file = encodePcap(frames, { linkType: 1 })
      new DataView(file.buffer).setUint32(20, 0x1400_0001, true) // F bit set, FCS length 1
      const { info, frames: read } = await readClean(file)
      expect(info.interfaces[0].linkType).toBe(1)
      expect(read[0].linkType).toBe(1)
    })

    it('should record the file offset of each record header', async () => {
      const { frames: read } = await readClean(encodePcap(frames, { linkType: 1 }))
      expect(read.map((f) => f.fileOffset)).toEqual([24, 24 + 16 + 60, 24 + 16 + 60 + 16 + 1514])
    })

    it('should read a header-only file as a capture with no frames', async () => {
      const { info, frames: read } = await readClean(encodePcap([], { linkType: 101 }))
      expect(info.interfaces[0].linkType).toBe(101)
      expect(read).toEqual([])
    })

    it('should read any major version from 2 on, as Wireshark does', async () => {
      const file = encodePcap(frames, { linkType: 1 })
      new DataView(file.buffer).setUint16(4, 9, true)
      const { info, frames: read } = await readClean(file)
      expect(info.sections[0].version).toBe('9.4')
      expect(read).toHaveLength(3)
    })

    it('should refuse a major version before 2 as not a capture it can read', async () => {
      const file = encodePcap(frames, { linkType: 1 })
      new DataView(file.buffer).setUint16(4, 1, true)
      const { error } = await readAll(file)
      expect(error?.code).toBe('not-capture')
      expect(error?.message).toContain('pcap major version 1')
    })
  })

  describe('records', () => {
    it('should carry a microsecond fraction of a second or more into the seconds (tsNsec stays below 1e9)', async () => {
      const file = encodePcap([frames[0]], { linkType: 1 })
      new DataView(file.buffer).setUint32(24 + 4, 2_500_000, true)
      const { frames: read } = await readClean(file)
      expect([read[0].tsSec, read[0].tsNsec]).toEqual([1_700_000_002, 500_000_000])
    })

    it('should accept a caplen over the snaplen, with a note', async () => {
      const file = encodePcap([frames[0], frames[1]], { linkType: 1, snapLen: 100 })
      const { frames: read } = await readClean(file)
      expect(read[0].notes).toBeUndefined()
      expect(read[1].capLen).toBe(1514)
      expect(read[1].notes).toEqual([{ code: 'caplen-over-snaplen', message: 'captured length 1514 is over the snapshot length 100 of the file header' }])
    })

    it('should accept a caplen over the original length, with a note', async () => {
      const file = encodePcap([{ ...frames[0], origLen: 40 }], { linkType: 1 })
      const { frames: read } = await readClean(file)
      expect([read[0].capLen, read[0].origLen]).toEqual([60, 40])
      expect(read[0].notes?.map((n) => n.code)).toEqual(['caplen-over-origlen'])
    })

    it('should not note anything when the snaplen is 0 (no limit)', async () => {
      const { frames: read } = await readClean(encodePcap(frames, { linkType: 1, snapLen: 0 }))
      expect(read.every((f) => f.notes === undefined)).toBe(true)
    })

    it('should keep an original length larger than the captured one (a snapped frame) without a note', async () => {
      const { frames: read } = await readClean(encodePcap([{ ...frames[1], bytes: frames[1].bytes.subarray(0, 96), origLen: 1514 }], { linkType: 1, snapLen: 96 }))
      expect([read[0].capLen, read[0].origLen, read[0].notes]).toEqual([96, 1514, undefined])
    })
  })
})

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { openCapture } from '../../../../main/capture/open'
import { createCaptureFileWriter, encodePcap, encodePcapng, gzipCapture, type FrameToWrite } from '../../../../main/capture/writer'
import { drain, payload, readClean } from './read-all'

const frames: FrameToWrite[] = [
  { tsSec: 1_000_000_000, tsNsec: 1_000, bytes: payload(1, 14) },
  { tsSec: 1_000_000_001, tsNsec: 999_999_000, bytes: payload(2, 1), origLen: 1500 },
  { tsSec: 4_294_967_295, tsNsec: 0, bytes: payload(3, 0) },
]

const dir = mkdtempSync(join(tmpdir(), 'tcplens-writer-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('capture/writer', () => {
  describe('encodePcap', () => {
    it('should write the classic header: magic, version 2.4, snaplen 262144 by default, link type', () => {
      const file = encodePcap([], { linkType: 1 })
      expect(Array.from(file)).toEqual([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 0, 0, 0])
      const ns = encodePcap([], { linkType: 276, snapLen: 65535, nanosecond: true, bigEndian: true })
      expect(Array.from(ns)).toEqual([0xa1, 0xb2, 0x3c, 0x4d, 0, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0x14])
    })

    it('should write microseconds as the whole microseconds of tsNsec', async () => {
      const { frames: read } = await readClean(encodePcap([{ tsSec: 1, tsNsec: 123_456_789, bytes: payload(1) }], { linkType: 1 }))
      expect(read[0].tsNsec).toBe(123_456_000)
    })

    it('should take any iterable of frames, a generator included', async () => {
      function* gen() {
        for (let i = 0; i < 5; i++) yield { tsSec: i, tsNsec: 0, bytes: payload(i, 10) }
      }
      expect((await readClean(encodePcap(gen(), { linkType: 1 }))).frames).toHaveLength(5)
    })

    it.each([false, true])('should round-trip every byte, length and time stamp (nanosecond %s)', async (nanosecond) => {
      for (const bigEndian of [false, true]) {
        const { frames: read } = await readClean(encodePcap(frames, { linkType: 1, nanosecond, bigEndian }))
        expect(read.map((f) => [f.tsSec, f.tsNsec, f.origLen, Array.from(f.bytes)])).toEqual(
          frames.map((f) => [f.tsSec, f.tsNsec, f.origLen ?? f.bytes.length, Array.from(f.bytes)]),
        )
      }
    })
  })

  describe('encodePcapng', () => {
    it('should round-trip sections, interfaces, names, stats, comments and packets', async () => {
      const file = encodePcapng([
        {
          comments: ['made by a test'],
          hardware: 'hw',
          os: 'os',
          userApplication: 'app',
          interfaces: [
            { linkType: 1, snapLen: 2000, name: 'eth0', description: 'wired', os: 'Linux', filter: 'tcp', tsResolution: { base: 10, exponent: 9 }, tsOffset: 5 },
            { linkType: 101, tsResolution: { base: 2, exponent: 16 } },
          ],
          names: [{ address: 'fe80::1', names: ['router', 'gw'] }],
          frames: [
            { ...frames[0], interfaceId: 0, comments: ['c1'] },
            { tsSec: 1_000_000_001, tsNsec: 15_258_789, bytes: payload(2, 9), interfaceId: 1 }, // 1000/65536 s, floored to ns
          ],
          stats: [{ interfaceId: 0, received: 2 ** 40, dropped: 0 }],
        },
        { bigEndian: true, interfaces: [{ linkType: 0 }], frames: [frames[1]] },
      ])
      const { info, frames: read } = await readClean(file)
      expect(info.sections.map((s) => [s.littleEndian, s.comments, s.hardware, s.os, s.userApplication])).toEqual([
        [true, ['made by a test'], 'hw', 'os', 'app'],
        [false, [], undefined, undefined, undefined],
      ])
      expect(info.interfaces).toEqual([
        { id: 0, section: 0, linkType: 1, snapLen: 2000, name: 'eth0', description: 'wired', os: 'Linux', filter: 'tcp', tsResolution: { base: 10, exponent: 9 }, tsOffset: 5, stats: { received: 2 ** 40, dropped: 0 } },
        { id: 1, section: 0, linkType: 101, snapLen: 262144, tsResolution: { base: 2, exponent: 16 }, tsOffset: 0 },
        { id: 2, section: 1, linkType: 0, snapLen: 262144, tsResolution: { base: 10, exponent: 6 }, tsOffset: 0 },
      ])
      expect(info.names).toEqual([{ address: 'fe80::1', names: ['router', 'gw'] }])
      expect(read.map((f) => [f.interfaceId, f.tsSec, f.tsNsec, f.origLen, f.comments])).toEqual([
        [0, 1_000_000_000, 1_000, 14, ['c1']],
        [1, 1_000_000_001, 15_258_789, 9, undefined],
        [2, 1_000_000_001, 999_999_000, 1500, undefined],
      ])
    })

    it('should refuse a time that does not fit 64 bits of ticks', () => {
      expect(() => encodePcapng({ interfaces: [{ linkType: 1, tsResolution: { base: 2, exponent: 40 } }], frames: [frames[0]] })).toThrow(RangeError)
      expect(() => encodePcapng({ interfaces: [{ linkType: 1, tsOffset: 10 }], frames: [{ ...frames[0], tsSec: 0 }] })).toThrow(RangeError)
    })

    it('should refuse a name record whose address is not IPv4 or IPv6', () => {
      expect(() => encodePcapng({ interfaces: [], frames: [], names: [{ address: 'example.com', names: ['x'] }] })).toThrow(RangeError)
    })
  })

  describe('gzipCapture', () => {
    it('should gzip the bytes as they are', () => {
      const file = encodePcap(frames, { linkType: 1 })
      const gz = gzipCapture(file)
      expect([gz[0], gz[1]]).toEqual([0x1f, 0x8b])
      expect(new Uint8Array(gunzipSync(gz))).toEqual(file)
    })
  })

  describe('createCaptureFileWriter', () => {
    it.each(['pcap', 'pcap-ns', 'pcapng'] as const)('should stream frames to a %s file that reads back the same', async (format) => {
      const path = join(dir, `live.${format}`)
      const writer = await createCaptureFileWriter(path, format, { linkType: 1, snapLen: 65535, name: 'eth0' })
      const many = Array.from({ length: 20_000 }, (_, i) => ({ tsSec: 1_700_000_000 + i, tsNsec: (i % 1000) * 1000, bytes: payload(i, 60 + (i % 40)) }))
      // Not awaiting each write must not interleave flushes.
      await Promise.all(many.map((f) => writer.write(f)))
      expect(writer.frames).toBe(20_000)
      await writer.close()
      await writer.close()
      await expect(writer.write(many[0])).rejects.toThrow('closed')
      const { frames: read, error } = await drain(await openCapture(path))
      expect(error).toBeUndefined()
      expect(read).toHaveLength(20_000)
      read.forEach((f, i) => {
        expect([f.tsSec, f.tsNsec, f.linkType]).toEqual([many[i].tsSec, many[i].tsNsec, 1])
        expect(f.bytes).toEqual(many[i].bytes)
      })
    })

    it('should write the same bytes as encodePcap', async () => {
      const path = join(dir, 'same.pcap')
      const writer = await createCaptureFileWriter(path, 'pcap', { linkType: 1 })
      for (const f of frames) await writer.write(f)
      await writer.close()
      expect(new Uint8Array(readFileSync(path))).toEqual(encodePcap(frames, { linkType: 1 }))
    })

    it('should name TCP Lens as the application in a pcapng file', async () => {
      const path = join(dir, 'app.pcapng')
      const writer = await createCaptureFileWriter(path, 'pcapng', [{ linkType: 1 }, { linkType: 101 }])
      await writer.write({ ...frames[0], interfaceId: 1 })
      await writer.close()
      const { info, frames: read } = await readClean(new Uint8Array(readFileSync(path)))
      expect(info.sections[0].userApplication).toBe('TCP Lens')
      expect(read[0].linkType).toBe(101)
    })
  })
})

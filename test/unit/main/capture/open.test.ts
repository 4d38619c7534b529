import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { captureKindOf, openCapture, openCaptureBytes } from '../../../../main/capture/open'
import { CaptureError } from '../../../../main/capture/source'
import { encodePcap, encodePcapng, gzipCapture, type FrameToWrite } from '../../../../main/capture/writer'
import { drain, payload, readAll, readClean } from './read-all'

const frames: FrameToWrite[] = Array.from({ length: 40 }, (_, i) => ({
  tsSec: 1_600_000_000 + i,
  tsNsec: i * 1_000_000,
  bytes: payload(i, 20 + ((i * 37) % 300)),
  comments: i % 7 === 0 ? [`frame ${i + 1}`] : undefined,
}))
const pcap = encodePcap(frames, { linkType: 1 })
const pcapng = encodePcapng([
  { interfaces: [{ linkType: 1 }], frames: frames.slice(0, 20), names: [{ address: '192.0.2.7', names: ['seven'] }] },
  { bigEndian: true, interfaces: [{ linkType: 101, tsResolution: { base: 2, exponent: 20 } }], frames: frames.slice(20) },
])

const dir = mkdtempSync(join(tmpdir(), 'tcplens-open-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
function onDisk(name: string, bytes: Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

/** A frame as plain data, to compare two reads of the same file. */
const plain = (f: { no: number; tsSec: number; tsNsec: number; capLen: number; origLen: number; interfaceId: number; fileOffset: number; bytes: Uint8Array; comments?: string[] }) => [
  f.no,
  f.tsSec,
  f.tsNsec,
  f.capLen,
  f.origLen,
  f.interfaceId,
  f.fileOffset,
  Array.from(f.bytes).join(','),
  f.comments,
]

describe('capture/open', () => {
  describe('format detection', () => {
    it('should tell pcap, pcapng and gzip apart by their magic', () => {
      expect(captureKindOf(pcap)).toBe('pcap')
      expect(captureKindOf(encodePcap([], { linkType: 1, bigEndian: true, nanosecond: true }))).toBe('pcap')
      expect(captureKindOf(pcapng)).toBe('pcapng')
      expect(captureKindOf(gzipCapture(pcap))).toBe('gzip')
      expect(captureKindOf(new TextEncoder().encode('GET / HTTP/1.1'))).toBeUndefined()
      expect(captureKindOf(new Uint8Array([0xd4, 0xc3]))).toBeUndefined()
    })

    it('should refuse a zero-byte file with an "empty file" error', async () => {
      await expect(openCaptureBytes(new Uint8Array(0))).rejects.toMatchObject({ code: 'empty', message: expect.stringContaining('empty file') })
    })

    it.each([
      ['text', new TextEncoder().encode('hello, this is not a capture')],
      ['three bytes', new Uint8Array([0xd4, 0xc3, 0xb2])],
      ['a pcap magic one byte in', new Uint8Array([0, 0xd4, 0xc3, 0xb2, 0xa1, 0, 0, 0])],
    ])('should refuse %s as "not a pcap or pcapng file"', async (_name, bytes) => {
      const error = await openCaptureBytes(bytes).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(CaptureError)
      expect(error).toMatchObject({ code: 'not-capture', exitCode: 2 })
      expect((error as Error).message).toContain('not a pcap or pcapng file')
    })

    it('should refuse a pcapng whose first SHB has an unknown byte-order magic as not a capture', async () => {
      const bad = pcapng.slice()
      new DataView(bad.buffer).setUint32(8, 0x11223344, true)
      await expect(openCaptureBytes(bad)).rejects.toMatchObject({ code: 'not-capture', message: expect.stringContaining('byte-order magic 0x11223344') })
    })

    it('should refuse a pcapng version other than 1.0 and 1.2, as Wireshark does', async () => {
      const bad = pcapng.slice()
      new DataView(bad.buffer).setUint16(14, 1, true)
      await expect(openCaptureBytes(bad)).rejects.toMatchObject({ code: 'not-capture', message: expect.stringContaining('pcapng version 1.1') })
    })
  })

  describe('files on disk', () => {
    it('should read a file and report its size and the bytes read', async () => {
      const reader = await openCapture(onDisk('a.pcap', pcap))
      expect(reader.fileSize).toBe(pcap.length)
      const { frames: read, error } = await drain(reader)
      expect(error).toBeUndefined()
      expect(read).toHaveLength(40)
      expect(reader.bytesRead).toBe(pcap.length)
    })

    it('should give "io" for a missing file, a directory, or an unreadable one', async () => {
      await expect(openCapture(join(dir, 'missing.pcap'))).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('missing.pcap') })
      mkdirSync(join(dir, 'a-directory'))
      await expect(openCapture(join(dir, 'a-directory'))).rejects.toMatchObject({ code: 'io' })
    })

    it('should give "empty" and "not-capture" for such files on disk too', async () => {
      await expect(openCapture(onDisk('empty.pcap', new Uint8Array(0)))).rejects.toMatchObject({ code: 'empty' })
      await expect(openCapture(onDisk('text.pcap', new TextEncoder().encode('text')))).rejects.toMatchObject({ code: 'not-capture' })
    })

    it('should read the same frames from disk as from memory', async () => {
      const fromDisk = await drain(await openCapture(onDisk('b.pcapng', pcapng), { chunkSize: 100 }))
      const fromMemory = await readClean(pcapng)
      expect(fromDisk.frames.map(plain)).toEqual(fromMemory.frames.map(plain))
    })
  })

  describe('gzip', () => {
    it.each([
      ['pcap', pcap],
      ['pcapng', pcapng],
    ])('should open a gzip-compressed %s transparently, with offsets in the uncompressed stream', async (_name, file) => {
      const plainRead = await readClean(file)
      const gz = await readClean(gzipCapture(file))
      expect(gz.info.gzip).toBe(true)
      expect({ ...gz.info, gzip: false }).toEqual(plainRead.info)
      expect(gz.frames.map(plain)).toEqual(plainRead.frames.map(plain))
    })

    it('should report progress in bytes of the compressed file', async () => {
      const gz = gzipCapture(pcap)
      const reader = await openCapture(onDisk('c.pcap.gz', gz))
      expect(reader.fileSize).toBe(gz.length)
      await drain(reader)
      expect(reader.bytesRead).toBe(gz.length)
    })

    it('should read a file made of several gzip members', async () => {
      const joined = new Uint8Array([...gzipCapture(pcap.subarray(0, 100)), ...gzipCapture(pcap.subarray(100))])
      expect((await readClean(joined)).frames).toHaveLength(40)
    })

    it('should give "empty" for gzip data that holds nothing, and "not-capture" for gzip of something else', async () => {
      await expect(openCaptureBytes(gzipCapture(new Uint8Array(0)))).rejects.toMatchObject({ code: 'empty' })
      await expect(openCaptureBytes(gzipCapture(new TextEncoder().encode('some text')))).rejects.toMatchObject({
        code: 'not-capture',
        message: expect.stringContaining('gzip'),
      })
    })

    it('should read every frame before the cut of a gzip stream cut short, then say so', async () => {
      const gz = gzipCapture(pcap)
      const { frames: read, error } = await readAll(gz.subarray(0, gz.length - 12)) // the 8-byte trailer and a bit more
      expect(read.length).toBeGreaterThan(30)
      expect(error?.code).toBe('truncated')
    })

    it('should read the frames before corrupt gzip data, then give a one-line error', async () => {
      const big = encodePcap(
        Array.from({ length: 3000 }, (_, i) => ({ tsSec: i, tsNsec: 0, bytes: payload(i, 200) })),
        { linkType: 1 },
      )
      const gz = gzipCapture(big)
      const bad = gz.slice()
      for (let i = Math.floor(gz.length * 0.7); i < gz.length * 0.7 + 64; i++) bad[i] ^= 0x5a
      const { frames: read, error } = await readAll(bad, { chunkSize: 4096 })
      expect(read.length).toBeGreaterThan(100)
      expect(read.length).toBeLessThan(3000)
      expect(error).toBeInstanceOf(CaptureError)
      expect(error?.message).not.toContain('\n')
      // Deflate notices damage late (the CRC is at the end): only frames well before it are sure.
      read.slice(0, 100).forEach((f, i) => expect(f.bytes).toEqual(payload(i, 200)))
    })
  })

  describe('streaming', () => {
    it.each([1, 2, 3, 7, 16, 17, 64, 333, 4096])('should give the same frames whatever the chunk size (%i bytes)', async (chunkSize) => {
      const whole = await readClean(pcapng)
      const chunked = await readClean(pcapng, { chunkSize })
      expect(chunked.frames.map(plain)).toEqual(whole.frames.map(plain))
      expect(chunked.info).toEqual(whole.info)
      const pcapChunked = await readClean(pcap, { chunkSize })
      expect(pcapChunked.frames.map(plain)).toEqual((await readClean(pcap)).frames.map(plain))
    })

    it('should handle a record much larger than the chunk size', async () => {
      const file = encodePcap([{ tsSec: 1, tsNsec: 0, bytes: payload(9, 262144) }], { linkType: 1 })
      const { frames: read } = await readClean(file, { chunkSize: 1000 })
      expect(read[0].bytes).toEqual(payload(9, 262144))
    })

    it('should yield all the frames of a chunk as one batch', async () => {
      const reader = await openCaptureBytes(pcap)
      const sizes: number[] = []
      for await (const batch of reader.batches()) sizes.push(batch.length)
      expect(sizes).toEqual([40])
    })

    it('should yield frames one by one with frames(), numbered from 1', async () => {
      const reader = await openCaptureBytes(pcap, { chunkSize: 50 })
      const numbers: number[] = []
      for await (const f of reader.frames()) numbers.push(f.no)
      expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    })

    it('should let a reader be iterated only once', async () => {
      const reader = await openCaptureBytes(pcap)
      await drain(reader)
      await expect(async () => {
        for await (const _ of reader.batches()) void _
      }).rejects.toThrow('only once')
    })

    it('should stop cleanly when the consumer stops early, and close', async () => {
      const reader = await openCapture(onDisk('d.pcap', pcap), { chunkSize: 64 })
      for await (const f of reader.frames()) if (f.no === 3) break
      await reader.close()
      await reader.close()
    })

    it('should end the iteration quietly when closed in the middle (a cancelled load)', async () => {
      const reader = await openCapture(onDisk('e.pcap', pcap), { chunkSize: 64 })
      let seen = 0
      for await (const f of reader.frames()) {
        seen = f.no
        if (f.no === 5) void reader.close()
      }
      expect(seen).toBeGreaterThanOrEqual(5)
      expect(seen).toBeLessThan(40)
    })

    it('should read a large file in constant memory', async () => {
      const small = payload(1, 60)
      const count = 150_000
      const big = encodePcap(
        (function* () {
          for (let i = 0; i < count; i++) yield { tsSec: i, tsNsec: 0, bytes: small }
        })(),
        { linkType: 1 },
      )
      const path = onDisk('big.pcap', big)
      const reader = await openCapture(path, { chunkSize: 65536 })
      let n = 0
      let biggestBatch = 0
      for await (const batch of reader.batches()) {
        n += batch.length
        biggestBatch = Math.max(biggestBatch, batch.length)
      }
      expect(n).toBe(count)
      // One chunk's worth of 76-byte records per batch: the file is never read whole.
      expect(biggestBatch).toBeLessThanOrEqual(Math.ceil(65536 / 76) + 1)
    })
  })
})

import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openFrameAccess, openFrameAccessBytes } from '../../../../main/capture/access'
import { openCapture } from '../../../../main/capture/open'
import { encodePcap, encodePcapng, gzipCapture, type FrameToWrite } from '../../../../main/capture/writer'
import { drain, payload, readClean } from './read-all'

const frames: FrameToWrite[] = Array.from({ length: 12 }, (_, i) => ({
  tsSec: 1_650_000_000 + i,
  tsNsec: i * 7_000,
  bytes: payload(i, 30 + i * 13),
  comments: i === 4 ? ['look here'] : undefined,
}))

const files: Record<string, Uint8Array> = {
  'pcap, microseconds': encodePcap(frames, { linkType: 1 }),
  'pcap, nanoseconds, big-endian, snapped': encodePcap(
    frames.map((f) => ({ ...f, origLen: f.bytes.length + 100 })),
    { linkType: 113, nanosecond: true, bigEndian: true, snapLen: 100 },
  ),
  'pcapng, two sections of opposite byte orders': encodePcapng([
    { interfaces: [{ linkType: 1 }, { linkType: 101, tsResolution: { base: 10, exponent: 9 } }], frames: frames.slice(0, 6).map((f, i) => ({ ...f, interfaceId: i % 2 })) },
    {
      bigEndian: true,
      interfaces: [{ linkType: 0, tsResolution: { base: 2, exponent: 20 }, tsOffset: -10 }],
      frames: frames.slice(6).map((f) => ({ ...f, tsNsec: 0 })),
    },
  ]),
  'pcapng, packet blocks and simple packet blocks': encodePcapng([
    { packetBlock: 'pb', interfaces: [{ linkType: 1, snapLen: 80 }], frames: frames.slice(0, 6) },
    { packetBlock: 'spb', interfaces: [{ linkType: 1, snapLen: 90 }], frames: frames.slice(6) },
  ]),
  // Larger than a few of the blocks file reads are served from, records straddling their edges.
  'pcap, frames over several read blocks': encodePcap(
    Array.from({ length: 300 }, (_, i) => ({ tsSec: 1_650_000_000 + i, tsNsec: 0, bytes: payload(i, 200 + ((i * 37) % 300)) })),
    { linkType: 1 },
  ),
}

const dir = mkdtempSync(join(tmpdir(), 'tcplens-access-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let fileNo = 0
function onDisk(bytes: Uint8Array): string {
  const path = join(dir, `capture-${fileNo++}`)
  writeFileSync(path, bytes)
  return path
}

describe('capture/access', () => {
  describe.each(Object.entries(files))('%s', (_name, file) => {
    it.each([
      ['plain', false],
      ['gzip-compressed', true],
    ])('should read every frame of the %s file by offset exactly as the streaming pass gave it', async (_kind, gzip) => {
      const path = onDisk(gzip ? gzipCapture(file) : file)
      const reader = await openCapture(path, { chunkSize: 97 })
      const streamed = await drain(reader)
      expect(streamed.error).toBeUndefined()
      const spool = join(dir, `spool-${fileNo}`)
      mkdirSync(spool)
      const access = await openFrameAccess(path, reader.info, { tmpDir: spool })
      // Backwards, to be sure nothing depends on reading in order.
      for (const expected of [...streamed.frames].reverse()) {
        const again = await access.read(expected.fileOffset, expected.no)
        expect(again).toEqual(expected)
      }
      await access.close()
      expect(readdirSync(spool)).toEqual([])
    })
  })

  it('should give frames that own their bytes', async () => {
    const file = files['pcap, microseconds']
    const { info, frames: streamed } = await readClean(file)
    const access = await openFrameAccessBytes(file, info)
    const frame = await access.read(streamed[3].fileOffset, 4)
    expect(frame.bytes.byteOffset).toBe(0)
    expect(frame.bytes.buffer.byteLength).toBe(frame.capLen)
    await access.close()
  })

  it('should read gzip-compressed bytes in memory too', async () => {
    const file = files['pcapng, two sections of opposite byte orders']
    const { info, frames: streamed } = await readClean(gzipCapture(file))
    const access = await openFrameAccessBytes(gzipCapture(file), info)
    expect(await access.read(streamed[8].fileOffset, 9)).toEqual(streamed[8])
  })

  it('should refuse an offset where no packet block starts', async () => {
    const file = files['pcapng, two sections of opposite byte orders']
    const { info } = await readClean(file)
    const access = await openFrameAccessBytes(file, info)
    await expect(access.read(0, 1)).rejects.toMatchObject({ code: 'bad-block', message: 'frame 1 is not at byte 0: a section header block is there' })
  })

  it('should say a frame past the end of the file is cut short', async () => {
    const file = files['pcap, microseconds']
    const { info } = await readClean(file)
    const access = await openFrameAccessBytes(file, info)
    await expect(access.read(file.length - 4, 12)).rejects.toMatchObject({ code: 'truncated', frame: 12 })
    await expect(access.read(file.length + 100, 13)).rejects.toMatchObject({ code: 'truncated' })
  })

  it('should give "io" for a file that has gone', async () => {
    const { info } = await readClean(files['pcap, microseconds'])
    await expect(openFrameAccess(join(dir, 'gone.pcap'), info)).rejects.toMatchObject({ code: 'io' })
  })
})

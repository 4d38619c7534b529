// Saving (SessionCore.saveAs → save-capture.ts): the open capture or the frames of the current view,
// as pcapng or as pcap by the name's extension, records copied as they are (pcapng packet blocks
// and interface blocks byte for byte, a pcap file whole), in capture order whatever the view's
// sort, atomically (the target is untouched and no temporary file is left when writing fails).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createCaptureFileWriter, encodePcapng, gzipCapture, type FrameToWrite, type PcapngInterfaceToWrite } from '../../../../main/capture/writer'
import type { SessionCore } from '../../../../main/session/session-core'
import { scenarioBytes } from '../../../fixtures/tcp-scenarios'
import { readAll } from '../capture/read-all'
import { scenarioFrames } from '../capture/growing-file'
import { CaptureFiles } from './capture-files'
import { failure, session } from './session-events'

const files = new CaptureFiles()
afterAll(() => files.remove())
let made = 0

const INTERFACES: PcapngInterfaceToWrite[] = [
  { linkType: 1, name: 'eth0', description: 'Ethernet', os: 'Linux 6.1', filter: 'tcp', tsResolution: { base: 10, exponent: 9 } },
  { linkType: 1, name: 'lo', snapLen: 65535, comments: ['Timestamps were taken on arrival in TCP Lens'] },
]

/** The four-way close on two interfaces (frames alternate), a comment on frame 2. */
async function twoInterfaces(): Promise<Uint8Array> {
  const frames: FrameToWrite[] = (await scenarioFrames('tcp-scenario-four-way-close')).map((f, i) => ({ ...f, interfaceId: i % 2, comments: i === 1 ? ['the SYN-ACK'] : undefined }))
  return encodePcapng({ interfaces: INTERFACES, frames, comments: ['lab 3, group B'], hardware: 'x86_64', os: 'Linux 6.1', userApplication: 'TCP Lens' })
}

/** A pcapng file's blocks (type and bytes), read by their lengths (little-endian files). */
function blocksOf(bytes: Uint8Array): Array<{ type: number; bytes: Uint8Array }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const blocks = []
  for (let at = 0; at < bytes.length; ) {
    const length = view.getUint32(at + 4, true)
    blocks.push({ type: view.getUint32(at, true), bytes: bytes.subarray(at, at + length) })
    at += length
  }
  return blocks
}
const IDB = 1
const EPB = 6
const ofType = (bytes: Uint8Array, type: number) => blocksOf(bytes).filter((b) => b.type === type).map((b) => b.bytes)

/** A core with `bytes` open and read to the end. */
async function opened(bytes: Uint8Array, name = `capture-${++made}.pcapng`): Promise<SessionCore> {
  const { core } = session()
  await core.openPath(files.bytes(name, bytes))
  await core.loaded()
  return core
}

const target = (name: string) => join(files.dir, `${++made}-${name}`)
/** A file's bytes (as a Uint8Array, to compare with encoded ones). */
const fileBytes = (path: string) => new Uint8Array(readFileSync(path))
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.tmp'))

describe('session/save-capture: the whole capture', () => {
  it('should write pcapng with the packet blocks and the interface blocks as they were', async () => {
    const input = await twoInterfaces()
    const core = await opened(input)
    const path = target('copy.pcapng')
    expect(await core.saveAs(path, { displayed: false })).toEqual({ path, name: path.split('/').at(-1), format: 'pcapng', packets: 11, bytes: fileBytes(path).length })
    const output = fileBytes(path)
    expect(ofType(output, EPB)).toEqual(ofType(input, EPB))
    expect(ofType(output, IDB)).toEqual(ofType(input, IDB))
    const back = await readAll(output)
    // The section's comments and the interface's note on timestamps stay with the packets.
    expect(back.info?.sections[0]).toMatchObject({ comments: ['lab 3, group B'], hardware: 'x86_64', os: 'Linux 6.1' })
    expect(back.info?.interfaces[1]?.comments).toEqual(['Timestamps were taken on arrival in TCP Lens'])
    expect(back.frames.map((f) => [f.interfaceId, f.comments])).toEqual((await readAll(input)).frames.map((f) => [f.interfaceId, f.comments]))
    await core.dispose()
  })

  it('should write a pcap file byte for byte as the pcap it was read from', async () => {
    const input = scenarioBytes('tcp-scenario-half-close')
    const core = await opened(input, 'half-close.pcap')
    const path = target('copy.pcap')
    expect(await core.saveAs(path, { displayed: false })).toMatchObject({ format: 'pcap', packets: (await readAll(input)).frames.length })
    expect(fileBytes(path)).toEqual(input)
    await core.dispose()
  })

  it('should write pcap (nanosecond, as the interface) from pcapng with the same times, bytes and lengths; the extension in any case', async () => {
    const input = await twoInterfaces()
    const core = await opened(input)
    const path = target('as-pcap.PCAP')
    expect(await core.saveAs(path, { displayed: false })).toMatchObject({ format: 'pcap', packets: 11 })
    const back = await readAll(readFileSync(path))
    expect(back.info).toMatchObject({ format: 'pcap-ns', interfaces: [{ linkType: 1, snapLen: 262144 }] })
    const plain = (f: { tsSec: number; tsNsec: number; bytes: Uint8Array; origLen: number }) => [f.tsSec, f.tsNsec, f.bytes, f.origLen]
    expect(back.frames.map(plain)).toEqual((await readAll(input)).frames.map(plain))
    await core.dispose()
  })

  it('should refuse pcap for frames of two link types, leaving nothing behind, and write pcapng', async () => {
    const frames = await scenarioFrames('tcp-scenario-refused')
    const input = encodePcapng({ interfaces: [{ linkType: 1 }, { linkType: 101 }], frames: frames.map((f, i) => ({ ...f, interfaceId: i === 1 ? 1 : 0 })) })
    const core = await opened(input)
    const path = target('mixed.pcap')
    const refused = await failure(core.saveAs(path, { displayed: false }))
    expect(refused.code).toBe('unsupported')
    expect(refused.message).toMatch(/frame 1 is Ethernet and frame 2 is Raw IP.*pcapng/)
    expect(existsSync(path)).toBe(false)
    expect(leftovers(files.dir)).toEqual([])
    expect(await core.saveAs(target('mixed.pcapng'), { displayed: false })).toMatchObject({ format: 'pcapng', packets: frames.length })
    await core.dispose()
  })

  it('should save a gzip-compressed capture uncompressed', async () => {
    const input = await twoInterfaces()
    const core = await opened(gzipCapture(input), 'zipped.pcapng.gz')
    const path = target('unzipped.pcapng')
    await core.saveAs(path, { displayed: false })
    expect(ofType(fileBytes(path), EPB)).toEqual(ofType(input, EPB))
    await core.dispose()
  })
})

describe('session/save-capture: the displayed packets', () => {
  it('should write only the frames the view shows, in capture order even when the view is sorted', async () => {
    const input = await twoInterfaces()
    const core = await opened(input)
    await core.setView({ filter: 'tcp.flags.fin == 1 || tcp.flags.syn == 1', sort: { column: 'no', descending: true } })
    const path = target('displayed.pcapng')
    expect(await core.saveAs(path, { displayed: true })).toMatchObject({ packets: 4 })
    const wanted = [0, 1, 7, 9].map((i) => ofType(input, EPB)[i])
    expect(ofType(fileBytes(path), EPB)).toEqual(wanted)
    await core.dispose()
  })

  it('should read a few frames of a large capture by offset and many by streaming it, with the same records', async () => {
    const path = await files.large(4)
    const { core } = session()
    await core.openPath(path)
    await core.loaded()
    const all = (await readAll(readFileSync(path))).frames
    for (const [filter, frames] of [
      ['frame.number == 7', [7]],
      ['frame.number <= 20', Array.from({ length: 20 }, (_, i) => i + 1)],
    ] as const) {
      await core.setView({ filter })
      const out = target('part.pcap')
      expect(await core.saveAs(out, { displayed: true })).toMatchObject({ packets: frames.length })
      expect((await readAll(readFileSync(out))).frames.map((f) => f.bytes)).toEqual(frames.map((no) => all[no - 1]!.bytes))
    }
    await core.dispose()
  })

  it('should write a capture with no packets when the view shows none', async () => {
    const core = await opened(await twoInterfaces())
    await core.setView({ filter: 'udp' })
    const path = target('none.pcapng')
    expect(await core.saveAs(path, { displayed: true })).toMatchObject({ packets: 0 })
    const back = await readAll(readFileSync(path))
    expect([back.frames.length, back.info?.interfaces.length, back.error]).toEqual([0, 2, undefined])
    await core.dispose()
  })
})

describe('session/save-capture: atomically', () => {
  it('should leave the target as it was, and no temporary file, when writing fails', async () => {
    const core = await opened(await twoInterfaces())
    const dir = join(files.dir, `atomic-${++made}`)
    mkdirSync(dir)
    const path = join(dir, 'kept.pcapng')
    writeFileSync(path, 'the file saved before')
    const diskFull: typeof createCaptureFileWriter = async (...args) => {
      const writer = await createCaptureFileWriter(...args)
      return {
        get frames() {
          return writer.frames
        },
        async write(frame) {
          if (writer.frames === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
          await writer.write(frame)
        },
        close: () => writer.close(),
      }
    }
    const failed = await failure(core.saveAs(path, { displayed: false }, { createWriter: diskFull }))
    expect(failed).toMatchObject({ code: 'io', message: expect.stringContaining('no space left') })
    expect(readFileSync(path, 'utf8')).toBe('the file saved before')
    expect(readdirSync(dir)).toEqual(['kept.pcapng'])
    await core.dispose()
  })

  it('should fail, removing its temporary file, when the target cannot be replaced (a folder is there)', async () => {
    const core = await opened(await twoInterfaces())
    const dir = join(files.dir, `atomic-${++made}`)
    mkdirSync(join(dir, 'taken.pcapng'), { recursive: true })
    expect((await failure(core.saveAs(join(dir, 'taken.pcapng'), { displayed: false }))).code).toBe('io')
    expect(readdirSync(dir)).toEqual(['taken.pcapng'])
    await core.dispose()
  })

  it('should refuse to replace the capture that is open (its frames are read again from it)', async () => {
    const input = await twoInterfaces()
    const path = files.bytes(`open-${++made}.pcapng`, input)
    const { core } = session()
    await core.openPath(path)
    await core.loaded()
    expect((await failure(core.saveAs(path, { displayed: true }))).code).toBe('bad-argument')
    expect(fileBytes(path)).toEqual(input)
    await core.dispose()
  })

  it('should say not-found for a folder that does not exist, and no-capture with nothing open', async () => {
    const core = await opened(await twoInterfaces())
    expect((await failure(core.saveAs(join(files.dir, 'missing', 'x.pcapng'), { displayed: false }))).code).toBe('not-found')
    await core.close()
    expect((await failure(core.saveAs(target('x.pcapng'), { displayed: false }))).code).toBe('no-capture')
  })
})

import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeIcns, ICNS_TYPES } from '../../../../main/packaging/icns'
import { encodeIco } from '../../../../main/packaging/ico'
import { LINUX_ICON_SIZES, prepareResources, WINDOWS_ICON_SIZES, type PreparedResources } from '../../../../main/packaging/prepare-resources'
import { pngSize } from './png-size'

const root = resolve(__dirname, '../../../../')

/** The ICO directory read back: each image's declared size and its payload. */
function parseIco(file: Buffer): Array<{ size: number; payload: Buffer }> {
  expect(file.readUInt16LE(0)).toBe(0)
  expect(file.readUInt16LE(2)).toBe(1)
  return Array.from({ length: file.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i
    const offset = file.readUInt32LE(entry + 12)
    return { size: file[entry] || 256, payload: file.subarray(offset, offset + file.readUInt32LE(entry + 8)) }
  })
}

/** The ICNS elements read back: type and payload. */
function parseIcns(file: Buffer): Array<{ type: string; payload: Buffer }> {
  expect(file.toString('latin1', 0, 4)).toBe('icns')
  expect(file.readUInt32BE(4)).toBe(file.length)
  const elements: Array<{ type: string; payload: Buffer }> = []
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at + 4)
    elements.push({ type: file.toString('latin1', at, at + 4), payload: file.subarray(at + 8, at + length) })
    at += length
  }
  return elements
}

describe('packaging/ico: encodeIco', () => {
  it('should write 256 px as 0 in the one-byte size fields and keep each PNG as it is', () => {
    const ico = encodeIco([{ size: 256, png: Uint8Array.of(1, 2, 3) }])
    expect(ico[6]).toBe(0)
    expect(ico[7]).toBe(0)
    expect(parseIco(ico)).toEqual([{ size: 256, payload: Buffer.of(1, 2, 3) }])
  })

  it('should refuse an image larger than 256 px', () => {
    expect(() => encodeIco([{ size: 512, png: Uint8Array.of(0) }])).toThrow(RangeError)
  })
})

describe('packaging/icns: encodeIcns', () => {
  it('should frame each payload with its type and length, and the file with its total length', () => {
    const icns = encodeIcns([{ type: 'icp4', png: Uint8Array.of(9, 9) }])
    expect(icns.length).toBe(8 + 8 + 2)
    expect(parseIcns(icns)).toEqual([{ type: 'icp4', payload: Buffer.of(9, 9) }])
  })

  it('should refuse a type that is not four ASCII characters', () => {
    expect(() => encodeIcns([{ type: 'ic1', png: Uint8Array.of(0) }])).toThrow(RangeError)
  })
})

describe('packaging/prepare-resources: the icon rendered for each platform', () => {
  let out = ''
  let prepared: PreparedResources

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'tcplens-resources-'))
    prepared = await prepareResources(root, out)
  }, 60_000)

  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true })
  })

  it('should write the Linux set as NxN.png files, each a PNG of that size', async () => {
    expect((await readdir(join(out, 'packaging/icons'))).sort()).toEqual(LINUX_ICON_SIZES.map((n) => `${n}x${n}.png`).sort())
    for (const size of LINUX_ICON_SIZES) expect(pngSize(await readFile(join(out, `packaging/icons/${size}x${size}.png`)))).toEqual({ width: size, height: size })
  })

  it('should write a Windows ICO whose entries are PNGs of the sizes they declare', async () => {
    const images = parseIco(await readFile(prepared.ico))
    expect(images.map((image) => image.size)).toEqual([...WINDOWS_ICON_SIZES])
    for (const image of images) expect(pngSize(image.payload)).toEqual({ width: image.size, height: image.size })
  })

  it('should write a macOS ICNS with every PNG type, @2x included, each a PNG of its size', async () => {
    const elements = parseIcns(await readFile(prepared.icns))
    expect(elements.map((element) => element.type)).toEqual(ICNS_TYPES.map((type) => type.type))
    for (const element of elements) {
      const pixels = ICNS_TYPES.find((type) => type.type === element.type)!.pixels
      expect(pngSize(element.payload), element.type).toEqual({ width: pixels, height: pixels })
    }
  })

  it('should be accepted by electron-builder\'s own ICO check (at least 256 px)', async () => {
    const { convertIcon } = await import('app-builder-lib/out/util/iconConverter')
    const result = await convertIcon({ sources: [prepared.ico], fallbackSources: [], roots: [root], format: 'ico', outDir: join(out, 'converted') })
    expect(result.icons).toEqual([{ file: prepared.ico, size: 256 }])
  })
})

// A macOS .icns holding PNG images: the 'icns' magic and the file's length, then one element per
// image (a four-character type, the element's length including its 8-byte header, the PNG).

export interface IcnsType {
  type: string
  /** The PNG's width and height in pixels. */
  pixels: number
}

/** The PNG types macOS reads; the @2x ones (ic11…ic14, ic10) serve Retina displays. */
export const ICNS_TYPES: readonly IcnsType[] = [
  { type: 'icp4', pixels: 16 },
  { type: 'icp5', pixels: 32 },
  { type: 'icp6', pixels: 64 },
  { type: 'ic07', pixels: 128 },
  { type: 'ic08', pixels: 256 },
  { type: 'ic09', pixels: 512 },
  { type: 'ic10', pixels: 1024 }, // 512@2x
  { type: 'ic11', pixels: 32 }, // 16@2x
  { type: 'ic12', pixels: 64 }, // 32@2x
  { type: 'ic13', pixels: 256 }, // 128@2x
  { type: 'ic14', pixels: 512 }, // 256@2x
]

export interface IcnsImage {
  type: string
  png: Uint8Array
}

const ELEMENT_HEADER_BYTES = 8

function element(type: string, payload: Uint8Array): Buffer {
  if (!/^[\x20-\x7e]{4}$/.test(type)) throw new RangeError(`an ICNS type is four ASCII characters, not "${type}"`)
  const header = Buffer.alloc(ELEMENT_HEADER_BYTES)
  header.write(type, 0, 'latin1')
  header.writeUInt32BE(ELEMENT_HEADER_BYTES + payload.length, 4)
  return Buffer.concat([header, payload])
}

export function encodeIcns(images: readonly IcnsImage[]): Buffer {
  const body = Buffer.concat(images.map((image) => element(image.type, image.png)))
  const file = element('icns', body)
  return file
}

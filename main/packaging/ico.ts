// A Windows .ico holding PNG images (PNG-in-ICO, read by Windows Vista and later): a 6-byte
// header, one 16-byte directory entry per image, then the PNG files as they are.

export interface IcoImage {
  /** Width and height in pixels (1…256). */
  size: number
  png: Uint8Array
}

const HEADER_BYTES = 6
const ENTRY_BYTES = 16
const TYPE_ICON = 1

export function encodeIco(images: readonly IcoImage[]): Buffer {
  const header = Buffer.alloc(HEADER_BYTES + ENTRY_BYTES * images.length)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(TYPE_ICON, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach((image, index) => {
    if (image.size < 1 || image.size > 256) throw new RangeError(`an ICO image is 1…256 px, not ${image.size}`)
    const entry = HEADER_BYTES + ENTRY_BYTES * index
    // 256 is written as 0: the field is one byte.
    header.writeUInt8(image.size % 256, entry)
    header.writeUInt8(image.size % 256, entry + 1)
    header.writeUInt8(0, entry + 2) // no palette
    header.writeUInt8(0, entry + 3) // reserved
    header.writeUInt16LE(1, entry + 4) // colour planes
    header.writeUInt16LE(32, entry + 6) // bits per pixel
    header.writeUInt32LE(image.png.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += image.png.length
  })
  return Buffer.concat([header, ...images.map((image) => image.png)])
}

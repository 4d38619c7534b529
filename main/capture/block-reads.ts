// Positional reads served from a few aligned blocks of the file, shared while in flight: a page
// of the packet list asks for two small reads per record (its header, then the record), and its
// records mostly lie side by side, so one or two block reads answer them all.

/** Reads up to `length` bytes at `offset` (fewer only at the end of the file). */
export type ReadAt = (offset: number, length: number) => Promise<Uint8Array>

export interface BlockReadOptions {
  /** Bytes per block (default 16 KiB); a read longer than this goes to the file directly. */
  blockSize?: number
  /** Blocks kept, the least recently used given up first (default 128: 2 MiB). */
  blocksKept?: number
}

/**
 * `readAt` through a block cache. Only whole blocks are kept: one cut short by the end of the file
 * answers the reads waiting for it and is read again next time (the file may have grown).
 */
export function blockReads(readAt: ReadAt, options: BlockReadOptions = {}): ReadAt {
  const blockSize = options.blockSize ?? 16 * 1024
  const blocksKept = options.blocksKept ?? 128
  /** Block number → its bytes; in the order of last use. */
  const blocks = new Map<number, Promise<Uint8Array>>()

  function block(no: number): Promise<Uint8Array> {
    const kept = blocks.get(no)
    if (kept) {
      blocks.delete(no)
      blocks.set(no, kept)
      return kept
    }
    const read = readAt(no * blockSize, blockSize)
    blocks.set(no, read)
    if (blocks.size > blocksKept) blocks.delete(blocks.keys().next().value!)
    const forget = () => {
      if (blocks.get(no) === read) blocks.delete(no)
    }
    read.then((bytes) => bytes.length < blockSize && forget(), forget)
    return read
  }

  return async (offset, length) => {
    if (length > blockSize) return readAt(offset, length)
    const out = new Uint8Array(length)
    let got = 0
    while (got < length) {
      const at = offset + got
      const bytes = await block(Math.floor(at / blockSize))
      const from = at % blockSize
      const part = bytes.subarray(from, from + length - got)
      out.set(part, got)
      got += part.length
      if (bytes.length < blockSize) break
    }
    return got === length ? out : out.subarray(0, got)
  }
}

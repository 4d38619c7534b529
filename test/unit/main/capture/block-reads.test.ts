import { describe, expect, it } from 'vitest'
import { blockReads, type ReadAt } from '../../../../main/capture/block-reads'

/** A file of `size` bytes (byte i is i mod 251) that counts the reads it answers. */
function countingFile(size: number): { readAt: ReadAt; reads: Array<[number, number]>; bytes: Uint8Array } {
  const bytes = Uint8Array.from({ length: size }, (_, i) => i % 251)
  const reads: Array<[number, number]> = []
  const readAt: ReadAt = async (offset, length) => {
    reads.push([offset, length])
    return bytes.slice(offset, offset + length)
  }
  return { readAt, reads, bytes }
}

describe('capture/block-reads', () => {
  it('should give the same bytes as the file for reads inside, across and past blocks', async () => {
    const file = countingFile(1000)
    const read = blockReads(file.readAt, { blockSize: 64, blocksKept: 4 })
    for (const [offset, length] of [
      [0, 10],
      [60, 8],
      [100, 64],
      [990, 30],
      [1000, 5],
      [2000, 5],
      [5, 0],
    ]) {
      expect(await read(offset, length), `${length} bytes at ${offset}`).toEqual(file.bytes.slice(offset, offset + length))
    }
  })

  it('should answer contiguous small reads, even concurrent ones, with one read per block', async () => {
    const file = countingFile(1000)
    const read = blockReads(file.readAt, { blockSize: 256, blocksKept: 4 })
    const pieces = await Promise.all(Array.from({ length: 25 }, (_, i) => read(i * 20, 20)))
    expect(pieces.map((piece, i) => piece.every((byte, at) => byte === (i * 20 + at) % 251))).not.toContain(false)
    expect(file.reads).toEqual([
      [0, 256],
      [256, 256],
    ])
  })

  it('should give up the least recently used block when more are wanted than it keeps', async () => {
    const file = countingFile(1000)
    const read = blockReads(file.readAt, { blockSize: 100, blocksKept: 2 })
    await read(0, 1)
    await read(100, 1)
    await read(0, 1) // block 0 is now the most recently used
    await read(200, 1) // gives up block 1
    await read(0, 1)
    await read(100, 1)
    expect(file.reads.map(([offset]) => offset)).toEqual([0, 100, 200, 100])
  })

  it('should read a block cut short by the end of the file again (the file may have grown)', async () => {
    const file = countingFile(150)
    const read = blockReads(file.readAt, { blockSize: 100, blocksKept: 4 })
    expect((await read(120, 50)).length).toBe(30)
    expect((await read(120, 10)).length).toBe(10)
    expect(file.reads).toEqual([
      [100, 100],
      [100, 100],
    ])
  })

  it('should read again after a failed read instead of keeping the failure', async () => {
    let fail = true
    const file = countingFile(300)
    const read = blockReads(
      async (offset, length) => {
        if (fail) throw new Error('EIO')
        return file.readAt(offset, length)
      },
      { blockSize: 100, blocksKept: 4 },
    )
    await expect(read(10, 5)).rejects.toThrow('EIO')
    fail = false
    expect(await read(10, 5)).toEqual(file.bytes.slice(10, 15))
  })

  it('should send a read longer than a block to the file as it is', async () => {
    const file = countingFile(1000)
    const read = blockReads(file.readAt, { blockSize: 100, blocksKept: 4 })
    expect(await read(50, 300)).toEqual(file.bytes.slice(50, 350))
    expect(file.reads).toEqual([[50, 300]])
  })
})

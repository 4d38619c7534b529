// Reading a capture file that grows (a live capture's temporary file): the reader reads only the
// bytes the LiveFeed says are complete, waits at that point instead of ending or calling the
// record cut short, ends cleanly only after the feed's end, and stops waiting when closed. Random
// access (FrameAccess) reads frames the file gained after it was opened.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openFrameAccess } from '../../../../main/capture/access'
import { LiveFeed } from '../../../../main/capture/live-feed'
import { openCapture, type CaptureReader } from '../../../../main/capture/open'
import type { RawFrame } from '../../../../main/capture/source'
import { GrowingFile, PcapngBlocks, scenarioFrames } from './growing-file'

const dir = mkdtempSync(join(tmpdir(), 'tcplens-follow-test-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0

async function growing(): Promise<GrowingFile> {
  return new GrowingFile(join(dir, `live-${++files}.pcapng`), new PcapngBlocks(await scenarioFrames('tcp-scenario-four-way-close')))
}

/** Lets pending reads, timers and I/O run (a read that could go on would have). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

/** Reads a reader's frames in the background, keeping copies. */
function collect(reader: CaptureReader): { frames: RawFrame[]; done: Promise<void>; arrived(count: number): Promise<void> } {
  const frames: RawFrame[] = []
  const waiting: Array<{ count: number; resolve: () => void }> = []
  const done = (async () => {
    for await (const batch of reader.batches()) {
      for (const frame of batch) frames.push({ ...frame, bytes: frame.bytes.slice() })
      for (const w of waiting.splice(0)) if (frames.length >= w.count) w.resolve()
      else waiting.push(w)
    }
  })()
  return {
    frames,
    done,
    arrived: (count) => (frames.length >= count ? Promise.resolve() : new Promise((resolve) => waiting.push({ count, resolve }))),
  }
}

describe('capture/live-feed', () => {
  it('should only grow, and change nothing after the end', () => {
    const feed = new LiveFeed()
    feed.grow(100, false)
    feed.grow(40, false)
    expect(feed.committed).toBe(100)
    feed.grow(180, true)
    feed.grow(500, false)
    expect([feed.committed, feed.ended]).toEqual([180, true])
  })

  it('should wake a waiter on growth, on the end and on close', async () => {
    const feed = new LiveFeed()
    const first = feed.changed()
    feed.grow(10, false)
    await first
    const second = feed.changed()
    feed.close()
    await second
    expect(feed.closed).toBe(true)
  })

  it('should refuse a size that is not a byte count', () => {
    expect(() => new LiveFeed().grow(-1, false)).toThrow(RangeError)
  })
})

describe('capture/open: following a file that grows', () => {
  it('should read each packet once its block is complete, wait at a half-written block, and end after the feed ends', async () => {
    const file = await growing()
    const feed = new LiveFeed()
    feed.grow(file.writeHeader(), false)
    const reader = await openCapture(file.path, { follow: feed, chunkSize: 64 })
    const read = collect(reader)
    let ended = false
    void read.done.then(() => (ended = true))

    file.writePartOfNext(0.5)
    await settle()
    expect(read.frames).toHaveLength(0)

    feed.grow(file.writePackets(1), false)
    await read.arrived(1)
    expect(read.frames.map((f) => f.no)).toEqual([1])
    expect(reader.info.interfaces.map((i) => i.name)).toEqual(['lo'])
    expect(reader.fileSize).toBe(file.committed)

    feed.grow(file.writePackets(3), false)
    await read.arrived(4)
    await settle()
    expect(ended).toBe(false)

    feed.grow(file.writeRest(), true)
    await read.done
    expect(read.frames.map((f) => f.no)).toEqual(file.blocks.frames.map((_, i) => i + 1))
    expect(read.frames.map((f) => f.bytes)).toEqual(file.blocks.frames.map((f) => f.bytes))
    await reader.close()
  })

  it('should wait, not call the record cut short, when the size said is in the middle of a block', async () => {
    const file = await growing()
    const feed = new LiveFeed()
    feed.grow(file.writeHeader(), false)
    const reader = await openCapture(file.path, { follow: feed })
    const read = collect(reader)
    let failure: unknown
    read.done.catch((error: unknown) => (failure = error))
    file.writePackets(2)
    // A writer that said too much too early: the reader has only part of frame 2 for now.
    feed.grow(file.committed - 10, false)
    await read.arrived(1)
    await settle()
    expect([read.frames.length, failure]).toEqual([1, undefined])
    feed.grow(file.committed, true)
    await read.done
    expect(read.frames).toHaveLength(2)
    await reader.close()
  })

  it('should wait for the file header before answering the open', async () => {
    const file = await growing()
    const feed = new LiveFeed()
    let opened = false
    const opening = openCapture(file.path, { follow: feed }).then((reader) => ((opened = true), reader))
    await settle()
    expect(opened).toBe(false)
    feed.grow(file.writeHeader(), false)
    const reader = await opening
    expect(reader.info.format).toBe('pcapng')
    feed.grow(file.committed, true)
    await reader.close()
  })

  it('should call a file whose writer ended with a block cut short damaged, after the frames before it', async () => {
    const file = await growing()
    const feed = new LiveFeed()
    feed.grow(file.writeHeader(), false)
    const reader = await openCapture(file.path, { follow: feed })
    const read = collect(reader)
    file.writePackets(1)
    file.writePartOfNext(0.5)
    feed.grow(file.written, true)
    await expect(read.done).rejects.toMatchObject({ code: 'truncated' })
    expect(read.frames).toHaveLength(1)
    await reader.close()
  })

  it('should stop waiting when the reader is closed (no hang), and when the feed is closed', async () => {
    for (const how of ['reader', 'feed'] as const) {
      const file = await growing()
      const feed = new LiveFeed()
      feed.grow(file.writeHeader(), false)
      const reader = await openCapture(file.path, { follow: feed })
      const read = collect(reader)
      feed.grow(file.writePackets(2), false)
      await read.arrived(2)
      if (how === 'reader') await reader.close()
      else feed.close()
      await read.done
      expect(read.frames).toHaveLength(2)
      await reader.close()
    }
  })

  it('should end an open still waiting for the header when the feed is closed', async () => {
    const file = await growing()
    const feed = new LiveFeed()
    const opening = openCapture(file.path, { follow: feed })
    feed.close()
    await expect(opening).rejects.toMatchObject({ code: 'empty' })
  })
})

describe('capture/access: a file that grew since it was opened', () => {
  it('should read frames written after the first read (a short tail block is read again)', async () => {
    const file = await growing()
    const feed = new LiveFeed()
    feed.grow(file.writeHeader(), false)
    const reader = await openCapture(file.path, { follow: feed })
    const read = collect(reader)
    feed.grow(file.writePackets(1), false)
    await read.arrived(1)
    const access = await openFrameAccess(file.path, reader.info)
    expect((await access.read(read.frames[0]!.fileOffset, 1)).bytes).toEqual(file.blocks.frames[0]!.bytes)
    feed.grow(file.writeRest(), true)
    await read.done
    const last = read.frames.at(-1)!
    expect((await access.read(last.fileOffset, last.no)).bytes).toEqual(file.blocks.frames.at(-1)!.bytes)
    await access.close()
    await reader.close()
  })
})

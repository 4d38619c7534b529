// The proof that a frame decoded alone, out of order, is the frame the full pass decodes: on every
// generated fixture (and the shared corpus, when present) each frame's columns, field tree,
// expert items, byte sources and TCP analysis equal DecodePass's, frames taken last first.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCaptureBytes } from '../../../../main/capture/open'
import { CaptureError } from '../../../../main/capture/source'
import { FIXTURES } from '../../../fixtures/catalog'
import { describeSharedCaptures } from '../../../conformance/captures-dir'
import { frameData, fullPass, indexBytes } from './full-pass'

/** Files above this size are compared on a sample of frames (every frame still indexed). */
const SAMPLE_ABOVE_BYTES = 1 << 20
const SAMPLE_FRAMES = 1500

/** Compares every frame (or a sample of a large file); the frames compared (0: neither pass opens the bytes). */
async function expectSameFrames(bytes: Uint8Array): Promise<number> {
  const session = await indexBytes(bytes)
  if (!session) {
    await expect(openCaptureBytes(bytes), 'the session does not open it: nor does the full pass').rejects.toBeInstanceOf(CaptureError)
    return 0
  }
  try {
    const reference = await fullPass(bytes)
    expect(session.indexer.frames).toBe(reference.size)
    let frames = [...reference.keys()].reverse()
    if (bytes.length > SAMPLE_ABOVE_BYTES && frames.length > SAMPLE_FRAMES) {
      const step = Math.ceil(frames.length / SAMPLE_FRAMES)
      frames = frames.filter((f, i) => i % step === 0 || f <= 50)
    }
    for (const frame of frames) {
      expect(frameData(await session.decoder.decode(frame)), `frame ${frame}`).toEqual(reference.get(frame))
    }
    return frames.length
  } finally {
    await session.close()
  }
}

describe('session/frame-decoder: a frame decoded alone equals the full pass', () => {
  for (const f of FIXTURES) {
    it(`${f.file}`, async () => {
      const compared = await expectSameFrames(f.bytes())
      if (f.expect) expect(compared).toBe(f.expect.frames)
      else expect(compared).toBeGreaterThan(0)
    })
  }

  it('compares frames of every kind (the comparison is not vacuous)', async () => {
    let total = 0
    for (const f of FIXTURES) total += await expectSameFrames(f.bytes())
    expect(total).toBeGreaterThan(500)
  })
})

describeSharedCaptures('session/frame-decoder on the shared captures', 'frames decoded alone are compared on the fixtures only', (dir, names) => {
  for (const name of names) {
    it(`${name} (${statSync(join(dir, name)).size > SAMPLE_ABOVE_BYTES ? 'a sample of frames' : 'every frame'})`, async () => {
      expect(await expectSameFrames(readFileSync(join(dir, name)))).toBeGreaterThan(0)
    })
  }
})

// Memory stays bounded for captures that claim huge lengths: each case is read through the
// session (the fuzz pipeline) while every allocation's size is watched. Reading ends in frames or
// the clean CaptureError, and no single allocation comes near what the file claims.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MAX_BLOCK_LENGTH } from '../../main/capture/pcapng'
import { AllocationSpy } from './allocation-spy'
import { CLAIMED_LENGTH_CASES } from './claimed-lengths'
import { runPipeline } from './pipeline'

/** The most any one allocation may be: the largest block a reader accepts, and room for its read buffer. */
const LARGEST_ALLOWED = 2 * MAX_BLOCK_LENGTH

describe('fuzz/claimed-lengths: a capture that claims huge lengths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tcplens-claimed-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('should be watched by a spy that sees a large allocation', () => {
    const spy = new AllocationSpy().install()
    try {
      void new Uint8Array(3 << 20)
      void Buffer.alloc(5 << 20)
    } finally {
      spy.restore()
    }
    expect(spy.largest).toBe(5 << 20)
    expect(spy.largestBy).toBe('Buffer.alloc')
    expect(new Uint8Array(4)).toBeInstanceOf(Uint8Array)
  })

  it.each(CLAIMED_LENGTH_CASES.map((c) => [c.name, c] as const))('%s: should read what is there, allocating no more than a block', async (_name, claimed) => {
    const spy = new AllocationSpy().install()
    let result
    try {
      result = await runPipeline(claimed.bytes(), dir)
    } finally {
      spy.restore()
    }
    expect(result.crash).toBeUndefined()
    expect(['read', 'damaged', 'refused']).toContain(result.ending)
    expect(spy.largest, `largest allocation: ${spy.largest} bytes by ${spy.largestBy}`).toBeLessThanOrEqual(LARGEST_ALLOWED)
  })
})

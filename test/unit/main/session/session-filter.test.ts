// Display filters in the session (setView with a filter): the frames it shows are exactly those
// a full decode of every frame selects with the same filter; index-backed filters decode nothing
// and send no work; the others send work events, can be cancelled (the list keeps its view), and
// take the streaming path when most frames must be decoded; a filter with a stream, with a sort,
// while the file loads, and an invalid one.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DecodedFrame } from '../../../../main/decode/frame'
import { compileFilter, decodedFrameFields } from '../../../../main/filter'
import { FIXTURES } from '../../../fixtures/catalog'
import { CaptureFiles } from './capture-files'
import { fullPassFrames } from './full-pass'
import { failure, session } from './session-events'

const files = new CaptureFiles()
afterAll(() => files.remove())

/** The frames a full decode of every frame selects. */
function selectedByDecode(frames: readonly DecodedFrame[], text: string): number[] {
  const compiled = compileFilter(text)
  if (!compiled.ok) throw new Error(`${text}: ${compiled.error.message.en}`)
  return frames.filter((frame) => compiled.filter.matches(decodedFrameFields(frame))).map((frame) => frame.raw.no)
}

/** Every frame of the session's view, in order. */
async function viewFrames(core: ReturnType<typeof session>['core']): Promise<number[]> {
  const frames: number[] = []
  for (let start = 0; ; start += 1000) {
    const page = await core.rows(start, 1000)
    frames.push(...page.rows.map((row) => row.no))
    if (start + 1000 >= page.count) return frames
  }
}

/** Index-backed, mixed and decode-only filters, as a lab sheet writes them. */
const FILTERS = [
  'tcp.flags.syn == 1 && tcp.flags.ack == 0',
  'tcp.flags.fin == 1 || tcp.flags.reset == 1',
  'tcp.analysis.retransmission',
  'tcp.stream eq 1',
  'tcp.len > 0',
  'ip.addr == 10.0.0.0/8',
  'tcp.port in {80, 443}',
  'frame.len >= 60 and not tcp',
  'udp || arp || icmp',
  'tcp.window_size == 0',
  'eth.src != 00:00:00:00:00:00',
  'tcp.stream == 0 && tcp.payload contains "HTTP"',
  'tcp[13] & 0x02',
]

describe('session: a filtered view is what a full decode selects', () => {
  for (const f of FIXTURES.filter((f) => f.expect?.frames !== 0 && !f.name.startsWith('damaged-'))) {
    it(`${f.file}`, async () => {
      const path = files.fixture(f.name)
      const reference = await fullPassFrames(readFileSync(path))
      const { core } = session()
      await core.openPath(path)
      await core.loaded()
      for (const filter of FILTERS) {
        const expected = selectedByDecode(reference, filter)
        expect(await core.setView({ filter }), filter).toEqual({ count: expected.length, total: reference.length })
        expect(await viewFrames(core), filter).toEqual(expected)
        if (expected.length) expect(await core.positionOf(expected.at(-1)!)).toBe(expected.length - 1)
      }
      await core.dispose()
    })
  }
})

describe('session: filters with streams, sorts, loads and mistakes', () => {
  let large: string
  beforeAll(async () => {
    // 40,000 frames of 400 connections.
    large = await files.large(400)
  })

  it('should filter within a stream, and sort what a filter selects', async () => {
    const { core } = session()
    await core.openPath(large)
    await core.loaded()
    // The request and 46 response segments carry data.
    expect((await core.setView({ stream: 7, filter: 'tcp.len > 0' })).count).toBe(47)
    const page = (await core.rows(0, 100)).rows
    expect(page.every((row) => row.stream === 7)).toBe(true)
    await core.setView({ filter: 'tcp.flags.syn == 1', sort: { column: 'length', descending: true } })
    const sorted = (await core.rows(0, 1000)).rows
    expect(sorted).toHaveLength(800)
    expect(sorted.map((row) => row.length)).toEqual([...sorted.map((row) => row.length)].sort((a, b) => b - a))
    // The kept result was not sorted in place: the same filter in capture order is ascending again.
    await core.setView({ filter: 'tcp.flags.syn == 1' })
    const inOrder = (await core.rows(0, 1000)).rows.map((row) => row.no)
    expect(inOrder).toEqual([...inOrder].sort((a, b) => a - b))
    await core.dispose()
  })

  it('should send no work for an index-backed filter, and work events ending at done === total for one that decodes', async () => {
    const { core, work } = session({ progressIntervalMs: 0 })
    await core.openPath(large)
    await core.loaded()
    await core.setView({ filter: 'tcp.flags.syn == 1 && ip.addr == 10.0.1.0/24' })
    expect(work).toEqual([])
    const packets = core.status().packets
    const { count } = await core.setView({ filter: 'tcp.payload contains "GET"' })
    expect(count).toBe(400)
    expect(work.length).toBeGreaterThan(2)
    expect(work.every((w) => w.task === 'filter' && w.total === packets)).toBe(true)
    expect(work.at(-1)).toMatchObject({ done: packets, total: packets })
    await core.dispose()
  })

  it('should stop a filter on cancelWork and keep the view the list had', async () => {
    const { core, on } = session({ progressIntervalMs: 0 })
    await core.openPath(large)
    await core.loaded()
    await core.setView({ stream: 2 })
    let cancelling: Promise<unknown> | undefined
    on.work = (w) => {
      if (w.done > 0) cancelling ??= core.cancelWork()
    }
    expect((await failure(core.setView({ filter: 'frame contains "example"' }))).code).toBe('cancelled')
    await cancelling
    expect((await core.rows(0, 1000)).rows.every((row) => row.stream === 2)).toBe(true)
    await core.dispose()
  })

  it('should refuse an invalid filter with bad-filter, saying where', async () => {
    const { core } = session()
    await core.openPath(files.fixture('tcp-scenario-port-reuse'))
    await core.loaded()
    const refused = await failure(core.setView({ filter: 'tcp.port ==' }))
    expect(refused.code).toBe('bad-filter')
    expect(refused.message).toMatch(/at character/)
    expect((await failure(core.setView({ filter: 'tcp.nonexistent' }))).code).toBe('bad-filter')
    // A blank filter is no filter.
    expect((await core.setView({ filter: '  ' })).count).toBe(core.status().packets)
    await core.dispose()
  })

  it('should give the same frames when a view is asked again while the file loads as when asked once loaded', async () => {
    const filter = 'tcp.flags.fin == 1 || tcp.analysis.acks_frame > 39000'
    const { core, on } = session({ progressIntervalMs: 0 })
    const asked: Array<Promise<unknown>> = []
    on.progress = () => {
      if (asked.length < 5) asked.push(core.setView({ filter }).catch(() => undefined))
    }
    await core.openPath(large)
    await core.loaded()
    await Promise.all(asked)
    expect(asked.length).toBeGreaterThan(0)
    await core.setView({ filter })
    const grown = await viewFrames(core)
    const fresh = session()
    await fresh.core.openPath(large)
    await fresh.core.loaded()
    await fresh.core.setView({ filter })
    expect(grown).toEqual(await viewFrames(fresh.core))
    expect(grown.length).toBeGreaterThan(800)
    await core.dispose()
    await fresh.core.dispose()
  })
})

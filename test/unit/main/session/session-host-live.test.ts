// SessionHost with a real worker thread on a live capture: the file written by the test a block at
// a time, liveGrew posted to the worker with no answer, growth told before openLive answered (or
// even before it was called) delivered once the worker reads, a second capture's growth kept apart
// from the first's, saving across the thread, and closing while the worker waits for the file.
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { CaptureStatus } from '../../../../preload/contract/dto'
import { SessionHost, type SessionHostOptions } from '../../../../main/session/session-host'
import { GrowingFile, PcapngBlocks, scenarioFrames } from '../capture/growing-file'
import { CaptureFiles } from './capture-files'
import { failure } from './session-events'

const WORKER: SessionHostOptions = { workerPath: resolve(__dirname, '../../../../main/session/worker.ts'), execArgv: ['--require', 'tsx/cjs'] }
const files = new CaptureFiles()
afterAll(() => files.remove())
let made = 0

const LIVE = { interface: 'lo', filter: '' }

function host(): { host: SessionHost; captures: CaptureStatus[] } {
  const h = new SessionHost({ ...WORKER, progressIntervalMs: 10 })
  const captures: CaptureStatus[] = []
  h.onEvent((event, data) => event === 'capture' && captures.push(data as CaptureStatus))
  return { host: h, captures }
}

async function liveFile(name = 'tcp-scenario-four-way-close'): Promise<GrowingFile> {
  return new GrowingFile(join(files.dir, `host-live-${++made}.pcapng`), new PcapngBlocks(await scenarioFrames(name)))
}

/** Resolves once the worker's status satisfies `check` (asked again after each answer). */
async function until(h: SessionHost, check: (status: CaptureStatus) => boolean): Promise<CaptureStatus> {
  for (;;) {
    const status = await h.status()
    if (check(status)) return status
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('session/session-host: a live capture read in a worker thread', () => {
  it('should follow the file from growth told before the open answered to the end, then save it', async () => {
    const { host: h, captures } = host()
    const file = await liveFile()
    const opening = h.openLive(file.path, LIVE)
    // The host is still starting the worker: the growth waits for it.
    h.liveGrew(file.writeHeader(), false)
    h.liveGrew(file.writePackets(3), false)
    expect(await opening).toMatchObject({ format: 'pcapng' })
    await until(h, (s) => s.packets === 3)
    expect((await h.rows(0, 10)).rows).toHaveLength(3)
    expect(await h.connections()).toMatchObject([{ open: 'three-way', close: 'none' }])
    expect(captures.at(-1)).toMatchObject({ state: 'loading', live: { ...LIVE, state: 'capturing' }, unsaved: true })

    h.liveGrew(file.writeRest(), true)
    expect(await h.loaded()).toMatchObject({ state: 'ready', packets: 11, live: { state: 'stopped' }, unsaved: true })
    expect(await h.connections()).toMatchObject([{ close: 'four-way' }])

    const saved = await h.saveAs(join(files.dir, `saved-${made}.pcap`), { displayed: false })
    expect(saved).toMatchObject({ format: 'pcap', packets: 11 })
    expect(captures.at(-1)).toMatchObject({ state: 'ready', unsaved: false })
    await h.dispose()
  })

  it('should hand growth told before openLive was called to that open, and keep a second capture’s growth from the first', async () => {
    const { host: h } = host()
    const first = await liveFile()
    h.liveGrew(first.writeHeader(), false)
    const opening = h.openLive(first.path, LIVE)
    await opening
    h.liveGrew(first.writeRest(), true)
    await h.loaded()
    h.liveGrew(first.committed, true) // the end told twice changes nothing

    // The next capture's header is committed before its open is asked for.
    const second = await liveFile('tcp-scenario-refused')
    h.liveGrew(second.writeHeader(), false)
    await h.openLive(second.path, { interface: 'lo', filter: 'tcp port 9' })
    h.liveGrew(second.writeRest(), true)
    expect(await h.loaded()).toMatchObject({ session: 2, state: 'ready', packets: second.blocks.frames.length, live: { filter: 'tcp port 9', state: 'stopped' } })
    await h.dispose()
  })

  it('should close while the worker waits for more of the file, and end an open still waiting for the header', async () => {
    const before = SessionHost.liveWorkers
    const { host: h } = host()
    const file = await liveFile()
    const opening = h.openLive(file.path, LIVE)
    h.liveGrew(file.writeHeader(), false)
    await opening
    expect(await h.close()).toMatchObject({ state: 'empty' })
    expect(h.hasWorker).toBe(false)

    const waiting = failure(h.openLive((await liveFile()).path, LIVE))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await h.close()
    expect((await waiting).code).toBe('cancelled')
    await h.dispose()
    expect(SessionHost.liveWorkers).toBe(before)
  })

  it('should refuse a size that is not a byte count', () => {
    const { host: h } = host()
    expect(() => h.liveGrew(Number.NaN, false)).toThrow(RangeError)
  })
})

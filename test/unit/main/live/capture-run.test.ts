import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CaptureProblemError } from '../../../../main/capture/capture-problem'
import { CaptureRun, type CaptureRunStats } from '../../../../main/live/capture-run'
import { RateWindow } from '../../../../main/live/rate-window'
import { readClean } from '../capture/read-all'
import { ETH0, LO, ethernetFrame, fakeCap, type FakeCap } from '../capture/live-fake-cap'

let dir: string
let cap: FakeCap
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tcplens-run-'))
  cap = fakeCap([LO, ETH0], (_device, filter) => (filter === 'bad bad' ? { error: "can't parse filter expression: syntax error" } : 'ETHERNET'))
})
afterEach(async () => {
  vi.useRealTimers()
  await rm(dir, { recursive: true, force: true })
})

const frames = async (path: string) => (await readClean(new Uint8Array(await readFile(path)))).frames

describe('live/capture-run (with a fake cap)', () => {
  it('should write the header before resolving, then every packet, and close cap when stopped', async () => {
    const path = join(dir, 'run.pcapng')
    const committed: number[] = []
    const run = await CaptureRun.start({ interface: 'lo', filter: 'tcp', path, cap, onCommitted: (n) => committed.push(n) })
    expect(committed).toHaveLength(1)
    expect(run.linkType).toBe(1)
    const [handle] = cap.open()
    expect(handle.filter).toBe('tcp')
    for (let i = 0; i < 3; i++) handle.deliver(ethernetFrame(i))
    const final = await run.stop()
    expect(final).toMatchObject({ state: 'stopped', packets: 3, bytes: 180, dropped: 0, stopReason: 'user' })
    expect(handle.closed).toBe(true)
    expect((await frames(path)).map((f) => f.bytes[59])).toEqual([0, 1, 2])
    expect(committed.at(-1)).toBeGreaterThan(committed[0])
    expect(await run.stop()).toBe(final) // idempotent
    expect(await run.stopped).toBe(final)
  })

  it('should copy each packet out of cap\'s buffer at once (cap reuses it)', async () => {
    const path = join(dir, 'run.pcapng')
    const run = await CaptureRun.start({ interface: 'lo', filter: '', path, cap })
    const [handle] = cap.open()
    handle.deliver(ethernetFrame(1))
    handle.deliver(ethernetFrame(2)) // overwrites the buffer before any flush
    await run.stop()
    expect((await frames(path)).map((f) => f.bytes[59])).toEqual([1, 2])
  })

  it('should stop by itself after N packets, keeping exactly N', async () => {
    const path = join(dir, 'run.pcapng')
    const run = await CaptureRun.start({ interface: 'lo', filter: '', path, cap, stop: { packets: 4 } })
    const [handle] = cap.open()
    for (let i = 0; i < 10; i++) handle.deliver(ethernetFrame(i))
    expect(await run.stopped).toMatchObject({ packets: 4, stopReason: 'packets' })
    expect(await frames(path)).toHaveLength(4)
  })

  it('should stop by itself after N megabytes of packets (10^6 bytes)', async () => {
    const run = await CaptureRun.start({ interface: 'lo', filter: '', path: join(dir, 'run.pcapng'), cap, stop: { megabytes: 0.001 } })
    const [handle] = cap.open()
    for (let i = 0; i < 40; i++) handle.deliver(ethernetFrame(i, 100))
    expect(await run.stopped).toMatchObject({ packets: 10, bytes: 1000, stopReason: 'megabytes' })
  })

  it('should stop by itself after N seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const run = await CaptureRun.start({ interface: 'lo', filter: '', path: join(dir, 'run.pcapng'), cap, stop: { seconds: 2 } })
    await vi.advanceTimersByTimeAsync(1999)
    expect(run.stats().state).toBe('capturing')
    await vi.advanceTimersByTimeAsync(1)
    expect(await run.stopped).toMatchObject({ stopReason: 'seconds' })
  })

  it('should send counters at most 10 times a second, with the rate over the last second, and once more when stopped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const sent: CaptureRunStats[] = []
    const run = await CaptureRun.start({ interface: 'lo', filter: '', path: join(dir, 'run.pcapng'), cap, now: () => Date.now(), onStats: (s) => sent.push(s) })
    const [handle] = cap.open()
    for (let ms = 0; ms < 2000; ms += 10) {
      handle.deliver(ethernetFrame(ms)) // 100 packets a second
      await vi.advanceTimersByTimeAsync(10)
    }
    expect(sent.length).toBeLessThanOrEqual(20)
    expect(sent.length).toBeGreaterThanOrEqual(10)
    expect(sent.at(-1)?.packetsPerSecond).toBeCloseTo(100, -1)
    const final = await run.stop()
    expect(sent.at(-1)).toBe(final)
    expect(final).toMatchObject({ state: 'stopped', packets: 200, elapsedMs: 2000 })
  })

  it('should throw the CaptureProblem when the filter does not compile, and keep no file open', async () => {
    const start = CaptureRun.start({ interface: 'lo', filter: 'bad bad', path: join(dir, 'run.pcapng'), cap })
    await expect(start).rejects.toThrow(CaptureProblemError)
    await expect(start).rejects.toMatchObject({ problem: { code: 'bad-filter', message: "can't parse filter expression: syntax error" } })
  })

  it('should fail to start, closing cap, when the file cannot be written', async () => {
    const start = CaptureRun.start({ interface: 'lo', filter: '', path: join(dir, 'missing/run.pcapng'), cap })
    await expect(start).rejects.toMatchObject({ problem: { code: 'failed' } })
    expect(cap.open()).toEqual([])
  })

  it('should count packets the disk could not take as dropped', async () => {
    const run = await CaptureRun.start({ interface: 'lo', filter: '', path: join(dir, 'run.pcapng'), cap, maxQueuedBytes: 2000 })
    const [handle] = cap.open()
    for (let i = 0; i < 100; i++) handle.deliver(ethernetFrame(i))
    const final = await run.stop()
    expect(final.dropped).toBeGreaterThan(0)
    expect(final.packets + final.dropped).toBe(100)
  })

  it('should let two runs capture at once, each into its own file', async () => {
    const a = await CaptureRun.start({ interface: 'lo', filter: '', path: join(dir, 'a.pcapng'), cap })
    const b = await CaptureRun.start({ interface: 'eth0', filter: '', path: join(dir, 'b.pcapng'), cap })
    const [ha, hb] = cap.open()
    ha.deliver(ethernetFrame(1))
    hb.deliver(ethernetFrame(2))
    hb.deliver(ethernetFrame(3))
    expect((await a.stop()).packets).toBe(1)
    expect((await b.stop()).packets).toBe(2)
    expect(await frames(join(dir, 'b.pcapng'))).toHaveLength(2)
  })
})

describe('live/rate-window', () => {
  it('should measure over about the last second', () => {
    const window = new RateWindow(1000)
    expect(window.sample(0, 0, 0).packetsPerSecond).toBe(0)
    for (let t = 100; t <= 3000; t += 100) window.sample(t, t, t * 10) // 1000 packets/s
    expect(window.sample(3100, 3100, 31_000)).toEqual({ packetsPerSecond: 1000, bytesPerSecond: 10_000 })
    // Traffic stops: the rate falls to 0 within a second.
    for (let t = 3200; t <= 4200; t += 100) window.sample(t, 3100, 31_000)
    expect(window.sample(4300, 3100, 31_000).packetsPerSecond).toBe(0)
  })
})

// SessionHost with a real worker thread (the TypeScript worker, run through tsx): requests and
// events across the thread (status, work), one worker per open capture, none left after close or
// dispose, and a worker that dies turned into ApiFailures and a failed status.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { CaptureStatus, WorkProgress } from '../../../../preload/contract/dto'
import { ApiFailure } from '../../../../main/api/port'
import { SessionHost, type SessionHostOptions } from '../../../../main/session/session-host'
import { CaptureFiles } from './capture-files'

const WORKER: SessionHostOptions = { workerPath: resolve(__dirname, '../../../../main/session/worker.ts'), execArgv: ['--require', 'tsx/cjs'] }
const files = new CaptureFiles()
afterAll(() => files.remove())

function host(options: SessionHostOptions = {}): { host: SessionHost; captures: CaptureStatus[] } {
  const h = new SessionHost({ ...WORKER, ...options })
  const captures: CaptureStatus[] = []
  h.onEvent((event, data) => {
    if (event === 'capture') captures.push(data as CaptureStatus)
  })
  return { host: h, captures }
}

/** File descriptors this process holds (Linux), else undefined. */
function openDescriptors(): number | undefined {
  return existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : undefined
}

describe('session/session-host: a capture read in a worker thread', () => {
  it('should open, list, decode and close across the thread', async () => {
    const { host: h, captures } = host()
    const info = await h.openPath(files.fixture('tcp-scenario-four-way-close'))
    expect(info.name).toBe('tcp-scenario-four-way-close.pcap')
    expect(h.hasWorker).toBe(true)
    const ready = await h.loaded()
    expect(ready).toMatchObject({ session: 1, state: 'ready', packets: 11, connections: 1 })
    const page = await h.rows(0, 3)
    expect(page.rows.map((r) => r.info)).toEqual([expect.stringContaining('[SYN]'), expect.stringContaining('[SYN, ACK]'), expect.stringContaining('[ACK]')])
    expect((await h.packet(1)).tree.map((n) => n.name)).toEqual(['frame', 'eth', 'ip', 'tcp'])
    expect(await h.connections()).toHaveLength(1)
    expect((await h.narrative(0, 'zh-CN')).steps).toHaveLength(11)
    expect((await h.workerMemory())!.heapUsed).toBeGreaterThan(0)
    expect(await h.close()).toMatchObject({ session: 1, state: 'empty' })
    expect(captures.map((c) => c.state)).toEqual(['loading', 'ready', 'empty'])
    expect(h.hasWorker).toBe(false)
    expect((await h.rows(0, 1).catch((e: unknown) => e)) as ApiFailure).toMatchObject({ code: 'no-capture' })
    await h.dispose()
  })

  it('should start no worker for an open that a dispose overtook', async () => {
    const before = SessionHost.liveWorkers
    const { host: h } = host()
    await h.openPath(files.fixture('tcp-scenario-four-way-close'))
    // The second open first ends the running worker; the page goes away meanwhile.
    const second = h.openPath(files.fixture('tcp-scenario-refused'))
    await h.dispose()
    expect((await second.catch((e: unknown) => e)) as ApiFailure).toMatchObject({ code: 'cancelled' })
    expect(h.hasWorker).toBe(false)
    expect(SessionHost.liveWorkers).toBe(before)
    expect((await h.openPath(files.fixture('tcp-scenario-refused')).catch((e: unknown) => e)) as ApiFailure).toMatchObject({ code: 'cancelled' })
  })

  it('should end the previous worker on a new open, on close and on dispose, leaving no worker and no file', async () => {
    const before = SessionHost.liveWorkers
    const descriptors = openDescriptors()
    const tmpDir = mkdtempSync(join(files.dir, 'spool-'))
    const { host: h } = host({ tmpDir })
    await h.openPath(files.fixture('gzip-pcap'))
    await h.loaded()
    await h.packet(1)
    expect(await h.openFiles()).toBe(1)
    expect(readdirSync(tmpDir)).toHaveLength(1)
    expect(SessionHost.liveWorkers).toBe(before + 1)
    await h.openPath(files.fixture('tcp-scenario-port-reuse'))
    expect(SessionHost.liveWorkers).toBe(before + 1)
    expect(readdirSync(tmpDir)).toHaveLength(0)
    expect((await h.loaded()).session).toBe(2)
    await h.close()
    expect(SessionHost.liveWorkers).toBe(before)
    await h.openPath(files.fixture('udp'))
    await h.dispose()
    expect(SessionHost.liveWorkers).toBe(before)
    if (descriptors !== undefined) expect(openDescriptors()).toBeLessThanOrEqual(descriptors)
  })

  it('should pass on the work events of a sort from the worker, and none after close', async () => {
    const { host: h } = host({ progressIntervalMs: 0 })
    const work: WorkProgress[] = []
    h.onEvent((event, data) => event === 'work' && work.push(data as WorkProgress))
    await h.openPath(await files.large(100))
    const { packets } = await h.loaded()
    await h.setView({ sort: { column: 'info', descending: true } })
    expect(work.length).toBeGreaterThanOrEqual(2)
    expect(work.at(-1)).toEqual({ session: 1, task: 'sort', done: packets, total: packets })
    const sorting = h.setView({ sort: { column: 'source', descending: false } }).catch((e: unknown) => e)
    await h.close()
    expect(await sorting).toMatchObject({ code: 'cancelled' })
    const atClose = work.length
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(work).toHaveLength(atClose)
    expect(work.filter((w) => w.done === w.total)).toHaveLength(1)
    await h.dispose()
  })

  it('should fail a file that is not a capture with unsupported, and keep no worker', async () => {
    const { host: h, captures } = host()
    const error = await h.openPath(files.fixture('damaged-bad-magic')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiFailure)
    expect(error).toMatchObject({ code: 'unsupported' })
    expect(captures.at(-1)).toMatchObject({ state: 'failed', error: { code: 'unsupported' } })
    expect(h.hasWorker).toBe(false)
    expect(await h.status()).toMatchObject({ session: 1, state: 'failed' })
    await h.dispose()
  })

  it('should turn a worker that dies into internal failures and a failed capture', async () => {
    const dying = files.bytes('dying-worker.js', new TextEncoder().encode("require('node:worker_threads').parentPort.on('message', () => process.exit(3))\n"))
    const h = new SessionHost({ workerPath: dying })
    const captures: CaptureStatus[] = []
    h.onEvent((event, data) => event === 'capture' && captures.push(data as CaptureStatus))
    const error = await h.openPath(files.fixture('udp')).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'internal' })
    expect(captures.at(-1)).toMatchObject({ state: 'failed', error: { code: 'internal' } })
    await h.dispose()
  })
})

// The renderer's WebSocket client against the real server, over real sockets on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { CaptureStatus, Result, WorkProgress } from '../../../../preload/contract/api'
import { MAX_MESSAGE_BYTES } from '../../../../main/server/server'
import { connectWebSocket, MAX_MESSAGE_LENGTH, type SocketFactory, type SocketLike } from '../../../../renderer/src/transport/websocket-client'
import { FakeBackend } from './fake-backend'
import { startHarness, type Harness } from './harness'

let h: Harness
afterEach(() => h.close())

/** What a browser on our page sends with the upgrade: our Origin and the token cookie. */
function asOurPage(harness: Harness): SocketFactory {
  const port = harness.server.port
  return (url) => new WebSocket(url, { origin: `http://127.0.0.1:${port}`, headers: { cookie: `tcplens_${port}=${harness.token}` } }) as unknown as SocketLike
}

const LOADING: CaptureStatus = { session: 1, state: 'loading', packets: 0, connections: 0 }

function answers(method: string, args: unknown): Result<unknown> {
  switch (method) {
    case 'status':
      return { ok: true, value: LOADING }
    case 'rows':
      return { ok: true, value: { start: (args as number[])[0], rows: [], count: 0 } }
    default:
      return { ok: false, error: { code: 'bad-argument', message: `unknown method ${method}` } }
  }
}

describe('transport/websocket-client ↔ server', () => {
  it('should carry requests, answers and events between the page and its backend', async () => {
    h = await startHarness({ backend: () => new FakeBackend(answers) })
    const api = await connectWebSocket(`ws://127.0.0.1:${h.server.port}/ws`, asOurPage(h))
    expect(await api.status()).toEqual({ ok: true, value: LOADING })
    expect(await api.rows(40, 20)).toEqual({ ok: true, value: { start: 40, rows: [], count: 0 } })
    expect(await api.listDirectory()).toMatchObject({ ok: false, error: { code: 'bad-argument' } })
    expect(h.backends[0].calls).toEqual([
      { method: 'status', args: [] },
      { method: 'rows', args: [40, 20] },
      { method: 'listDirectory', args: [] },
    ])

    const seen = new Promise<CaptureStatus>((resolve) => api.onCapture(resolve))
    h.backends[0].emit('capture', { ...LOADING, state: 'ready', packets: 3 })
    expect(await seen).toEqual({ ...LOADING, state: 'ready', packets: 3 })

    const work: WorkProgress = { session: 1, task: 'sort', done: 250, total: 1000 }
    const worked = new Promise<WorkProgress>((resolve) => api.onWork(resolve))
    h.backends[0].emit('work', work)
    expect(await worked).toEqual(work)
    api.disconnect()
  })

  it('should report a lost server and answer pending calls with io errors, never hang', async () => {
    let release: () => void = () => {}
    const stuck = new FakeBackend(() => new Promise((resolve) => (release = () => resolve({ ok: true, value: null }))))
    h = await startHarness({ backend: () => stuck })
    const api = await connectWebSocket(`ws://127.0.0.1:${h.server.port}/ws`, asOurPage(h))
    const lost = new Promise((resolve) => api.onDisconnect(resolve))
    const pending = api.status()
    await new Promise((resolve) => setTimeout(resolve, 20))
    const closing = h.server.close()
    expect(await pending).toMatchObject({ ok: false, error: { code: 'io' } })
    expect(await lost).toMatchObject({ code: 1001 })
    release()
    await closing
  })

  it('should refuse to send what the server would not take, and stay connected', async () => {
    h = await startHarness({ maxMessageBytes: 1000, backend: () => new FakeBackend(answers) })
    const api = await connectWebSocket(`ws://127.0.0.1:${h.server.port}/ws`, asOurPage(h), 1000)
    const tooLarge = await api.upload('big.pcap', 'A'.repeat(2000))
    expect(tooLarge).toMatchObject({ ok: false, error: { code: 'bad-argument', message: expect.stringMatching(/too large/) } })
    expect(h.backends[0].calls).toEqual([])
    expect(api.connected).toBe(true)
    expect(await api.status()).toEqual({ ok: true, value: LOADING })
    api.disconnect()
  })

  it('should know the server’s largest message', () => {
    expect(MAX_MESSAGE_LENGTH).toBe(MAX_MESSAGE_BYTES)
  })

  it('should fail to connect without the token', async () => {
    h = await startHarness()
    const port = h.server.port
    const noCookie: SocketFactory = (url) => new WebSocket(url, { origin: `http://127.0.0.1:${port}` }) as unknown as SocketLike
    await expect(connectWebSocket(`ws://127.0.0.1:${port}/ws`, noCookie)).rejects.toThrow(/Cannot connect/)
  })
})

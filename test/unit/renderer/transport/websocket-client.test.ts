import { describe, expect, it, vi } from 'vitest'
import type { CaptureStatus, WireRequest } from '../../../../preload/contract/api'
import { connectWebSocket, defaultSocketUrl, type SocketLike } from '../../../../renderer/src/transport/websocket-client'

type Handler = (event: never) => void

/** A WebSocket in memory: the test plays the server. */
class FakeSocket implements SocketLike {
  readyState = 0
  readonly sent: WireRequest[] = []
  private handlers = new Map<string, Handler[]>()

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: Handler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener])
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as WireRequest)
  }

  close(code = 1000, reason = ''): void {
    this.serverCloses(code, reason)
  }

  private fire(type: string, event?: unknown): void {
    for (const handler of this.handlers.get(type) ?? []) handler(event as never)
  }

  serverOpens(): void {
    this.readyState = 1
    this.fire('open')
  }

  serverSends(message: unknown): void {
    this.fire('message', { data: typeof message === 'string' ? message : JSON.stringify(message) })
  }

  serverCloses(code: number, reason = ''): void {
    if (this.readyState === 3) return
    this.readyState = 3
    this.fire('close', { code, reason })
  }

  serverFails(): void {
    this.fire('error')
    this.serverCloses(1006)
  }
}

async function connected() {
  let socket!: FakeSocket
  const connecting = connectWebSocket('ws://127.0.0.1:1234/ws', (url) => (socket = new FakeSocket(url)))
  socket.serverOpens()
  const api = await connecting
  return { api, socket }
}

const READY: CaptureStatus = { session: 2, state: 'ready', packets: 10, connections: 1 }

describe('transport/websocket-client', () => {
  it('should connect to /ws of the page’s own origin by default', () => {
    expect(defaultSocketUrl({ protocol: 'http:', host: '127.0.0.1:8123' })).toBe('ws://127.0.0.1:8123/ws')
    expect(defaultSocketUrl({ protocol: 'https:', host: 'localhost:9' })).toBe('wss://localhost:9/ws')
    expect(defaultSocketUrl()).toBe(`ws://${window.location.host}/ws`)
  })

  it('should be the browser transport with every request and subscription of the contract', async () => {
    const { api } = await connected()
    expect(api.transport).toBe('browser')
    expect(api.connected).toBe(true)
    expect(api.pathForFile).toBeUndefined()
    for (const name of ['appInfo', 'open', 'upload', 'listDirectory', 'rows', 'packet', 'narrative', 'followStream', 'onCapture', 'onMenu']) {
      expect(typeof (api as unknown as Record<string, unknown>)[name], name).toBe('function')
    }
  })

  it('should send each request with a new id and resolve it with the answer of that id', async () => {
    const { api, socket } = await connected()
    const rows = api.rows(0, 100)
    const status = api.status()
    expect(socket.sent).toEqual([
      { id: 1, method: 'rows', args: [0, 100] },
      { id: 2, method: 'status', args: [] },
    ])
    socket.serverSends({ kind: 'answer', id: 2, result: { ok: true, value: READY } })
    socket.serverSends({ kind: 'answer', id: 1, result: { ok: false, error: { code: 'no-capture', message: 'no capture is open' } } })
    expect(await status).toEqual({ ok: true, value: READY })
    expect(await rows).toEqual({ ok: false, error: { code: 'no-capture', message: 'no capture is open' } })
  })

  it('should leave out trailing undefined arguments (JSON would send null)', async () => {
    const { api, socket } = await connected()
    void api.listDirectory()
    void api.listDirectory('/tmp')
    expect(socket.sent.map((r) => r.args)).toEqual([[], ['/tmp']])
  })

  it('should dispatch events to their listeners until they unsubscribe', async () => {
    const { api, socket } = await connected()
    const capture = vi.fn()
    const menu = vi.fn()
    const unsubscribe = api.onCapture(capture)
    api.onMenu(menu)
    socket.serverSends({ kind: 'event', event: 'capture', data: READY })
    expect(capture).toHaveBeenCalledWith(READY)
    expect(menu).not.toHaveBeenCalled()
    unsubscribe()
    socket.serverSends({ kind: 'event', event: 'capture', data: READY })
    expect(capture).toHaveBeenCalledTimes(1)
  })

  it('should dispatch a long request’s progress (work) to onWork only', async () => {
    const { api, socket } = await connected()
    const work = vi.fn()
    const progress = vi.fn()
    const stop = api.onWork(work)
    api.onProgress(progress)
    const data = { session: 1, task: 'expert-info', done: 5_000, total: 20_000 }
    socket.serverSends({ kind: 'event', event: 'work', data })
    expect(work).toHaveBeenCalledWith(data)
    expect(progress).not.toHaveBeenCalled()
    stop()
    socket.serverSends({ kind: 'event', event: 'work', data: { ...data, done: data.total } })
    expect(work).toHaveBeenCalledTimes(1)
  })

  it('should unsubscribe only the listener given, even when the same function was added twice', async () => {
    const { api, socket } = await connected()
    const listener = vi.fn()
    const first = api.onProgress(listener)
    api.onProgress(listener)
    first()
    socket.serverSends({ kind: 'event', event: 'progress', data: { session: 1, bytesRead: 1, totalBytes: 2, packets: 0, connections: 0 } })
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('should keep telling other listeners when one throws', async () => {
    const { api, socket } = await connected()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const after = vi.fn()
    api.onCapture(() => {
      throw new Error('listener bug')
    })
    api.onCapture(after)
    socket.serverSends({ kind: 'event', event: 'capture', data: READY })
    expect(after).toHaveBeenCalledWith(READY)
    expect(error).toHaveBeenCalled()
    error.mockRestore()
  })

  it('should ignore messages that are not the protocol’s, and answers nobody waits for', async () => {
    const { api, socket } = await connected()
    const pendingStatus = api.status()
    socket.serverSends('not json')
    socket.serverSends({ kind: 'answer', id: 99, result: { ok: true, value: 1 } })
    socket.serverSends({ kind: 'event', event: 'unknown-event', data: 1 })
    for (const inherited of ['toString', '__proto__', 'constructor']) expect(() => socket.serverSends({ kind: 'event', event: inherited, data: 1 }), inherited).not.toThrow()
    socket.serverSends({ hello: 'world' })
    socket.serverSends({ kind: 'answer', id: 1, result: { ok: true, value: READY } })
    expect(await pendingStatus).toEqual({ ok: true, value: READY })
  })

  it('should answer every pending call with an io error when the connection drops, and report it once', async () => {
    const { api, socket } = await connected()
    const disconnected = vi.fn()
    api.onDisconnect(disconnected)
    const a = api.rows(0, 10)
    const b = api.packet(3)
    socket.serverCloses(1006)
    expect(await a).toMatchObject({ ok: false, error: { code: 'io' } })
    expect(await b).toMatchObject({ ok: false, error: { code: 'io' } })
    expect(disconnected).toHaveBeenCalledTimes(1)
    expect(disconnected).toHaveBeenCalledWith({ code: 1006, reason: '' })
    expect(api.connected).toBe(false)
  })

  it('should answer calls made after the connection is gone at once, with an io error', async () => {
    const { api, socket } = await connected()
    socket.serverCloses(1001, 'the server is stopping')
    const result = await api.status()
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('io')
      expect(result.error.message).toMatch(/connection to the TCP Lens server was lost/)
    }
    expect(socket.sent).toEqual([])
  })

  it('should close the connection on disconnect() and tell the listeners', async () => {
    const { api } = await connected()
    const disconnected = vi.fn()
    api.onDisconnect(disconnected)
    api.disconnect()
    expect(disconnected).toHaveBeenCalledWith({ code: 1000, reason: 'closed by the page' })
    expect((await api.close()).ok).toBe(false)
  })

  it('should reject when the connection cannot be opened', async () => {
    let socket!: FakeSocket
    const connecting = connectWebSocket('ws://127.0.0.1:1/ws', (url) => (socket = new FakeSocket(url)))
    socket.serverFails()
    await expect(connecting).rejects.toThrow(/Cannot connect to the TCP Lens server at ws:\/\/127\.0\.0\.1:1\/ws/)
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import type { CaptureStatus } from '../../../../preload/contract/api'
import { MAX_MESSAGE_BYTES } from '../../../../main/server/server'
import { FakeBackend } from './fake-backend'
import { closeOf, get, nextMessage, openSocket, startHarness, upgradeOutcome, type Harness } from './harness'

let h: Harness
afterEach(() => h.close())

const EMPTY: CaptureStatus = { session: 1, state: 'empty', packets: 0, connections: 0 }

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5))
  expect(condition()).toBe(true)
}

describe('server/websocket: who may connect', () => {
  it('should open /ws for our page: our Origin and the cookie', async () => {
    h = await startHarness()
    const socket = openSocket(h)
    expect(await upgradeOutcome(socket)).toEqual({ open: true })
    socket.close()
  })

  it('should open /ws with the token in the URL instead of the cookie', async () => {
    h = await startHarness()
    const socket = openSocket(h, { cookie: '', query: `?token=${h.token}` })
    expect(await upgradeOutcome(socket)).toEqual({ open: true })
    socket.close()
  })

  it('should refuse an upgrade from a foreign Origin, even with the token', async () => {
    h = await startHarness()
    const outcome = await upgradeOutcome(openSocket(h, { origin: 'http://evil.example' }))
    expect(outcome).toMatchObject({ open: false, status: 403 })
    expect(h.backends).toHaveLength(0)
  })

  it('should refuse an upgrade without Origin', async () => {
    h = await startHarness()
    expect(await upgradeOutcome(openSocket(h, { origin: null }))).toMatchObject({ open: false, status: 403 })
  })

  it('should refuse an upgrade for a foreign Host (DNS rebinding)', async () => {
    h = await startHarness()
    const outcome = await upgradeOutcome(openSocket(h, { host: `rebound.example:${h.server.port}`, origin: `http://rebound.example:${h.server.port}` }))
    expect(outcome).toMatchObject({ open: false, status: 403 })
  })

  it('should refuse an upgrade without the token (401) or with a wrong one (403), with a readable reason', async () => {
    h = await startHarness()
    const none = await upgradeOutcome(openSocket(h, { cookie: '' }))
    expect(none).toMatchObject({ open: false, status: 401 })
    if (!none.open) expect(none.body).toMatch(/needs its token/)
    expect(await upgradeOutcome(openSocket(h, { cookie: `tcplens_${h.server.port}=guess` }))).toMatchObject({ open: false, status: 403 })
    expect(await upgradeOutcome(openSocket(h, { cookie: '', query: '?token=guess' }))).toMatchObject({ open: false, status: 403 })
    expect(h.backends).toHaveLength(0)
  })

  it('should refuse an upgrade on another path', async () => {
    h = await startHarness()
    expect(await upgradeOutcome(openSocket(h, { path: '/other' }))).toMatchObject({ open: false, status: 404 })
  })

  it('should bound a message (256 MiB by default) and close with 1009 past it', async () => {
    expect(MAX_MESSAGE_BYTES).toBe(256 * 1024 * 1024)
    h = await startHarness({ maxMessageBytes: 1024 })
    const socket = openSocket(h)
    await upgradeOutcome(socket)
    const closed = closeOf(socket)
    socket.send(JSON.stringify({ id: 1, method: 'upload', args: ['a.pcap', 'A'.repeat(2048)] }))
    expect((await closed).code).toBe(1009)
    expect(h.backends[0].calls).toEqual([])
  })
})

describe('server/websocket: the contract over the socket', () => {
  it('should answer each request from backend.call with its id', async () => {
    h = await startHarness()
    const socket = openSocket(h)
    await upgradeOutcome(socket)
    socket.send(JSON.stringify({ id: 7, method: 'ping', args: [1, 'two'] }))
    expect(await nextMessage(socket)).toEqual({ kind: 'answer', id: 7, result: { ok: true, value: [1, 'two'] } })
    socket.send(JSON.stringify({ id: 8, method: 'nope', args: [] }))
    expect(await nextMessage(socket)).toEqual({ kind: 'answer', id: 8, result: { ok: false, error: { code: 'bad-argument', message: 'unknown method nope' } } })
    expect(h.backends[0].calls).toEqual([
      { method: 'ping', args: [1, 'two'] },
      { method: 'nope', args: [] },
    ])
    socket.close()
  })

  it('should answer concurrent requests as each finishes, each with its own id', async () => {
    const slow = new FakeBackend(async (method) => {
      if (method === 'slow') await new Promise((resolve) => setTimeout(resolve, 50))
      return { ok: true, value: method }
    })
    h = await startHarness({ backend: () => slow })
    const socket = openSocket(h)
    await upgradeOutcome(socket)
    const answers: unknown[] = []
    socket.on('message', (data: Buffer) => answers.push(JSON.parse(data.toString())))
    socket.send(JSON.stringify({ id: 1, method: 'slow', args: [] }))
    socket.send(JSON.stringify({ id: 2, method: 'fast', args: [] }))
    await until(() => answers.length === 2)
    expect(answers).toEqual([
      { kind: 'answer', id: 2, result: { ok: true, value: 'fast' } },
      { kind: 'answer', id: 1, result: { ok: true, value: 'slow' } },
    ])
    socket.close()
  })

  it('should push the backend’s events', async () => {
    h = await startHarness()
    const socket = openSocket(h)
    await upgradeOutcome(socket)
    const message = nextMessage(socket)
    h.backends[0].emit('capture', EMPTY)
    expect(await message).toEqual({ kind: 'event', event: 'capture', data: EMPTY })
    socket.close()
  })

  it('should deliver what onConnection starts (events included) to the new page', async () => {
    h = await startHarness({ onConnection: (backend) => (backend as FakeBackend).emit('capture', EMPTY) })
    const socket = openSocket(h)
    const first = nextMessage(socket)
    await upgradeOutcome(socket)
    expect(await first).toEqual({ kind: 'event', event: 'capture', data: EMPTY })
    socket.close()
  })

  it('should give each connection its own backend and dispose of it when the page goes', async () => {
    h = await startHarness()
    const a = openSocket(h)
    const b = openSocket(h)
    await Promise.all([upgradeOutcome(a), upgradeOutcome(b)])
    expect(h.backends).toHaveLength(2)
    expect(h.backends[0]).not.toBe(h.backends[1])
    a.close()
    await until(() => h.backends[0].disposed)
    expect(h.backends[0].listenerCount).toBe(0)
    expect(h.backends[1].disposed).toBe(false)
    b.close()
    await until(() => h.backends[1].disposed)
  })

  it('should dispose of every backend when the server closes, and close the pages with 1001', async () => {
    h = await startHarness()
    const socket = openSocket(h)
    await upgradeOutcome(socket)
    const closed = closeOf(socket)
    await h.server.close()
    expect(h.backends[0].disposed).toBe(true)
    expect((await closed).code).toBe(1001)
  })

  it('should close a page whose backend cannot start with 1011, and keep serving', async () => {
    let fail = true
    h = await startHarness({
      backend: () => {
        if (fail) throw new Error(`会话无法启动：${'工作线程失败'.repeat(40)}`)
        return new FakeBackend()
      },
    })
    const refused = openSocket(h)
    const closed = closeOf(refused)
    expect(await upgradeOutcome(refused)).toEqual({ open: true })
    const { code, reason } = await closed
    expect(code).toBe(1011)
    expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123)
    fail = false
    expect(await upgradeOutcome(openSocket(h))).toEqual({ open: true })
  })

  it('should turn a backend that throws into an internal error answer', async () => {
    h = await startHarness({
      backend: () =>
        new FakeBackend(() => {
          throw new Error('boom')
        }),
    })
    const socket = openSocket(h)
    await upgradeOutcome(socket)
    socket.send(JSON.stringify({ id: 3, method: 'status', args: [] }))
    expect(await nextMessage(socket)).toEqual({ kind: 'answer', id: 3, result: { ok: false, error: { code: 'internal', message: 'status failed: boom' } } })
    socket.close()
  })
})

describe('server/websocket: malformed messages', () => {
  it('should answer an error to a message with an id but no method or args', async () => {
    h = await startHarness()
    const socket = openSocket(h)
    await upgradeOutcome(socket)
    socket.send(JSON.stringify({ id: 4, args: [] }))
    expect(await nextMessage(socket)).toMatchObject({ kind: 'answer', id: 4, result: { ok: false, error: { code: 'bad-argument' } } })
    socket.send(JSON.stringify({ id: 5, method: 'ping', args: 'x' }))
    expect(await nextMessage(socket)).toMatchObject({ kind: 'answer', id: 5, result: { ok: false, error: { code: 'bad-argument' } } })
    expect(h.backends[0].calls).toEqual([])
    socket.close()
  })

  for (const [what, frame] of [
    ['text that is not JSON', '{nope'],
    ['JSON that is not an object', '[1,2]'],
    ['a request without an id', JSON.stringify({ method: 'ping', args: [] })],
    ['a negative id', JSON.stringify({ id: -1, method: 'ping', args: [] })],
  ] as const) {
    it(`should close with 1008 on ${what}, and keep serving others`, async () => {
      h = await startHarness()
      const socket = openSocket(h)
      await upgradeOutcome(socket)
      const closed = closeOf(socket)
      socket.send(frame)
      expect((await closed).code).toBe(1008)
      await until(() => h.backends[0].disposed)

      const other = openSocket(h)
      await upgradeOutcome(other)
      other.send(JSON.stringify({ id: 1, method: 'ping', args: [] }))
      expect(await nextMessage(other)).toMatchObject({ kind: 'answer', id: 1, result: { ok: true } })
      other.close()
      expect((await get(h.server.port, '/', { cookie: `tcplens_${h.server.port}=${h.token}` })).status).toBe(200)
    })
  }

  it('should close with 1008 on a binary frame', async () => {
    h = await startHarness()
    const socket = openSocket(h)
    await upgradeOutcome(socket)
    const closed = closeOf(socket)
    socket.send(Buffer.from([1, 2, 3]))
    expect((await closed).code).toBe(1008)
  })
})

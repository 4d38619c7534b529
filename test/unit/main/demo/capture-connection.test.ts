import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { DemoScenario } from '../../../../preload/contract/dto'
import { CaptureProblemError } from '../../../../main/capture/capture-problem'
import { captureConnection } from '../../../../main/demo/capture-connection'
import { prepareTarget } from '../../../../main/demo/connect-target'
import { LESSON_ANSWER_BYTES, LESSON_REQUEST_BYTES } from '../../../../main/demo/lesson-exchange'
import { prepareScenario, type PreparedConnection } from '../../../../main/demo/scenarios'
import type { ConnectionTimeline, StepKind } from '../../../../main/tcp/step'
import { describeLive, echoServer, LOOPBACK } from '../../../fixtures/live-capture'
import { connectionsIn } from './connections-in'
import { fakeCap, permissionDenied } from './fake-cap'

const dir = mkdtempSync(join(tmpdir(), 'tcplens-demo-capture-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
const newPath = (ext = 'pcapng') => join(dir, `capture-${++files}.${ext}`)

/** A connection that only records what was asked of it. */
function fakeConnection(play: () => Promise<{ error?: string }>): PreparedConnection & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    filter: 'tcp port 9',
    play: () => (calls.push('play'), play()),
    close: async () => void calls.push('close'),
  }
}

describe('demo/capture-connection', () => {
  it("should play once capturing, then stop the capture, close the connection and answer the connection's own error", async () => {
    const connection = fakeConnection(async () => ({ error: 'connect ETIMEDOUT 127.0.0.1:9' }))
    const onCapturing = () => void connection.calls.push('capturing')
    const captured = await captureConnection(connection, { interface: 'lo', path: newPath(), cap: fakeCap(() => 'ETHERNET'), quietMs: 50, onCapturing })
    expect(captured.error).toBe('connect ETIMEDOUT 127.0.0.1:9')
    expect(captured.stats).toMatchObject({ state: 'stopped', stopReason: 'finished', packets: 0, dropped: 0 })
    expect(connection.calls).toEqual(['capturing', 'play', 'close'])
  })

  it('should close the connection without playing it when the capture cannot start (permission denied)', async () => {
    const connection = fakeConnection(async () => ({}))
    const failing = captureConnection(connection, {
      interface: 'lo',
      path: newPath(),
      cap: fakeCap(permissionDenied),
    })
    await expect(failing).rejects.toBeInstanceOf(CaptureProblemError)
    await expect(failing).rejects.toMatchObject({ problem: { code: 'permission' } })
    expect(connection.calls).toEqual(['close'])
  })

  it('should stop the capture and close the connection when playing throws', async () => {
    const connection = fakeConnection(async () => {
      throw new Error('boom')
    })
    await expect(captureConnection(connection, { interface: 'lo', path: newPath(), cap: fakeCap(() => 'ETHERNET') })).rejects.toThrow('boom')
    expect(connection.calls).toEqual(['play', 'close'])
  })
})

const kinds = (c: ConnectionTimeline) => c.steps!.map((s) => s.kind)
const count = (c: ConnectionTimeline, kind: StepKind) => kinds(c).filter((k) => k === kind).length

/** Plays the scenario on 127.0.0.1 while capturing it on the loopback interface; the engine's one connection. */
async function captured(scenario: DemoScenario): Promise<ConnectionTimeline> {
  const path = newPath()
  const result = await captureConnection(await prepareScenario(scenario), { interface: LOOPBACK, path })
  expect(result.error).toBeUndefined()
  expect(result.stats).toMatchObject({ state: 'stopped', dropped: 0 })
  const connections = await connectionsIn(path)
  expect(connections).toHaveLength(1)
  expect(connections[0]!.packets).toBe(result.stats.packets)
  return connections[0]!
}

describeLive('demo/capture-connection on the loopback interface', () => {
  it('normal: three-way open, the lesson exchanged, the client closes first (TIME-WAIT), the server ends CLOSED', async () => {
    const c = await captured('normal')
    expect(c.open).toBe('three-way')
    // The server's ACK of the client's FIN may travel alone (four-way) or with its own FIN (three-way).
    expect(['four-way', 'three-way']).toContain(c.close)
    expect(c.closeInitiator).toBe('client')
    expect([c.client.state, c.server.state]).toEqual(['TIME-WAIT', 'CLOSED'])
    expect(c.bytes).toEqual({ client: LESSON_REQUEST_BYTES, server: LESSON_ANSWER_BYTES })
    expect(kinds(c).at(-1)).toBe('last-ack')
  })

  it('server-close: the server closes first and waits in TIME-WAIT', async () => {
    const c = await captured('server-close')
    expect(c.open).toBe('three-way')
    expect(['four-way', 'three-way']).toContain(c.close)
    expect(c.closeInitiator).toBe('server')
    expect([c.client.state, c.server.state]).toEqual(['CLOSED', 'TIME-WAIT'])
  })

  it("half-close: the server's answer travels after the client's FIN", async () => {
    const c = await captured('half-close')
    expect(c.open).toBe('three-way')
    expect(c.variants).toContain('half-close')
    expect(c.closeInitiator).toBe('client')
    const steps = c.steps!
    const clientFin = steps.findIndex((s) => s.kind === 'fin' && s.from === 'client')
    const answer = steps.findIndex((s) => s.kind === 'data' && s.from === 'server')
    expect(clientFin).toBeGreaterThan(-1)
    expect(answer).toBeGreaterThan(clientFin)
    expect([c.client.state, c.server.state]).toEqual(['TIME-WAIT', 'CLOSED'])
  })

  it('refused: a SYN answered by RST-ACK, both sides CLOSED', async () => {
    const c = await captured('refused')
    expect(c.open).toBe('refused')
    expect(c.close).toBe('reset')
    expect(kinds(c)).toEqual(['syn', 'refusal'])
    expect([c.client.state, c.server.state]).toEqual(['CLOSED', 'CLOSED'])
  })

  it('rst-abort: after the exchange the client resets the connection, no FIN at all', async () => {
    const c = await captured('rst-abort')
    expect(c.open).toBe('three-way')
    expect(c.close).toBe('reset')
    expect(c.closeInitiator).toBe('client')
    expect(c.steps!.at(-1)).toMatchObject({ kind: 'rst', from: 'client' })
    expect(count(c, 'fin')).toBe(0)
    expect([c.client.state, c.server.state]).toEqual(['CLOSED', 'CLOSED'])
  })

  it('keep-alive: at least two keep-alive probes and their ACKs, then a normal close', async () => {
    const c = await captured('keep-alive')
    expect(c.variants).toContain('keep-alive')
    expect(count(c, 'keep-alive')).toBeGreaterThanOrEqual(2)
    expect(count(c, 'keep-alive-ack')).toBeGreaterThanOrEqual(2)
    expect(c.closeInitiator).toBe('client')
    expect([c.client.state, c.server.state]).toEqual(['TIME-WAIT', 'CLOSED'])
  })

  it('should capture "Connect to host:port" on 127.0.0.1: opened, closed by us first, into a pcap file', async () => {
    const server = await echoServer()
    try {
      const path = newPath('pcap')
      const result = await captureConnection(await prepareTarget({ host: '127.0.0.1', port: server.port }), { interface: LOOPBACK, path })
      expect(result.error).toBeUndefined()
      const [c, ...others] = await connectionsIn(path)
      expect(others).toEqual([])
      expect(c).toMatchObject({ open: 'three-way', closeInitiator: 'client', client: { state: 'TIME-WAIT' }, server: { port: server.port, state: 'CLOSED' } })
    } finally {
      await server.close()
    }
  })
})

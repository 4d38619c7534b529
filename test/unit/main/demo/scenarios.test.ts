import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { DemoScenario } from '../../../../preload/contract/dto'
import { DEMO_SCENARIOS, isDemoScenario, prepareScenario, scenarioSummary, type PreparedScenario } from '../../../../main/demo/scenarios'
import type { DemoEvent } from '../../../../main/demo/scenario-journal'
import { tcpHandlesLeft } from './open-handles'

const opened: PreparedScenario[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()))
})

async function played(scenario: DemoScenario): Promise<{ prepared: PreparedScenario; error?: string; events: readonly DemoEvent[] }> {
  const prepared = await prepareScenario(scenario)
  opened.push(prepared)
  const { error } = await prepared.play()
  return { prepared, error, events: prepared.events }
}

const at = (events: readonly DemoEvent[], side: DemoEvent['side'], kind: DemoEvent['kind']) => events.findIndex((e) => e.side === side && e.kind === kind)

/** Whether a connection to the port is refused (nothing listens there any more). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(false)))
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'))
  })
}

describe('demo/scenarios', () => {
  it('should offer the six scenarios of the issue, each with a one-line summary', () => {
    expect(DEMO_SCENARIOS).toEqual(['normal', 'server-close', 'half-close', 'refused', 'rst-abort', 'keep-alive'])
    for (const s of DEMO_SCENARIOS) expect(scenarioSummary(s)).toMatch(/^\S.{20,}[^.]$/)
    expect(isDemoScenario('keep-alive')).toBe(true)
    expect(isDemoScenario('syn-flood')).toBe(false)
  })

  it('should listen on 127.0.0.1 on a port the OS picked and filter exactly that port', async () => {
    const prepared = await prepareScenario('normal')
    opened.push(prepared)
    expect(prepared.port).toBeGreaterThan(0)
    expect(prepared.filter).toBe(`tcp port ${prepared.port}`)
    expect(await refused(prepared.port)).toBe(false)
  })

  it('normal: should exchange the request and the answer, and the client should close first', async () => {
    const { error, events } = await played('normal')
    expect(error).toBeUndefined()
    expect(at(events, 'server', 'received-request')).toBeGreaterThan(at(events, 'client', 'sent-request'))
    expect(at(events, 'client', 'received-answer')).toBeGreaterThan(at(events, 'server', 'sent-answer'))
    expect(at(events, 'client', 'sent-fin')).toBeGreaterThan(at(events, 'client', 'received-answer'))
    expect(at(events, 'server', 'received-fin')).toBeGreaterThan(at(events, 'client', 'sent-fin'))
    expect(at(events, 'server', 'sent-fin')).toBeGreaterThan(at(events, 'server', 'received-fin'))
    expect(events.filter((e) => e.kind === 'closed').map((e) => e.side).sort()).toEqual(['client', 'server'])
    expect(events.some((e) => e.kind === 'error')).toBe(false)
  })

  it('server-close: the server should close first, after its answer', async () => {
    const { error, events } = await played('server-close')
    expect(error).toBeUndefined()
    expect(at(events, 'server', 'sent-fin')).toBeGreaterThan(at(events, 'server', 'sent-answer'))
    expect(at(events, 'client', 'received-fin')).toBeGreaterThan(at(events, 'server', 'sent-fin'))
    expect(at(events, 'client', 'sent-fin')).toBeGreaterThan(at(events, 'client', 'received-fin'))
  })

  it("half-close: the server should write its answer after the client's FIN arrived", async () => {
    const { error, events } = await played('half-close')
    expect(error).toBeUndefined()
    expect(at(events, 'client', 'sent-fin')).toBeLessThan(at(events, 'client', 'received-answer'))
    expect(at(events, 'server', 'received-fin')).toBeGreaterThan(-1)
    expect(at(events, 'server', 'sent-answer')).toBeGreaterThan(at(events, 'server', 'received-fin'))
    expect(at(events, 'client', 'received-answer')).toBeGreaterThan(at(events, 'server', 'sent-answer'))
    expect(at(events, 'server', 'sent-fin')).toBeGreaterThan(at(events, 'server', 'sent-answer'))
  })

  it('refused: the client should get ECONNREFUSED, a result and not an error, and no server should exist', async () => {
    const { prepared, error, events } = await played('refused')
    expect(error).toBeUndefined()
    expect(events).toEqual([
      { side: 'client', kind: 'error', detail: 'ECONNREFUSED' },
      { side: 'client', kind: 'closed' },
    ])
    expect(await refused(prepared.port)).toBe(true)
  })

  it('rst-abort: the client should abort after the answer and the server should see ECONNRESET', async () => {
    const { error, events } = await played('rst-abort')
    expect(error).toBeUndefined()
    expect(at(events, 'client', 'sent-rst')).toBeGreaterThan(at(events, 'client', 'received-answer'))
    expect(events).toContainEqual({ side: 'server', kind: 'error', detail: 'ECONNRESET' })
    expect(at(events, 'client', 'sent-fin')).toBe(-1)
    expect(at(events, 'server', 'sent-fin')).toBe(-1)
  })

  it('keep-alive: the client should turn keep-alive on, stay idle, then close normally', async () => {
    const { error, events } = await played('keep-alive')
    expect(error).toBeUndefined()
    expect(at(events, 'client', 'keep-alive-on')).toBeLessThan(at(events, 'client', 'sent-request'))
    expect(at(events, 'client', 'idle')).toBeGreaterThan(at(events, 'client', 'received-answer'))
    expect(at(events, 'client', 'sent-fin')).toBeGreaterThan(at(events, 'client', 'idle'))
    expect(at(events, 'server', 'sent-fin')).toBeGreaterThan(at(events, 'server', 'received-fin'))
  })

  it('should refuse to play the same connection twice', async () => {
    const { prepared } = await played('normal')
    expect(await prepared.play()).toEqual({ error: 'this demo connection was already played' })
  })

  describe('close()', () => {
    it.each(DEMO_SCENARIOS)('should leave no socket or listener open after %s was played', async (scenario) => {
      const { prepared } = await played(scenario)
      await prepared.close()
      expect(await tcpHandlesLeft()).toEqual([])
      expect(await refused(prepared.port)).toBe(true)
    })

    it('should free the listener of a scenario that was never played', async () => {
      const prepared = await prepareScenario('server-close')
      await prepared.close()
      expect(await refused(prepared.port)).toBe(true)
      expect(await tcpHandlesLeft()).toEqual([])
    })

    it('should end a scenario still playing: play() answers an error and nothing stays open', async () => {
      const prepared = await prepareScenario('keep-alive')
      const playing = prepared.play()
      // Close once the client is idle, waiting for its keep-alive probes.
      while (!prepared.events.some((e) => e.kind === 'idle')) await new Promise((resolve) => setImmediate(resolve))
      await prepared.close()
      expect((await playing).error).toBeTruthy()
      expect(await tcpHandlesLeft()).toEqual([])
    })

    it('should be safe to call twice', async () => {
      const prepared = await prepareScenario('normal')
      await prepared.close()
      await prepared.close()
      expect(await tcpHandlesLeft()).toEqual([])
    })
  })
})

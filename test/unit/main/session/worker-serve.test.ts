// The session worker's message loop over a real MessageChannel: each request is answered with its
// id, a failure as its code and message, and an answer that cannot cross the thread as an
// internal failure (the loop goes on answering).
import { MessageChannel, type MessagePort } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiFailure } from '../../../../main/api/port'
import type { SessionCore } from '../../../../main/session/session-core'
import type { LiveGrowth, WorkerMessage, WorkerRequest } from '../../../../main/session/worker-protocol'
import { serveSession } from '../../../../main/session/worker-serve'

let channel: MessageChannel | undefined
afterEach(() => {
  channel?.port1.close()
  channel?.port2.close()
})

/** A loop serving `core` on one port; `ask` sends a request on the other and resolves with its answer. */
function serve(core: Partial<SessionCore>, notices: LiveGrowth[] = []): (request: WorkerRequest) => Promise<WorkerMessage> {
  channel = new MessageChannel()
  serveSession(core as SessionCore, channel.port1 as MessagePort & { on(event: 'message', listener: (request: WorkerRequest) => void): unknown })
  const client = channel.port2
  return (request) =>
    new Promise((resolve) => {
      const listener = (message: WorkerMessage) => {
        if (message.kind === 'answer' && message.id === request.id) {
          client.off('message', listener)
          resolve(message)
        }
      }
      client.on('message', listener)
      for (const notice of notices) client.postMessage(notice)
      client.postMessage(request)
    })
}

describe('session/worker-serve: the worker message loop', () => {
  it('should answer a request with its id and the core method value', async () => {
    const ask = serve({ status: () => ({ session: 3, state: 'empty', packets: 0, connections: 0 }) })
    expect(await ask({ id: 7, method: 'status', args: [] })).toEqual({ kind: 'answer', id: 7, ok: true, value: { session: 3, state: 'empty', packets: 0, connections: 0 } })
  })

  it('should answer an ApiFailure with its code and message, and any other error as internal', async () => {
    const ask = serve({
      rows: async () => {
        throw new ApiFailure('bad-argument', 'rows: count too large')
      },
      packet: async () => {
        throw new TypeError('boom')
      },
    })
    expect(await ask({ id: 1, method: 'rows', args: [0, 5000] })).toEqual({ kind: 'answer', id: 1, ok: false, error: { code: 'bad-argument', message: 'rows: count too large' } })
    expect(await ask({ id: 2, method: 'packet', args: [1] })).toMatchObject({ id: 2, ok: false, error: { code: 'internal', message: expect.stringContaining('boom') } })
  })

  it('should answer an unknown method as bad-argument', async () => {
    const ask = serve({})
    expect(await ask({ id: 4, method: 'nonsense' as WorkerRequest['method'], args: [] })).toMatchObject({ id: 4, ok: false, error: { code: 'bad-argument' } })
  })

  it('should answer a value that cannot cross the thread as an internal failure, and go on answering', async () => {
    let calls = 0
    const ask = serve({ status: () => (++calls === 1 ? ({ state: 'empty', notCloneable: () => 1 } as never) : { session: 1, state: 'empty', packets: 0, connections: 0 }) })
    expect(await ask({ id: 1, method: 'status', args: [] })).toMatchObject({ id: 1, ok: false, error: { code: 'internal', message: expect.stringContaining('could not be sent') } })
    expect(await ask({ id: 2, method: 'status', args: [] })).toMatchObject({ id: 2, ok: true, value: { state: 'empty' } })
  })

  it('should pass a live capture’s growth on to the core and answer it with nothing', async () => {
    const grew: Array<[number, boolean]> = []
    const answers: WorkerMessage[] = []
    const notices: LiveGrowth[] = [
      { notice: 'liveGrew', size: 100, ended: false },
      { notice: 'liveGrew', size: 250, ended: true },
    ]
    const ask = serve({ liveGrew: (size, ended) => void grew.push([size, ended]), status: () => ({ session: 1, state: 'loading', packets: 0, connections: 0 }) }, notices)
    channel!.port2.on('message', (message: WorkerMessage) => answers.push(message))
    await ask({ id: 9, method: 'status', args: [] })
    expect(grew).toEqual([
      [100, false],
      [250, true],
    ])
    expect(answers.map((a) => a.kind === 'answer' && a.id)).toEqual([9])
  })
})

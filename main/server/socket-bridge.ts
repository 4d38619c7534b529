// One WebSocket connection carrying the contract to one backend: each request frame is answered
// `{ kind: 'answer', id, result }` from backend.call, each backend event is pushed as
// `{ kind: 'event', event, data }`. A frame that cannot be answered closes the socket (1008);
// nothing a page sends can throw past here.
import type { RawData, WebSocket } from 'ws'
import type { Result, WireMessage } from '../../preload/contract/api'
import { messageOf } from '../api/errors'
import type { BackendPort } from '../api/port'
import { parseWireFrame } from './wire'

/** RFC 6455 close codes used here. */
const CLOSE_POLICY = 1008
export const CLOSE_GOING_AWAY = 1001
export const CLOSE_INTERNAL_ERROR = 1011

function failure(code: 'bad-argument' | 'internal', message: string): Result<unknown> {
  return { ok: false, error: { code, message } }
}

function send(socket: WebSocket, message: WireMessage): void {
  if (socket.readyState !== socket.OPEN) return
  let text: string
  try {
    text = JSON.stringify(message)
  } catch (error) {
    if (message.kind !== 'answer') return
    text = JSON.stringify({ kind: 'answer', id: message.id, result: failure('internal', `the answer could not be sent as JSON: ${String(error)}`) })
  }
  socket.send(text)
}

async function answer(backend: BackendPort, method: string, args: unknown[]): Promise<Result<unknown>> {
  try {
    return await backend.call(method, args)
  } catch (error) {
    // BackendPort.call never throws by contract; if it does, that is a bug to report, not a crash.
    return failure('internal', `${method} failed: ${messageOf(error)}`)
  }
}

/**
 * Wires `socket` to `backend`; resolves once the socket has closed and the backend is disposed.
 * `onOpen` runs after events are forwarded, so nothing it starts is missed by the page.
 */
export function bridgeSocket(socket: WebSocket, backend: BackendPort, onOpen?: (backend: BackendPort) => void): Promise<void> {
  const unsubscribe = backend.onEvent((event, data) => send(socket, { kind: 'event', event, data } as WireMessage))

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      socket.close(CLOSE_POLICY, 'binary frames are not part of the protocol')
      return
    }
    const frame = parseWireFrame(data.toString())
    switch (frame.kind) {
      case 'unreadable':
        socket.close(CLOSE_POLICY, frame.message)
        return
      case 'invalid':
        send(socket, { kind: 'answer', id: frame.id, result: failure('bad-argument', frame.message) })
        return
      case 'request':
        void answer(backend, frame.method, frame.args).then((result) => send(socket, { kind: 'answer', id: frame.id, result }))
    }
  })
  // Errors (a frame over maxPayload, a broken connection) are followed by 'close'.
  socket.on('error', () => {})

  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  try {
    onOpen?.(backend)
  } catch {
    // The page still gets a working connection; what onOpen wanted simply did not happen.
  }
  return closed.then(async () => {
    unsubscribe()
    await backend.dispose().catch(() => {})
  })
}

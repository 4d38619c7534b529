// Destroying a socket is immediate, but its 'close' (the handle released) comes a moment later:
// a demo's close() waits for it, so nothing of the demo is left open when it resolves.
import type { Socket } from 'node:net'

export function closeSocket(socket: Socket): Promise<void> {
  if (socket.closed) return Promise.resolve()
  return new Promise((resolve) => {
    socket.once('close', () => resolve())
    socket.destroy()
  })
}

// Ports on 127.0.0.1 for the demos: a listener on a port the OS picks, or a port nothing listens on.
import { createServer, type Server } from 'node:net'

/** Demo traffic never leaves this machine. */
export const DEMO_HOST = '127.0.0.1'

/** Listens on 127.0.0.1, on a free port the OS picks; answers the port. */
export function listenOnLoopback(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, DEMO_HOST, () => {
      server.off('error', reject)
      resolve((server.address() as { port: number }).port)
    })
  })
}

/** A port that was free a moment ago and that nothing listens on now: a SYN to it is refused. */
export async function closedLoopbackPort(): Promise<number> {
  const probe = createServer()
  const port = await listenOnLoopback(probe)
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  return port
}

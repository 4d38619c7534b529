import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { prepareTarget, type PreparedTarget } from '../../../../main/demo/connect-target'
import { closedLoopbackPort, listenOnLoopback } from '../../../../main/demo/loopback-ports'
import { tcpHandlesLeft } from './open-handles'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A test server on 127.0.0.1; `seen` records what each accepted connection did. */
async function labServer(options: { closesOnFin: boolean }): Promise<{ port: number; seen: string[] }> {
  const seen: string[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket)
    seen.push('accepted')
    socket.resume()
    socket.on('end', () => {
      seen.push('fin')
      if (options.closesOnFin) socket.end()
    })
  })
  const port = await listenOnLoopback(server)
  cleanups.push(async () => {
    for (const s of sockets) s.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
  return { port, seen }
}

function prepared(target: PreparedTarget): PreparedTarget {
  cleanups.push(() => target.close())
  return target
}

describe('demo/connect-target', () => {
  it('should resolve the host and filter exactly that connection', async () => {
    const target = prepared(await prepareTarget({ host: 'lab.example', port: 8080 }, { lookup: async () => ({ address: '127.0.0.1' }) }))
    expect(target.address).toBe('127.0.0.1')
    expect(target.filter).toBe('tcp and host 127.0.0.1 and port 8080')
  })

  it('should write an IPv6 address into the filter as BPF takes it (no zone)', async () => {
    expect((await prepareTarget({ host: 'localhost', port: 80 }, { lookup: async () => ({ address: '::1' }) })).filter).toBe('tcp and host ::1 and port 80')
    expect((await prepareTarget({ host: 'router', port: 80 }, { lookup: async () => ({ address: 'fe80::1%eth0' }) })).filter).toBe('tcp and host fe80::1 and port 80')
  })

  it("should throw the resolver's own message when the host cannot be resolved", async () => {
    const lookup = async (host: string) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
    }
    await expect(prepareTarget({ host: 'lab.invalid', port: 80 }, { lookup })).rejects.toThrow('getaddrinfo ENOTFOUND lab.invalid')
  })

  it('should open a connection to 127.0.0.1, send FIN at once and wait until it closed', async () => {
    const server = await labServer({ closesOnFin: true })
    const target = prepared(await prepareTarget({ host: '127.0.0.1', port: server.port }))
    expect(await target.play()).toEqual({})
    expect(server.seen).toEqual(['accepted', 'fin'])
    await target.close()
    expect(await tcpHandlesLeft(1)).toEqual(['TCPServerWrap']) // the test server's listener only
  })

  it('should answer a refused connection as a result, not an error', async () => {
    const target = prepared(await prepareTarget({ host: '127.0.0.1', port: await closedLoopbackPort() }))
    expect(await target.play()).toEqual({})
  })

  it('should drop a connection whose server never closes after the close timeout', async () => {
    const server = await labServer({ closesOnFin: false })
    const target = prepared(await prepareTarget({ host: '127.0.0.1', port: server.port }, { closeTimeoutMs: 50 }))
    expect(await target.play()).toEqual({})
    expect(server.seen).toEqual(['accepted', 'fin'])
  })

  it('should refuse to play twice, and close() before play() should be harmless', async () => {
    const server = await labServer({ closesOnFin: true })
    const unplayed = await prepareTarget({ host: '127.0.0.1', port: server.port })
    await unplayed.close()
    const target = prepared(await prepareTarget({ host: '127.0.0.1', port: server.port }))
    await target.play()
    expect(await target.play()).toEqual({ error: 'this connection was already made' })
  })
})

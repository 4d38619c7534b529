// "Connect to host:port": the host resolved, a filter for exactly that connection
// ("tcp and host 10.0.0.5 and port 80"), and play() opening a TCP connection to it and closing
// it. A refused connection is a result to look at, not an error; a connection that never opens
// ends after a timeout, so the SYN retries (1 s, 2 s, 4 s… apart on Linux) are in the capture.
import { lookup as dnsLookup } from 'node:dns/promises'
import { connect, type Socket } from 'node:net'
import type { ConnectTarget } from '../../preload/contract/dto'
import { closeSocket } from './close-socket'
import type { PreparedConnection } from './scenarios'

export interface PreparedTarget extends PreparedConnection {
  address: string
}

/** Resolves a host name to one address (dns.lookup: the system's resolver, /etc/hosts included). */
export type HostLookup = (host: string) => Promise<{ address: string }>

export interface TargetOptions {
  /** Default: node:dns lookup (tests inject a fake: no query leaves the machine). */
  lookup?: HostLookup
  /** How long the connection may take to open (default 10 s: SYN retries at 1, 3 and 7 s). */
  connectTimeoutMs?: number
  /** How long the peer may take to close after our FIN (default 5 s); then the socket is dropped. */
  closeTimeoutMs?: number
}

/**
 * Resolves the host. Throws a plain Error whose message is the resolver's own
 * ("getaddrinfo ENOTFOUND lab.invalid") when it cannot, for the caller to report as the
 * connection's error; nothing has been opened then.
 */
export async function prepareTarget(target: ConnectTarget, options: TargetOptions = {}): Promise<PreparedTarget> {
  const { address } = await (options.lookup ?? dnsLookup)(target.host)
  let socket: Socket | undefined
  return {
    address,
    filter: `tcp and host ${bpfHost(address)} and port ${target.port}`,
    async play() {
      if (socket) return { error: 'this connection was already made' }
      socket = connect({ host: address, port: target.port })
      return openAndClose(socket, `${address}:${target.port}`, { connectTimeoutMs: options.connectTimeoutMs ?? 10_000, closeTimeoutMs: options.closeTimeoutMs ?? 5_000 })
    },
    async close() {
      if (socket) await closeSocket(socket)
    },
  }
}

/** BPF takes IPv6 addresses as they are ("host ::1"), but not a zone ("fe80::1%eth0"). */
function bpfHost(address: string): string {
  return address.replace(/%.*$/, '')
}

/** Waits for the connection to open, sends FIN at once, and waits for the socket to close. */
function openAndClose(socket: Socket, where: string, limits: { connectTimeoutMs: number; closeTimeoutMs: number }): Promise<{ error?: string }> {
  return new Promise((resolve) => {
    let outcome: { error?: string } = {}
    let timer = setTimeout(() => {
      // Worded as Node words its connect errors ("connect ECONNREFUSED 127.0.0.1:9").
      outcome = { error: `connect ETIMEDOUT ${where}` }
      socket.destroy()
    }, limits.connectTimeoutMs)
    socket.once('connect', () => {
      clearTimeout(timer)
      // Whatever the server says first (a banner) is read and dropped, so its FIN is seen.
      socket.resume()
      socket.end()
      timer = setTimeout(() => socket.destroy(), limits.closeTimeoutMs)
    })
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNREFUSED') outcome = { error: error.message }
    })
    socket.once('close', () => {
      clearTimeout(timer)
      resolve(outcome)
    })
  })
}

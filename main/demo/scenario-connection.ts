// One demo connection's life: the listener, the client and the accepted socket, each side's
// script run against them, the outcome (a refusal or a reset the scenario asked for is a result;
// anything else is an error), and the clean-up that leaves no socket, listener or timer behind.
import { connect, createServer, type Server, type Socket } from 'node:net'
import { closeSocket } from './close-socket'
import { LabSocket } from './lab-socket'
import { closedLoopbackPort, DEMO_HOST, listenOnLoopback } from './loopback-ports'
import { ScenarioJournal, type DemoSide } from './scenario-journal'
import type { ScenarioScript } from './scenario-scripts'

/** The longest scenario (keep-alive) takes about 3 s; past this something is wrong. */
const PLAY_TIMEOUT_MS = 10_000

export class ScenarioConnection {
  readonly journal = new ScenarioJournal()
  private readonly sockets = new Set<Socket>()
  private readonly abort = new AbortController()
  private accepted?: { lab: LabSocket; script: Promise<unknown> }
  private onAccepted?: () => void
  private played = false

  private constructor(
    private readonly script: ScenarioScript,
    readonly port: number,
    private server: Server | undefined,
  ) {}

  static async prepare(script: ScenarioScript): Promise<ScenarioConnection> {
    if (!script.listens) return new ScenarioConnection(script, await closedLoopbackPort(), undefined)
    const server = createServer({ allowHalfOpen: true })
    const port = await listenOnLoopback(server)
    const connection = new ScenarioConnection(script, port, server)
    server.on('connection', (socket) => connection.accept(socket))
    return connection
  }

  async play(): Promise<{ error?: string }> {
    if (this.played) return { error: 'this demo connection was already played' }
    this.played = true
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`the demo connection did not finish within ${PLAY_TIMEOUT_MS / 1000} s`), PLAY_TIMEOUT_MS)
    })
    try {
      const error = await Promise.race([this.run(), timeout])
      return error === undefined ? {} : { error }
    } finally {
      clearTimeout(timer)
    }
  }

  async close(): Promise<void> {
    this.abort.abort()
    const closing = [...this.sockets].map(closeSocket)
    const server = this.server
    this.server = undefined
    if (server) closing.push(new Promise((resolve) => server.close(() => resolve())))
    await Promise.all(closing)
  }

  /** Both sides' scripts to their end and both sockets closed; answers the error, if any. */
  private async run(): Promise<string | undefined> {
    const client = new LabSocket('client', this.track(connect({ host: DEMO_HOST, port: this.port, allowHalfOpen: true })), this.journal, { connected: false })
    const clientScript = this.script.client(client, { signal: this.abort.signal }).catch((e: Error) => e)
    const server = this.script.listens ? await this.acceptedSide() : undefined
    const failures = await Promise.all([clientScript, server?.script])
    await Promise.all([client.closed, server?.lab.closed])
    return this.unexpectedError('client', client) ?? this.unexpectedError('server', server?.lab) ?? failures.find((f) => f instanceof Error)?.message
  }

  private accept(socket: Socket): void {
    this.track(socket)
    // Only the demo's own client belongs here; anything else that finds the port is turned away.
    if (this.accepted) {
      socket.destroy()
      return
    }
    const lab = new LabSocket('server', socket, this.journal, { connected: true })
    const script = this.script.server?.(lab, { signal: this.abort.signal }).catch((e: Error) => e) ?? Promise.resolve()
    this.accepted = { lab, script }
    this.onAccepted?.()
  }

  private acceptedSide(): Promise<{ lab: LabSocket; script: Promise<unknown> }> {
    return new Promise((resolve) => {
      this.onAccepted = () => resolve(this.accepted!)
      if (this.accepted) resolve(this.accepted)
    })
  }

  private unexpectedError(side: DemoSide, lab: LabSocket | undefined): string | undefined {
    const expected = this.script.expectedErrors[side] ?? []
    const code = lab?.errors.find((e) => !expected.includes(e))
    return code === undefined ? undefined : `the ${side}'s socket failed: ${code}`
  }

  private track(socket: Socket): Socket {
    this.sockets.add(socket)
    socket.once('close', () => this.sockets.delete(socket))
    return socket
  }
}

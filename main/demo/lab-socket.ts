// One side of a demo connection: a node:net socket that keeps reading (so the peer's FIN and a
// reset always surface), counts what arrived, writes every step into the scenario's journal, and
// lets a scenario script wait for "n bytes arrived" or "the peer's FIN arrived" in plain order.
import type { Socket } from 'node:net'
import type { DemoEventKind, DemoSide, ScenarioJournal } from './scenario-journal'

export class LabSocket {
  /** The error codes this side saw (ECONNREFUSED, ECONNRESET…), in order. */
  readonly errors: string[] = []
  /** Resolves when the socket is closed (never rejects). */
  readonly closed: Promise<void>
  private receivedBytes = 0
  private isConnected: boolean
  private finReceived = false
  private isClosed = false
  private readonly waiters = new Set<() => void>()

  constructor(
    readonly side: DemoSide,
    readonly socket: Socket,
    private readonly journal: ScenarioJournal,
    { connected }: { connected: boolean },
  ) {
    this.isConnected = connected
    if (connected) journal.note(side, 'connected')
    else socket.once('connect', () => this.changed(() => (this.isConnected = true), 'connected'))
    socket.on('data', (chunk: Buffer) => this.changed(() => (this.receivedBytes += chunk.length)))
    socket.on('end', () => this.changed(() => (this.finReceived = true), 'received-fin'))
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? error.message
      this.errors.push(code)
      journal.note(side, 'error', code)
    })
    this.closed = new Promise((resolve) => {
      socket.once('close', () => {
        this.changed(() => (this.isClosed = true), 'closed')
        resolve()
      })
    })
  }

  connected(): Promise<void> {
    return this.until(() => this.isConnected, 'it connected')
  }

  /** Resolves once `bytes` bytes arrived in all. */
  received(bytes: number): Promise<void> {
    return this.until(() => this.receivedBytes >= bytes, `${bytes} bytes arrived`)
  }

  /** Resolves once the peer's FIN arrived (Node's 'end'). */
  peerFinished(): Promise<void> {
    return this.until(() => this.finReceived, "the peer's FIN arrived")
  }

  send(text: string, kind: DemoEventKind): void {
    this.socket.write(text)
    this.journal.note(this.side, kind)
  }

  note(kind: DemoEventKind): void {
    this.journal.note(this.side, kind)
  }

  /** Sends FIN: this side will send nothing more (it may still receive: a half-close). */
  finish(): void {
    this.socket.end()
    this.journal.note(this.side, 'sent-fin')
  }

  /** Aborts with SO_LINGER 0: the kernel sends RST instead of FIN and drops what was unsent. */
  abort(): void {
    this.socket.resetAndDestroy()
    this.journal.note(this.side, 'sent-rst')
  }

  private changed(update: () => unknown, kind?: DemoEventKind): void {
    update()
    if (kind) this.journal.note(this.side, kind)
    for (const check of [...this.waiters]) check()
  }

  /** Waits for `ready`; rejects when the socket closes first, so a script never hangs. */
  private until(ready: () => boolean, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (ready()) resolve()
        else if (this.isClosed) reject(new Error(`the ${this.side}'s socket closed before ${what}`))
        else return
        this.waiters.delete(check)
      }
      this.waiters.add(check)
      check()
    })
  }
}

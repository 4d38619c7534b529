// A BackendPort that answers from a table and records what it was asked, for the transport tests.
import type { EventName, Events, Result } from '../../../../preload/contract/api'
import type { BackendPort } from '../../../../main/api/port'

type Listener = <E extends EventName>(event: E, data: Events[E]) => void

export class FakeBackend implements BackendPort {
  readonly calls: Array<{ method: string; args: unknown }> = []
  disposed = false
  private listeners = new Set<Listener>()

  constructor(private readonly answers: (method: string, args: unknown) => Result<unknown> | Promise<Result<unknown>> = echo) {}

  async call(method: string, args: unknown): Promise<Result<unknown>> {
    this.calls.push({ method, args })
    return this.answers(method, args)
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends EventName>(event: E, data: Events[E]): void {
    for (const listener of this.listeners) listener(event, data)
  }

  get listenerCount(): number {
    return this.listeners.size
  }

  async dispose(): Promise<void> {
    this.disposed = true
  }
}

/** The default answers: `ping` echoes its args, anything else is an unknown method. */
export function echo(method: string, args: unknown): Result<unknown> {
  if (method === 'ping') return { ok: true, value: args }
  return { ok: false, error: { code: 'bad-argument', message: `unknown method ${method}` } }
}

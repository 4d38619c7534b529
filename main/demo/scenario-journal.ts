// What each side of a demo connection did, in order: the scenario's own account of its story
// ("the server sent its answer after it received the client's FIN"), which tests hold against
// the capture and a UI may show next to it.
export type DemoSide = 'client' | 'server'

export type DemoEventKind =
  | 'connected' // the handshake completed (client: connect; server: accepted)
  | 'sent-request'
  | 'received-request'
  | 'sent-answer'
  | 'received-answer'
  | 'keep-alive-on' // SO_KEEPALIVE set with the shortest timer
  | 'idle' // stayed silent (the keep-alive probes travel meanwhile)
  | 'sent-fin' // end(): this side will send no more
  | 'received-fin' // 'end': the peer's FIN arrived
  | 'sent-rst' // resetAndDestroy(): SO_LINGER 0, the kernel sends RST
  | 'error' // detail: the error's code (ECONNREFUSED, ECONNRESET…)
  | 'closed'

export interface DemoEvent {
  side: DemoSide
  kind: DemoEventKind
  detail?: string
}

export class ScenarioJournal {
  private readonly list: DemoEvent[] = []

  get events(): readonly DemoEvent[] {
    return this.list
  }

  note(side: DemoSide, kind: DemoEventKind, detail?: string): void {
    this.list.push(detail === undefined ? { side, kind } : { side, kind, detail })
  }

  /** Position of the first matching event, -1 when none (tests compare orders with it). */
  indexOf(side: DemoSide, kind: DemoEventKind): number {
    return this.list.findIndex((e) => e.side === side && e.kind === kind)
  }
}

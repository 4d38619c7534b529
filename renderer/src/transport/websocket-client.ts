// Browser mode's transport: the contract's TcpLensApi over one WebSocket to `tcplens serve`
// (main/server). Each request is a `WireRequest` with a fresh id and resolves with the Result
// of the answer carrying that id; events are dispatched to the `on…` listeners. A call never
// hangs: when the connection is gone, every pending and later call answers an 'io' error, and
// `onDisconnect` listeners hear about it once (no reconnection: the page must be reloaded).
// Runs in the browser: no Node imports.
import type { Answer, Args, EventName, Events, Method, Result, TcpLensApi, WireMessage, WireRequest } from '../../../preload/contract/api'

/** What the client needs of a WebSocket (the browser's, or the `ws` package's in Node tests). */
export interface SocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  addEventListener(type: 'open' | 'error', listener: () => void): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void
}

export type SocketFactory = (url: string) => SocketLike

export interface Disconnect {
  /** The WebSocket close code (1006: the connection dropped without a close frame). */
  code: number
  reason: string
}

/** TcpLensApi plus what only a network transport has. */
export interface BrowserApi extends TcpLensApi {
  /** The connection was lost or closed: pending and later calls answer 'io' errors. */
  onDisconnect(listener: (disconnect: Disconnect) => void): () => void
  readonly connected: boolean
  /** Closes the connection (listeners of onDisconnect are told). `close` is the contract's: it closes the capture. */
  disconnect(): void
}

const OPEN = 1

/**
 * The largest message the server takes (main/server's MAX_MESSAGE_BYTES; a test keeps them equal).
 * A bigger one would make the server close the connection, so it is refused here instead.
 */
export const MAX_MESSAGE_LENGTH = 256 * 1024 * 1024

/** ws://host/ws for a page served over http, wss:// over https. */
export function defaultSocketUrl(page: { protocol: string; host: string } = window.location): string {
  return `${page.protocol === 'https:' ? 'wss:' : 'ws:'}//${page.host}/ws`
}

function ioError(message: string): Result<never> {
  return { ok: false, error: { code: 'io', message } }
}

const LOST = 'The connection to the TCP Lens server was lost. Reload the page (is `tcplens serve` still running?).'

/** A request's args as they travel: trailing `undefined` left out (JSON would make them null). */
function wireArgs(args: readonly unknown[]): unknown[] {
  let end = args.length
  while (end > 0 && args[end - 1] === undefined) end--
  return args.slice(0, end)
}

function parseMessage(data: unknown): WireMessage | null {
  if (typeof data !== 'string') return null
  try {
    const message = JSON.parse(data) as WireMessage
    if (message?.kind === 'answer' && typeof message.id === 'number' && typeof message.result === 'object' && message.result !== null) return message
    if (message?.kind === 'event' && typeof message.event === 'string') return message
  } catch {
    // Not JSON: ignored, as any message that is not ours.
  }
  return null
}

class Listeners<T> {
  private readonly set = new Set<(value: T) => void>()

  add(listener: (value: T) => void): () => void {
    const own = (value: T): void => listener(value)
    this.set.add(own)
    return () => void this.set.delete(own)
  }

  emit(value: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(value)
      } catch (error) {
        // One failing listener must not keep the others from hearing it.
        console.error(error)
      }
    }
  }
}

const defaultFactory: SocketFactory = (url) => new WebSocket(url)

/**
 * Connects to the server's WebSocket (default: `/ws` of the page's own origin; the cookie set by
 * the token URL lets it in). Rejects when the connection cannot be opened.
 */
export function connectWebSocket(url: string = defaultSocketUrl(), createSocket: SocketFactory = defaultFactory, maxMessageLength = MAX_MESSAGE_LENGTH): Promise<BrowserApi> {
  const socket = createSocket(url)
  const pending = new Map<number, (result: Result<unknown>) => void>()
  const events: { [E in EventName]: Listeners<Events[E]> } = {
    capture: new Listeners(),
    progress: new Listeners(),
    work: new Listeners(),
    preferences: new Listeners(),
    live: new Listeners(),
    menu: new Listeners(),
  }
  const disconnects = new Listeners<Disconnect>()
  let lastId = 0
  let connected = false

  function call(method: Method, args: readonly unknown[]): Promise<Result<unknown>> {
    if (!connected || socket.readyState !== OPEN) return Promise.resolve(ioError(LOST))
    const id = ++lastId
    const request: WireRequest = { id, method, args: wireArgs(args) as WireRequest['args'] }
    return new Promise((resolve) => {
      try {
        const text = JSON.stringify(request)
        // Characters, not bytes: only an upload is this big, and its base64 is ASCII.
        if (text.length > maxMessageLength) {
          resolve({ ok: false, error: { code: 'bad-argument', message: `The request ${method} is too large to send (at most ${maxMessageLength} bytes).` } })
          return
        }
        pending.set(id, resolve)
        socket.send(text)
      } catch (error) {
        pending.delete(id)
        resolve(ioError(`The request ${method} could not be sent: ${error instanceof Error ? error.message : String(error)}`))
      }
    })
  }

  const request =
    <M extends Method>(method: M) =>
    (...args: Args<M>): Promise<Result<Answer<M>>> =>
      call(method, args) as Promise<Result<Answer<M>>>

  const subscribe =
    <E extends EventName>(event: E) =>
    (listener: (data: Events[E]) => void): (() => void) =>
      (events[event] as Listeners<Events[E]>).add(listener)

  const api: BrowserApi = {
    transport: 'browser',
    appInfo: request('appInfo'),
    getPreferences: request('getPreferences'),
    setPreferences: request('setPreferences'),
    recentFiles: request('recentFiles'),
    open: request('open'),
    upload: request('upload'),
    listDirectory: request('listDirectory'),
    cancelOpen: request('cancelOpen'),
    close: request('close'),
    status: request('status'),
    setView: request('setView'),
    cancelWork: request('cancelWork'),
    checkFilter: request('checkFilter'),
    filterFields: request('filterFields'),
    rows: request('rows'),
    positionOf: request('positionOf'),
    packet: request('packet'),
    connections: request('connections'),
    narrative: request('narrative'),
    lab: request('lab'),
    flowGraph: request('flowGraph'),
    expertInfo: request('expertInfo'),
    followStream: request('followStream'),
    captureInterfaces: request('captureInterfaces'),
    checkCaptureFilter: request('checkCaptureFilter'),
    startCapture: request('startCapture'),
    stopCapture: request('stopCapture'),
    restartCapture: request('restartCapture'),
    runDemo: request('runDemo'),
    connectTo: request('connectTo'),
    saveCapture: request('saveCapture'),
    onCapture: subscribe('capture'),
    onProgress: subscribe('progress'),
    onWork: subscribe('work'),
    onPreferences: subscribe('preferences'),
    onLive: subscribe('live'),
    onMenu: subscribe('menu'),
    onDisconnect: (listener) => disconnects.add(listener),
    get connected() {
      return connected
    },
    disconnect: () => socket.close(1000, 'closed by the page'),
  }
  return new Promise((resolve, reject) => {
    let settled = false
    socket.addEventListener('open', () => {
      connected = true
      settled = true
      resolve(api)
    })
    socket.addEventListener('message', (event) => {
      const message = parseMessage(event.data)
      if (message?.kind === 'answer') {
        const resolveAnswer = pending.get(message.id)
        pending.delete(message.id)
        resolveAnswer?.(message.result)
      } else if (message?.kind === 'event' && Object.hasOwn(events, message.event)) {
        const listeners = events[message.event] as Listeners<unknown>
        listeners.emit(message.data)
      }
    })
    socket.addEventListener('close', (event) => {
      connected = false
      for (const resolveAnswer of pending.values()) resolveAnswer(ioError(LOST))
      pending.clear()
      if (!settled) {
        settled = true
        reject(new Error(`Cannot connect to the TCP Lens server at ${url} (WebSocket closed with code ${event.code}).`))
      } else {
        disconnects.emit({ code: event.code, reason: event.reason })
      }
    })
    socket.addEventListener('error', () => {
      // A 'close' event always follows; it settles everything.
    })
  })
}

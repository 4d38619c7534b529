// Browser mode: the built renderer and the contract over a WebSocket, on 127.0.0.1 only.
// Every request passes the same gate (Host, Origin, token: access.ts) before anything else;
// the WebSocket is upgraded by hand (`noServer`) so the gate runs first there too.
// One backend per WebSocket connection, created on connect and disposed on close.
import { createReadStream } from 'node:fs'
import { realpath } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pipeline, type Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { BackendPort } from '../api/port'
import { checkAccess, type AccessPolicy } from './access'
import { contentType } from './content-types'
import { createServerFiles, type ServerFiles } from './files'
import type { SharedFolders } from '../api/path-policy'
import { cacheControl, securityHeaders } from './headers'
import { PROBLEM_STATUS, problemPage, problemText, type ProblemKind } from './pages'
import { bridgeSocket, CLOSE_GOING_AWAY, CLOSE_INTERNAL_ERROR } from './socket-bridge'
import { findStaticFile } from './static-files'
import { newToken, tokenCookie } from './token'

/** The only address browser mode listens on. */
export const LOOPBACK = '127.0.0.1'
const WEBSOCKET_PATH = '/ws'
/** The largest WebSocket message: a dropped capture travels whole, in base64 (the page's client refuses bigger: MAX_MESSAGE_LENGTH). */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024

export interface ServerOptions {
  /** The built renderer (out/renderer). */
  rootDir: string
  /** 0: any free port. */
  port?: number
  /** One backend per connection; it receives that connection's server files (listDirectory, upload). */
  createBackend: (files: ServerFiles) => BackendPort
  /** Runs for each new connection once its events are forwarded (e.g. to open the start file). */
  onConnection?: (backend: BackendPort) => void
  /** Where the Open dialog starts (default: the current folder). */
  startDir?: string
  /** The folders the page's Open and Save dialogs may list (default: all). */
  shared?: Pick<SharedFolders, 'contains'>
  /** Default: a new random token. */
  token?: string
  /** The largest message a page may send (default MAX_MESSAGE_BYTES); a bigger one closes the socket with 1009. */
  maxMessageBytes?: number
}

export interface RunningServer {
  /** The address to open, with the token: http://127.0.0.1:PORT/?token=… */
  url: string
  port: number
  /** Closes every connection (disposing their backends) and stops listening. */
  close(): Promise<void>
}

function answerProblem(response: ServerResponse, port: number, kind: ProblemKind, head: boolean): void {
  const body = problemPage(kind)
  response.writeHead(PROBLEM_STATUS[kind], {
    ...securityHeaders(port),
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    ...(kind === 'method' ? { Allow: 'GET, HEAD' } : {}),
  })
  response.end(head ? undefined : body)
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  const reason = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Error'
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`)
}

function pathOf(url: string | undefined): string {
  const raw = url ?? '/'
  const query = raw.search(/[?#]/)
  return query < 0 ? raw : raw.slice(0, query)
}

/** A redirect target on this server: "//host/…" (or "/\\host/…") would leave it. */
function sameServerPath(path: string): string {
  return `/${path.replace(/^[/\\]+/, '')}`
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = await realpath(options.rootDir)
  const token = options.token ?? newToken()
  const startDir = options.startDir ?? process.cwd()
  let port = 0
  const policy = (requireOrigin: boolean): AccessPolicy => ({ port, token, requireOrigin })

  async function serveStatic(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const head = request.method === 'HEAD'
    if (request.method !== 'GET' && !head) return answerProblem(response, port, 'method', false)
    const verdict = checkAccess(request, policy(false))
    if (!verdict.ok) return answerProblem(response, port, verdict.refusal, head)
    const path = pathOf(request.url)
    if (verdict.tokenInQuery) {
      // The token goes into a cookie and out of the address bar (and the history).
      response.writeHead(303, { ...securityHeaders(port), 'Set-Cookie': tokenCookie(port, token), Location: sameServerPath(path), 'Cache-Control': 'no-store', 'Content-Length': 0 })
      return void response.end()
    }
    const found = await findStaticFile(root, path)
    if (found.kind !== 'file') return answerProblem(response, port, found.kind, head)
    response.writeHead(200, {
      ...securityHeaders(port),
      'Content-Type': contentType(found.file),
      'Content-Length': found.size,
      'Cache-Control': cacheControl(path),
    })
    if (head) return void response.end()
    // pipeline, not pipe: when the browser goes before the end, the file is closed too.
    pipeline(createReadStream(found.file), response, () => undefined)
  }

  const http = createServer((request, response) => {
    serveStatic(request, response).catch(() => {
      if (!response.headersSent) answerProblem(response, port, 'not-found', false)
      else response.destroy()
    })
  })
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? MAX_MESSAGE_BYTES })
  const bridges = new Set<Promise<void>>()

  function accept(socket: WebSocket): void {
    const files = createServerFiles({ startDir, shared: options.shared })
    let backend: BackendPort
    try {
      backend = options.createBackend(files)
    } catch {
      // A close reason is at most 123 bytes (ws throws past that): a fixed one, not the error's words.
      socket.close(CLOSE_INTERNAL_ERROR, 'the server could not start a session')
      void files.dispose()
      return
    }
    const bridge = bridgeSocket(socket, backend, options.onConnection).finally(() => files.dispose())
    bridges.add(bridge)
    void bridge.finally(() => bridges.delete(bridge))
  }

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    if (pathOf(request.url) !== WEBSOCKET_PATH) return refuseUpgrade(socket, 404, problemText('not-found'))
    const verdict = checkAccess(request, policy(true))
    if (!verdict.ok) return refuseUpgrade(socket, verdict.status, problemText(verdict.refusal))
    sockets.handleUpgrade(request, socket, head, accept)
  })
  http.on('clientError', (_error, socket: Duplex) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 0, LOOPBACK, () => {
      http.off('error', reject)
      resolve()
    })
  })
  port = (http.address() as AddressInfo).port

  let closing: Promise<void> | undefined
  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    close: () =>
      (closing ??= (async () => {
        for (const client of sockets.clients) client.close(CLOSE_GOING_AWAY, 'the server is stopping')
        const stopped = new Promise<void>((resolve) => http.close(() => resolve()))
        http.closeAllConnections()
        // A client that does not answer the close handshake is cut off after a moment.
        const cutOff = setTimeout(() => sockets.clients.forEach((client) => client.terminate()), 1000)
        await Promise.all([...bridges])
        clearTimeout(cutOff)
        sockets.close()
        await stopped
      })()),
  }
}

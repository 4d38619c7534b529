// A real browser-mode server on 127.0.0.1 (ephemeral port) over a small built-renderer folder,
// with fake backends, and the HTTP and WebSocket clients the tests speak through.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { startServer, type RunningServer, type ServerOptions } from '../../../../main/server/server'
import type { ServerFiles } from '../../../../main/server/files'
import { FakeBackend } from './fake-backend'

export const INDEX_HTML = '<!doctype html><html><head><title>TCP Lens</title></head><body><div id="app"></div></body></html>\n'
export const APP_JS = 'console.log("tcp lens")\n'
export const SECRET = 'outside the root\n'

export interface Harness {
  server: RunningServer
  root: string
  /** A folder beside the root, with secret.txt in it. */
  outside: string
  token: string
  backends: FakeBackend[]
  files: ServerFiles[]
  close(): Promise<void>
}

/** out/renderer in miniature: index.html, assets/, a link that points outside, and a secret beside it. */
export function makeRoot(): { base: string; root: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'tcplens-server-'))
  const root = join(base, 'renderer')
  const outside = join(base, 'private')
  mkdirSync(join(root, 'assets', 'nested'), { recursive: true })
  mkdirSync(outside)
  writeFileSync(join(root, 'index.html'), INDEX_HTML)
  writeFileSync(join(root, 'assets', 'index-abc123.js'), APP_JS)
  writeFileSync(join(root, 'assets', 'index-abc123.css'), 'body { margin: 0 }\n')
  writeFileSync(join(root, 'assets', 'nested', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n')
  writeFileSync(join(outside, 'secret.txt'), SECRET)
  writeFileSync(join(base, 'secret.txt'), SECRET)
  if (process.platform !== 'win32') symlinkSync(join(outside, 'secret.txt'), join(root, 'assets', 'link.txt'))
  return { base, root, outside }
}

export async function startHarness(options: Partial<ServerOptions> & { backend?: () => FakeBackend } = {}): Promise<Harness> {
  const { base, root, outside } = makeRoot()
  const backends: FakeBackend[] = []
  const files: ServerFiles[] = []
  const token = options.token ?? 'test-token-0123456789abcdefghijklmnopqrstuvw'
  const server = await startServer({
    rootDir: root,
    port: 0,
    token,
    createBackend: (serverFiles) => {
      files.push(serverFiles)
      const backend = options.backend?.() ?? new FakeBackend()
      backends.push(backend)
      return backend
    },
    ...options,
  })
  return {
    server,
    root,
    outside,
    token,
    backends,
    files,
    async close() {
      await server.close()
      rmSync(base, { recursive: true, force: true })
    },
  }
}

export interface HttpAnswer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** A GET (or another method) with exactly the headers given; `path` is sent as it is, unnormalised. */
export function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers }, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

export function cookieHeader(harness: Harness): Record<string, string> {
  return { cookie: `tcplens_${harness.server.port}=${harness.token}` }
}

export interface SocketOptions {
  origin?: string | null
  host?: string
  cookie?: string
  query?: string
  path?: string
}

/** Opens a WebSocket as a browser on our page would (Origin and cookie), unless told otherwise. */
export function openSocket(harness: Harness, options: SocketOptions = {}): WebSocket {
  const port = harness.server.port
  const origin = options.origin === undefined ? `http://127.0.0.1:${port}` : options.origin
  const headers: Record<string, string> = { cookie: options.cookie ?? `tcplens_${port}=${harness.token}` }
  if (options.host) headers['host'] = options.host
  return new WebSocket(`ws://127.0.0.1:${port}${options.path ?? '/ws'}${options.query ?? ''}`, { headers, ...(origin === null ? {} : { origin }) })
}

/** How an upgrade ended: open, or refused with an HTTP status. */
export function upgradeOutcome(socket: WebSocket): Promise<{ open: true } | { open: false; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ open: true }))
    socket.once('unexpected-response', (_req, res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ open: false, status: res.statusCode ?? 0, body }))
    })
    socket.once('error', reject)
  })
}

export function nextMessage(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) => socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))))
}

export function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => socket.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })))
}

// `tcplens serve` as a user runs it: the built CLI (out/main/cli.js, made by `npm run build`,
// which `npm test` runs first) in its own process, with the real session worker behind it.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { connectWebSocket, type SocketLike } from '../../../../renderer/src/transport/websocket-client'
import { get } from '../server/harness'
import { fixtureFile } from './run-cli'

const CLI = resolve(__dirname, '../../../../out/main/cli.js')
const config = mkdtempSync(join(tmpdir(), 'tcplens-serve-bin-'))
afterAll(() => rmSync(config, { recursive: true, force: true }))

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let out = ''
    let err = ''
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/.exec(out)?.[0]
      if (url) resolveUrl(url)
    })
    child.once('exit', (code) => reject(new Error(`tcplens serve exited with ${code} before printing its address: ${err}`)))
  })
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code)))
}

describe('tcplens serve (the built command)', () => {
  it('should print its address, serve the page and a capture over the WebSocket, and stop on SIGTERM with 0', async () => {
    const file = fixtureFile('tcp-scenario-four-way-close')
    const child = spawn(process.execPath, [CLI, 'serve', file, '--no-open'], { env: { ...process.env, XDG_CONFIG_HOME: config, LANG: 'en_US.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'] })
    const exited = exitOf(child)
    try {
      const url = new URL(await waitForUrl(child))
      const port = Number(url.port)
      const token = url.searchParams.get('token')!

      const redirect = await get(port, `/?token=${token}`)
      expect(redirect.status).toBe(303)
      const page = await get(port, '/', { cookie: (redirect.headers['set-cookie']?.[0] ?? '').split(';')[0] })
      expect(page.status).toBe(200)
      expect(page.body).toContain('<div id="app">')

      const api = await connectWebSocket(`ws://127.0.0.1:${port}/ws`, (ws) => new WebSocket(ws, { origin: `http://127.0.0.1:${port}`, headers: { cookie: `tcplens_${port}=${token}` } }) as unknown as SocketLike)
      let status = await api.status()
      for (let i = 0; i < 400 && !(status.ok && status.value.state === 'ready'); i++) {
        await new Promise((r) => setTimeout(r, 25))
        status = await api.status()
      }
      expect(status).toMatchObject({ ok: true, value: { state: 'ready', file: { path: file } } })
      const rows = await api.rows(0, 3)
      expect(rows.ok && rows.value.rows.map((r) => r.no)).toEqual([1, 2, 3])
      api.disconnect()
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })

  it('should exit 2 when the file cannot be read', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', join(config, 'missing.pcap'), '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] })
    expect(await exitOf(child)).toBe(2)
  })
})

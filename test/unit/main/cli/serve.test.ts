import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { CaptureStatus } from '../../../../preload/contract/api'
import { builtRendererDir, serveCommand, type ServeEnvironment } from '../../../../main/cli/serve'
import { mainBundleDir } from '../../../../main/bundle-dir'
import type { RunningServer } from '../../../../main/server/server'
import { connectWebSocket, type BrowserApi, type SocketLike } from '../../../../renderer/src/transport/websocket-client'
import { fakeSessions, type FakeSessions } from '../server/fake-sessions'
import { get, makeRoot, INDEX_HTML } from '../server/harness'
import { fixtureFile, tcplens } from './run-cli'

const work = mkdtempSync(join(tmpdir(), 'tcplens-serve-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))
const { root } = makeRoot()

class Collect extends Writable {
  text = ''
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

interface Served {
  server: RunningServer
  stdout: Collect
  stderr: Collect
  sessions: FakeSessions[]
  browser: string[]
  stop(): Promise<number>
}

/** Runs `tcplens serve ARGS` in-process with fake sessions until stop() (as Ctrl+C would). */
async function serve(args: string[], environment: Partial<ServeEnvironment> = {}): Promise<Served> {
  const stdout = new Collect()
  const stderr = new Collect()
  const sessions: FakeSessions[] = []
  const browser: string[] = []
  let stopNow: () => void = () => {}
  let listening: (server: RunningServer) => void = () => {}
  const started = new Promise<RunningServer>((resolve) => (listening = resolve))
  const code = serveCommand(args, { stdout, stderr }, {
    rendererDir: root,
    settingsFolder: join(work, 'settings'),
    samplePath: async () => fixtureFile('tcp-scenario-four-way-close'),
    env: { LANG: 'en_US.UTF-8' },
    createSessions: () => {
      const s = fakeSessions()
      sessions.push(s)
      return s
    },
    openBrowser: (url) => browser.push(url),
    untilStopped: () => new Promise<void>((resolve) => (stopNow = resolve)),
    onListening: listening,
    ...environment,
  })
  const server = await Promise.race([started, code.then((c) => Promise.reject(new Error(`serve ended with ${c}: ${stderr.text}`)))])
  return {
    server,
    stdout,
    stderr,
    sessions,
    browser,
    stop: () => {
      stopNow()
      return code
    },
  }
}

/** The page's WebSocket client, as a browser would open it after the token redirect. */
function connectAsPage(server: RunningServer): Promise<BrowserApi> {
  const token = new URL(server.url).searchParams.get('token')!
  return connectWebSocket(`ws://127.0.0.1:${server.port}/ws`, (url) => new WebSocket(url, { origin: `http://127.0.0.1:${server.port}`, headers: { cookie: `tcplens_${server.port}=${token}` } }) as unknown as SocketLike)
}

/**
 * The status once the start file is open. It is asked for, as the page does at start: the first
 * `capture` event can come before a listener is added (the `ws` client delivers it in the same
 * tick as 'open'; a browser queues it as a task after).
 */
async function openedStatus(api: BrowserApi): Promise<CaptureStatus> {
  for (let i = 0; i < 200; i++) {
    const status = await api.status()
    if (status.ok && status.value.state !== 'empty') return status.value
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error('the start file was never opened')
}

describe('cli/serve', () => {
  it('should print the URL with its token, say it is for this machine only, and serve the page', async () => {
    const file = fixtureFile('tcp-scenario-four-way-close')
    const s = await serve([file, '--no-open'])
    const url = new URL(s.server.url)
    expect(url.origin).toBe(`http://127.0.0.1:${s.server.port}`)
    expect(url.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(s.stdout.text).toContain(s.server.url)
    expect(s.stdout.text).toMatch(/for this machine only/)
    expect(s.stdout.text).toMatch(/Ctrl\+C/)

    const redirect = await get(s.server.port, `${url.pathname}${url.search}`)
    expect(redirect.status).toBe(303)
    const cookie = (redirect.headers['set-cookie']?.[0] ?? '').split(';')[0]
    const page = await get(s.server.port, '/', { cookie })
    expect(page.status).toBe(200)
    expect(page.body).toBe(INDEX_HTML)

    expect(s.browser).toEqual([])
    expect(await s.stop()).toBe(0)
    expect(s.stdout.text).toMatch(/Stopping/)
    expect(s.stderr.text).toBe('')
  })

  it('should open FILE for every page that connects, and end its session when the page goes', async () => {
    const file = fixtureFile('tcp-scenario-four-way-close')
    const s = await serve([file, '--no-open'])
    const api = await connectAsPage(s.server)
    const status = await openedStatus(api)
    expect(status).toMatchObject({ state: 'ready', file: { path: file } })
    expect(s.sessions[0].opened).toEqual([file])
    expect(await api.status()).toMatchObject({ ok: true, value: { state: 'ready' } })
    expect((await api.appInfo()).ok && (await api.appInfo())).toMatchObject({ value: { transport: 'browser', files: 'server' } })
    api.disconnect()
    for (let i = 0; i < 100 && !s.sessions[0].disposed; i++) await new Promise((resolve) => setTimeout(resolve, 5))
    expect(s.sessions[0].disposed).toBe(true)
    expect(await s.stop()).toBe(0)
  })

  it('should share the home folder, the current folder and the file\'s folder by default, and say so', async () => {
    const file = fixtureFile('tcp-scenario-four-way-close')
    const home = mkdtempSync(join(work, 'home-'))
    const s = await serve([file, '--no-open'], { home, cwd: work })
    expect(s.stdout.text).toContain(`The page may open and save files only in: ${[home, work, dirname(file)].map((p) => realpathSync(p)).join(', ')}`)
    const api = await connectAsPage(s.server)
    await openedStatus(api)
    expect(await api.listDirectory(home)).toMatchObject({ ok: true, value: { path: home } })
    expect(await api.listDirectory('/etc')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await api.open({ kind: 'path', path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(s.sessions[0].opened).toEqual([file])
    api.disconnect()
    expect(await s.stop()).toBe(0)
  })

  it('should share only the --root folders, while still opening the FILE named on the command line', async () => {
    const file = fixtureFile('tcp-scenario-four-way-close')
    const lab = mkdtempSync(join(work, 'lab-'))
    writeFileSync(join(lab, 'week1.pcapng'), 'x')
    const s = await serve([file, '--root', lab, '--no-open'], { home: work, cwd: work })
    const api = await connectAsPage(s.server)
    expect(await openedStatus(api)).toMatchObject({ file: { path: file } })
    expect(await api.listDirectory(lab)).toMatchObject({ ok: true, value: { parent: null } })
    expect(await api.listDirectory(work)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await api.saveCapture({ kind: 'path', path: join(work, 'out.pcapng'), displayed: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    api.disconnect()
    expect(await s.stop()).toBe(0)
  })

  it('should exit 2 when a --root folder does not exist', async () => {
    const result = await tcplens('serve', '--root', join(work, 'no-such-folder'), '--no-open')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('no-such-folder: no such folder')
  })

  it('should open the bundled sample when no FILE is given', async () => {
    const sample = fixtureFile('tcp-scenario-four-way-close')
    const s = await serve(['--no-open'], { samplePath: async () => sample })
    const api = await connectAsPage(s.server)
    await openedStatus(api)
    expect(s.sessions[0].opened).toEqual([sample])
    expect(s.stdout.text).toMatch(/serving the sample capture/)
    api.disconnect()
    expect(await s.stop()).toBe(0)
  })

  it('should list the folder of FILE in the Open dialog by default', async () => {
    const file = fixtureFile('tcp-scenario-four-way-close')
    const s = await serve([file, '--no-open'])
    const api = await connectAsPage(s.server)
    const listing = await api.listDirectory()
    expect(listing.ok && listing.value.path).toBe(join(file, '..'))
    expect(listing.ok && listing.value.entries.some((e) => e.path === file && e.capture)).toBe(true)
    api.disconnect()
    await s.stop()
  })

  it('should open the browser on the URL unless --no-open or CI=true, and only warn when it cannot', async () => {
    const s = await serve([])
    expect(s.browser).toEqual([s.server.url])
    await s.stop()

    const ci = await serve([], { env: { CI: 'true', LANG: 'C' } })
    expect(ci.browser).toEqual([])
    await ci.stop()

    const failing = await serve([], { openBrowser: (_url, warn) => warn('xdg-open: spawn xdg-open ENOENT') })
    expect(failing.stderr.text).toBe('tcplens: could not open a browser (xdg-open: spawn xdg-open ENOENT); open the address above yourself\n')
    expect(await failing.stop()).toBe(0)
  })

  it('should speak the system’s language', async () => {
    const s = await serve(['--no-open'], { env: { LANG: 'zh_CN.UTF-8' } })
    expect(s.stdout.text).toMatch(/此地址仅供本机使用/)
    expect(s.stdout.text).toContain(s.server.url)
    await s.stop()
  })

  it('should listen on the port asked for', async () => {
    const free = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const port = (probe.address() as { port: number }).port
        probe.close(() => resolve(port))
      })
    })
    const s = await serve(['--port', String(free), '--no-open'])
    expect(s.server.port).toBe(free)
    expect(s.server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${free}/\\?token=`))
    await s.stop()
  })

  it('should exit 2 when the port is taken', async () => {
    const s = await serve(['--no-open'])
    const stderr = new Collect()
    const code = await serveCommand(['--port', String(s.server.port), '--no-open'], { stdout: new Collect(), stderr }, { rendererDir: root, settingsFolder: join(work, 'settings'), env: {}, untilStopped: async () => {} })
    expect(code).toBe(2)
    expect(stderr.text).toMatch(new RegExp(`port ${s.server.port} is in use`))
    await s.stop()
  })

  it('should exit 2 with the reason when FILE cannot be read or is not a capture', async () => {
    const missing = await tcplens('serve', join(work, 'missing.pcap'), '--no-open')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^tcplens: .*missing\.pcap: /)
    const text = join(work, 'notes.txt')
    writeFileSync(text, 'not a capture at all, just words\n')
    const notCapture = await tcplens('serve', text, '--no-open')
    expect(notCapture.code).toBe(2)
    expect(notCapture.stderr).toMatch(/notes\.txt: /)
    expect(notCapture.stdout).toBe('')
  })

  it('should exit 2 and say to build when the browser interface is missing', async () => {
    const stderr = new Collect()
    const code = await serveCommand(['--no-open'], { stdout: new Collect(), stderr }, { rendererDir: join(work, 'nowhere'), env: {} })
    expect(code).toBe(2)
    expect(stderr.text).toMatch(/run npm run build/)
  })

  it('should refuse bad arguments as every command does (exit 1, a one-line reason)', async () => {
    for (const args of [['--port', 'http'], ['--port', '70000'], ['--port=-1'], ['a.pcap', 'b.pcap'], ['--bogus']]) {
      const result = await tcplens('serve', ...args)
      expect(result.code, args.join(' ')).toBe(1)
      expect(result.stderr, args.join(' ')).toMatch(/^tcplens: /)
    }
  })

  it('should be in the help', async () => {
    expect((await tcplens('help')).stdout).toMatch(/serve \[FILE\] \[--port N\] \[--root DIR\]\.\.\. \[--no-open\]/)
  })

  it('should find the built renderer next to the bundle (out/main → out/renderer)', () => {
    const base = mkdtempSync(join(work, 'out-'))
    rmSync(base, { recursive: true })
    const bundle = join(base, 'main')
    expect(builtRendererDir(bundle)).toBe(join(base, 'renderer'))
    const { root: built } = makeRoot()
    expect(builtRendererDir(join(built, '..', 'main'))).toBe(built)
  })

  it('should find the session worker beside the bundle, also from a shared chunk (out/main/chunks)', () => {
    const out = mkdtempSync(join(work, 'out-'))
    const main = join(out, 'main')
    mkdirSync(join(main, 'chunks'), { recursive: true })
    writeFileSync(join(main, 'session-worker.js'), '')
    expect(mainBundleDir(main)).toBe(main)
    expect(mainBundleDir(join(main, 'chunks'))).toBe(main)
    mkdirSync(join(out, 'renderer'))
    writeFileSync(join(out, 'renderer', 'index.html'), '')
    expect(builtRendererDir(join(main, 'chunks'))).toBe(join(out, 'renderer'))
  })
})

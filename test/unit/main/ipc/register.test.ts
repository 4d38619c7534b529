import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import { fakeIpcMain } from './fake-ipc-main'

// main/window.ts imports Electron; nothing of it runs in these tests.
vi.mock('electron', () => ({ BrowserWindow: class {}, shell: {}, screen: {} }))

const { createBackend } = await import('../../../../main/api/backend')
const { chosenPathsPolicy } = await import('../../../../main/api/path-policy')
const { METHODS } = await import('../../../../main/api/validate')
const { registerIpc, sendEvent } = await import('../../../../main/ipc/register')
type IpcEventLike = import('../../../../main/ipc/sender').IpcEventLike
const { DROPPED_CHANNEL } = await import('../../../../main/ipc/channels')
const { SettingsStore } = await import('../../../../main/settings/store')
const { EMPTY_STATUS, fakeSessions } = await import('../api/fake-sessions')


const PAGE = 'file:///app/out/renderer/index.html'
const location = { file: '/app/out/renderer/index.html' }

describe('main/ipc', () => {
  let folder: string
  let ipcMain: ReturnType<typeof fakeIpcMain>
  let fake: ReturnType<typeof fakeSessions>
  let paths: ReturnType<typeof chosenPathsPolicy>
  let window: { destroyed: boolean; isDestroyed(): boolean; webContents: { send: Mock<(channel: string, ...args: unknown[]) => void> } }
  let unregister: () => void

  /** An IPC event from a frame of our window (the top frame unless a parent is given). */
  const from = (url = PAGE, options: { parent?: object | null; sender?: unknown } = {}) => ({
    sender: options.sender ?? window.webContents,
    senderFrame: { url, parent: options.parent ?? null },
  })
  const invoke = (method: string, event: unknown, ...args: unknown[]) => {
    const handler = ipcMain.handlers.get(`tcplens:${method}`)
    if (!handler) throw new Error(`no handler for ${method}`)
    return handler(event as IpcEventLike, ...args) as Promise<unknown>
  }

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'tcplens-ipc-'))
    ipcMain = fakeIpcMain()
    fake = fakeSessions()
    paths = chosenPathsPolicy()
    window = { destroyed: false, isDestroyed: () => window.destroyed, webContents: { send: vi.fn() } }
    const settings = await SettingsStore.open(folder)
    const backend = createBackend({ transport: 'electron', sessions: fake.sessions, settings, paths })
    unregister = registerIpc({ ipcMain, window, location, backend, paths })
  })
  afterEach(() => {
    unregister()
    rmSync(folder, { recursive: true, force: true })
  })

  it('should register one handler per contract method, on tcplens:<method>', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHODS.map((m) => `tcplens:${m}`).sort())
  })

  it('should answer a Result from the backend for our own page', async () => {
    expect(await invoke('status', from())).toEqual({ ok: true, value: EMPTY_STATUS })
    expect(await invoke('rows', from(), 5, 20)).toEqual({ ok: true, value: { start: 5, rows: [], count: 0 } })
    expect(fake.sessions.rows).toHaveBeenCalledWith(5, 20)
  })

  describe('senders', () => {
    it('should refuse a frame of another origin', async () => {
      expect(await invoke('status', from('https://evil.example/'))).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(await invoke('status', from('file:///tmp/dropped.html'))).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(fake.sessions.status).not.toHaveBeenCalled()
    })

    it('should refuse a sub-frame, even one showing our own page', async () => {
      expect(await invoke('connections', from(PAGE, { parent: {} }))).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(fake.sessions.connections).not.toHaveBeenCalled()
    })

    it('should refuse another window, a frame that is gone, and a destroyed window', async () => {
      expect(await invoke('status', from(PAGE, { sender: { send: vi.fn() } }))).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(await invoke('status', { sender: window.webContents, senderFrame: null })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      window.destroyed = true
      expect(await invoke('status', from())).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    })

    it('should accept the dev server origin in development', async () => {
      unregister()
      const backend = createBackend({ transport: 'electron', sessions: fake.sessions, settings: await SettingsStore.open(folder), paths })
      unregister = registerIpc({ ipcMain, window, location: { devUrl: 'http://localhost:5173/', file: location.file }, backend, paths })
      expect(await invoke('status', from('http://localhost:5173/'))).toMatchObject({ ok: true })
      expect(await invoke('status', from('http://localhost:5174/'))).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    })
  })

  describe('arguments', () => {
    const BAD: Array<[string, unknown[]]> = [
      ['rows', [0, 5000]],
      ['packet', ['1']],
      ['narrative', [0, 'fr']],
      ['setView', [{ stream: -2 }]],
      ['open', [{ kind: 'url', path: 'http://x/' }]],
      ['setPreferences', [{ theme: 'neon' }]],
      ['upload', ['../../etc/x', 'AAAA']],
      ['listDirectory', [7]],
      ['appInfo', ['extra']],
    ]
    for (const [method, args] of BAD) {
      it(`should answer bad-argument to ${method}(${JSON.stringify(args)})`, async () => {
        expect(await invoke(method, from(), ...args)).toMatchObject({ ok: false, error: { code: 'bad-argument' } })
      })
    }
  })

  describe('dropped files', () => {
    it('should let our page open a file after the preload reported it dropped', async () => {
      const open = () => invoke('open', from(), { kind: 'path', path: '/home/s/lab.pcap' })
      expect(await open()).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      ipcMain.listeners.get(DROPPED_CHANNEL)!(from(), '/home/s/lab.pcap')
      expect(await open()).toMatchObject({ ok: true, value: { path: '/home/s/lab.pcap' } })
    })

    it('should ignore drops reported by a foreign frame, and values that are not paths', () => {
      ipcMain.listeners.get(DROPPED_CHANNEL)!(from('https://evil.example/'), '/etc/shadow')
      ipcMain.listeners.get(DROPPED_CHANNEL)!(from(PAGE, { parent: {} }), '/etc/shadow')
      ipcMain.listeners.get(DROPPED_CHANNEL)!(from(), { path: '/etc/shadow' })
      expect(paths.allows('/etc/shadow')).toBe(false)
    })
  })

  describe('events', () => {
    it('should send the backend events to the window on tcplens:event:<name>', () => {
      fake.emit('capture', EMPTY_STATUS)
      expect(window.webContents.send).toHaveBeenCalledWith('tcplens:event:capture', EMPTY_STATUS)
    })

    it('should send nothing to a destroyed window', () => {
      window.destroyed = true
      sendEvent(window, 'menu', 'go-next')
      fake.emit('capture', EMPTY_STATUS)
      expect(window.webContents.send).not.toHaveBeenCalled()
    })

    it('should remove every handler and stop the events when unregistered', () => {
      unregister()
      unregister = () => undefined
      expect(ipcMain.handlers.size).toBe(0)
      expect(ipcMain.listeners.size).toBe(0)
      fake.emit('capture', EMPTY_STATUS)
      expect(window.webContents.send).not.toHaveBeenCalled()
    })
  })
})

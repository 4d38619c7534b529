import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { APP_NAME } from '../../../../main/api/app-info'
import { createBackend, suggestedSaveName, type BackendOptions } from '../../../../main/api/backend'
import { chosenPathsPolicy, sharedFoldersPolicy } from '../../../../main/api/path-policy'
import { ApiFailure, type CaptureControl } from '../../../../main/api/port'
import type { LiveStats } from '../../../../preload/contract/dto'
import { SettingsStore } from '../../../../main/settings/store'
import packageJson from '../../../../package.json'
import { EMPTY_STATUS, fakeSessions } from './fake-sessions'

describe('main/api/backend', () => {
  let folder: string
  let settings: SettingsStore
  let fake: ReturnType<typeof fakeSessions>
  let capturePath: string

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'tcplens-backend-'))
    settings = await SettingsStore.open(join(folder, 'settings'))
    fake = fakeSessions()
    capturePath = join(folder, 'lab.pcapng')
    writeFileSync(capturePath, 'capture bytes')
  })
  afterEach(async () => {
    await settings.flush()
    rmSync(folder, { recursive: true, force: true })
  })

  const electronBackend = (extra: Partial<BackendOptions> = {}) =>
    createBackend({ transport: 'electron', sessions: fake.sessions, settings, paths: chosenPathsPolicy(), systemLanguage: 'zh-CN', platform: 'linux', ...extra })

  describe('answers', () => {
    it('should answer appInfo with the package version, the transport and the system language', async () => {
      expect(await electronBackend().call('appInfo', [])).toEqual({
        ok: true,
        value: { name: APP_NAME, version: packageJson.version, transport: 'electron', platform: 'linux', systemLanguage: 'zh-CN', files: 'native' },
      })
      const browser = createBackend({ transport: 'browser', sessions: fake.sessions, settings, paths: sharedFoldersPolicy(['/']) })
      const info = await browser.call('appInfo', [])
      expect(info.ok && info.value).toMatchObject({ transport: 'browser', files: 'server', platform: process.platform })
    })

    it('should route the session methods to the capture session with their arguments', async () => {
      const backend = electronBackend()
      expect(await backend.call('rows', [10, 50])).toEqual({ ok: true, value: { start: 10, rows: [], count: 0 } })
      expect(fake.sessions.rows).toHaveBeenCalledWith(10, 50)
      await backend.call('narrative', [2, 'en'])
      expect(fake.sessions.narrative).toHaveBeenCalledWith(2, 'en')
      expect(await backend.call('status', [])).toEqual({ ok: true, value: EMPTY_STATUS })
    })

    it('should refuse bad arguments before the session sees them', async () => {
      const result = await electronBackend().call('rows', [0, 100_000])
      expect(result).toEqual({ ok: false, error: { code: 'bad-argument', message: 'rows: count must be an integer from 0 to 1000' } })
      expect(fake.sessions.rows).not.toHaveBeenCalled()
      expect((await electronBackend().call('nuke', [])).ok).toBe(false)
    })

    it('should turn an ApiFailure into its error and anything else into an internal error, never throwing', async () => {
      fake.sessions.packet.mockRejectedValueOnce(new ApiFailure('not-found', 'no frame 99'))
      expect(await electronBackend().call('packet', [99])).toEqual({ ok: false, error: { code: 'not-found', message: 'no frame 99' } })
      expect(await electronBackend().call('followStream', [0])).toEqual({ ok: false, error: { code: 'internal', message: 'followStream: not in this fake' } })
      fake.sessions.connections.mockRejectedValueOnce(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))
      expect(await electronBackend().call('connections', [])).toMatchObject({ ok: false, error: { code: 'io' } })
      fake.sessions.expertInfo.mockRejectedValueOnce({ name: 'ApiFailure', code: 'no-capture', message: 'nothing open' })
      expect(await electronBackend().call('expertInfo', [])).toMatchObject({ ok: false, error: { code: 'no-capture' } })
    })

    it('should answer "unsupported" for what its transport does not offer', async () => {
      const backend = electronBackend()
      for (const [method, args] of [
        ['listDirectory', []],
        ['upload', ['a.pcap', 'AAAA']],
        ['open', [{ kind: 'dialog' }]],
        ['open', [{ kind: 'sample' }]],
      ] as const) {
        expect(await backend.call(method, args)).toMatchObject({ ok: false, error: { code: 'unsupported' } })
      }
    })
  })

  describe('opening files', () => {
    it('should refuse a path the user did not choose', async () => {
      const result = await electronBackend().call('open', [{ kind: 'path', path: '/etc/shadow' }])
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(fake.sessions.openPath).not.toHaveBeenCalled()
    })

    it('should open a path once it is granted (drop, command line), and add it to the recent files', async () => {
      const paths = chosenPathsPolicy()
      const backend = electronBackend({ paths })
      paths.grant(capturePath)
      const result = await backend.call('open', [{ kind: 'path', path: capturePath }])
      expect(result).toMatchObject({ ok: true, value: { name: 'lab.pcapng', path: capturePath } })
      expect((await settings.recentFiles()).map((f) => f.path)).toEqual([capturePath])
    })

    it('should open what the dialog chose, and answer null when it was cancelled', async () => {
      const chooseFile = vi.fn<() => Promise<string | null>>().mockResolvedValueOnce(capturePath).mockResolvedValueOnce(null)
      const paths = chosenPathsPolicy()
      const backend = electronBackend({ chooseFile, paths })
      expect(await backend.call('open', [{ kind: 'dialog' }])).toMatchObject({ ok: true, value: { path: capturePath } })
      expect(paths.allows(capturePath)).toBe(true)
      expect(await backend.call('open', [{ kind: 'dialog' }])).toEqual({ ok: true, value: null })
      expect(fake.sessions.openPath).toHaveBeenCalledTimes(1)
    })

    it('should open a recent file, and refuse a "recent" path that is not on the list', async () => {
      await settings.addRecentFile(capturePath)
      const backend = electronBackend()
      expect(await backend.call('open', [{ kind: 'recent', path: capturePath }])).toMatchObject({ ok: true })
      expect(await backend.call('open', [{ kind: 'path', path: capturePath }])).toMatchObject({ ok: true })
      expect(await backend.call('open', [{ kind: 'recent', path: '/etc/passwd' }])).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    })

    it('should open the sample without putting it on the recent list', async () => {
      const backend = electronBackend({ samplePath: async () => capturePath })
      expect(await backend.call('open', [{ kind: 'sample' }])).toMatchObject({ ok: true, value: { path: capturePath } })
      expect(await settings.recentFiles()).toEqual([])
    })

    it('should let browser mode open a path in the shared folders, and no other', async () => {
      const backend = createBackend({ transport: 'browser', sessions: fake.sessions, settings, paths: sharedFoldersPolicy([dirname(capturePath)]) })
      expect(await backend.call('open', [{ kind: 'path', path: capturePath }])).toMatchObject({ ok: true })
      const outside = await backend.call('open', [{ kind: 'path', path: '/etc/passwd' }])
      expect(outside).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      expect(!outside.ok && outside.error.message).toContain('--root')
      expect(fake.sessions.openPath).not.toHaveBeenCalledWith('/etc/passwd', expect.anything())
    })

    it('should store an upload through the transport and open it under its own name, with no path', async () => {
      const upload = vi.fn(async () => capturePath)
      const backend = createBackend({ transport: 'browser', sessions: fake.sessions, settings, paths: sharedFoldersPolicy(['/']), upload })
      const result = await backend.call('upload', ['mine.pcap', Buffer.from('hello').toString('base64')])
      expect(upload).toHaveBeenCalledWith('mine.pcap', new Uint8Array(Buffer.from('hello')))
      expect(fake.sessions.openPath).toHaveBeenCalledWith(capturePath, { displayName: 'mine.pcap' })
      expect(result).toMatchObject({ ok: true, value: { name: 'mine.pcap', path: '' } })
      expect(await settings.recentFiles()).toEqual([])
    })

    it('should list a folder through the transport', async () => {
      const listing = { path: '/srv', parent: '/', entries: [] }
      const listDirectory = vi.fn(async () => listing)
      const backend = createBackend({ transport: 'browser', sessions: fake.sessions, settings, paths: sharedFoldersPolicy(['/']), listDirectory })
      expect(await backend.call('listDirectory', ['/srv'])).toEqual({ ok: true, value: listing })
      expect(listDirectory).toHaveBeenCalledWith('/srv')
    })
  })

  describe('live capture and saving', () => {
    const control = () => {
      let statsListener: ((stats: LiveStats) => void) | undefined
      const capture = {
        interfaces: vi.fn(async () => ({ available: true, interfaces: [] })),
        checkFilter: vi.fn(async () => ({ ok: true })),
        start: vi.fn(async () => ({ file: { name: 'a.pcapng', path: '/tmp/a.pcapng', size: 0, format: 'pcapng' as const, compressed: false } })),
        stop: vi.fn(async () => EMPTY_STATUS),
        restart: vi.fn(async () => ({})),
        runDemo: vi.fn(async () => ({ stream: 0 })),
        connectTo: vi.fn(async () => ({ error: 'connect ETIMEDOUT' })),
        onStats: vi.fn((listener: (stats: LiveStats) => void) => {
          statsListener = listener
          return () => (statsListener = undefined)
        }),
        dispose: vi.fn(async () => undefined),
      } satisfies CaptureControl
      return { capture, stats: (stats: LiveStats) => statsListener?.(stats) }
    }

    it('should route the capture requests to the capture control, after checking their arguments', async () => {
      const { capture } = control()
      const backend = electronBackend({ capture })
      await backend.call('startCapture', [{ interface: 'lo', filter: 'tcp', stop: { seconds: 5 } }])
      expect(capture.start).toHaveBeenCalledWith({ interface: 'lo', filter: 'tcp', stop: { seconds: 5 } })
      await backend.call('runDemo', ['half-close'])
      expect(capture.runDemo).toHaveBeenCalledWith('half-close')
      expect(await backend.call('connectTo', [{ host: '127.0.0.1', port: 9 }])).toEqual({ ok: true, value: { error: 'connect ETIMEDOUT' } })
      expect((await backend.call('startCapture', [{ interface: 'lo' }])).ok).toBe(false)
      expect(capture.start).toHaveBeenCalledTimes(1)
    })

    it('should answer unsupported without a capture control, and send its counters as the live event', async () => {
      expect(await electronBackend().call('captureInterfaces', [])).toMatchObject({ ok: false, error: { code: 'unsupported' } })
      const { capture, stats } = control()
      const backend = electronBackend({ capture })
      const events: unknown[] = []
      backend.onEvent((event, data) => events.push([event, data]))
      const live: LiveStats = { session: 1, state: 'capturing', interface: 'lo', filter: '', packets: 3, bytes: 200, packetsPerSecond: 3, bytesPerSecond: 200, dropped: 0, elapsedMs: 1000 }
      stats(live)
      expect(events).toEqual([['live', live]])
      await backend.dispose()
      expect(capture.dispose).toHaveBeenCalled()
    })

    it('should save through the save dialog, suggesting a name, and answer null when it is cancelled', async () => {
      fake.sessions.status.mockResolvedValue({ ...EMPTY_STATUS, state: 'ready', file: { name: 'tcplens_capture-lo_1.pcapng', path: '/tmp/x.pcapng', size: 1, format: 'pcapng', compressed: false } })
      const chooseSavePath = vi.fn(async () => '/labs/mine.pcap')
      const saved = await electronBackend({ chooseSavePath }).call('saveCapture', [{ kind: 'dialog', displayed: true }])
      expect(chooseSavePath).toHaveBeenCalledWith('tcplens_capture-lo_1-displayed.pcapng')
      expect(fake.sessions.saveAs).toHaveBeenCalledWith('/labs/mine.pcap', { displayed: true })
      expect(saved).toMatchObject({ ok: true, value: { path: '/labs/mine.pcap', format: 'pcap' } })
      const cancelled = await electronBackend({ chooseSavePath: async () => null }).call('saveCapture', [{ kind: 'dialog', displayed: false }])
      expect(cancelled).toEqual({ ok: true, value: null })
    })

    it('should write a typed path only in browser mode', async () => {
      expect(await electronBackend().call('saveCapture', [{ kind: 'path', path: '/etc/x.pcapng', displayed: false }])).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      const browser = createBackend({ transport: 'browser', sessions: fake.sessions, settings, paths: sharedFoldersPolicy(['/home/s']) })
      expect(await browser.call('saveCapture', [{ kind: 'path', path: '/home/s/lab.pcapng', displayed: false }])).toMatchObject({ ok: true })
      expect(fake.sessions.saveAs).toHaveBeenCalledWith('/home/s/lab.pcapng', { displayed: false })
    })

    it('should write in browser mode only inside the shared folders', async () => {
      const browser = createBackend({ transport: 'browser', sessions: fake.sessions, settings, paths: sharedFoldersPolicy(['/home/s']) })
      for (const path of ['/etc/cron.d/x.pcapng', '/home/s/../t/lab.pcapng', '/home/shared/lab.pcapng']) {
        expect(await browser.call('saveCapture', [{ kind: 'path', path, displayed: false }])).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      }
      expect(fake.sessions.saveAs).not.toHaveBeenCalled()
    })

    it('should suggest save names from the open file', () => {
      expect(suggestedSaveName('lab.pcap', false)).toBe('lab.pcap')
      expect(suggestedSaveName('lab.pcap.gz', false)).toBe('lab.pcap')
      expect(suggestedSaveName('trace.cap', false)).toBe('trace.pcapng')
      expect(suggestedSaveName('notes', false)).toBe('notes.pcapng')
      expect(suggestedSaveName('lab.pcapng', true)).toBe('lab-displayed.pcapng')
    })
  })

  describe('preferences and events', () => {
    it('should save preferences and send them as the preferences event', async () => {
      const backend = electronBackend()
      const events = vi.fn()
      backend.onEvent(events)
      const result = await backend.call('setPreferences', [{ language: 'zh-CN' }])
      expect(result).toMatchObject({ ok: true, value: { language: 'zh-CN' } })
      expect(events).toHaveBeenCalledWith('preferences', expect.objectContaining({ language: 'zh-CN' }))
      expect(await backend.call('getPreferences', [])).toMatchObject({ ok: true, value: { language: 'zh-CN' } })
    })

    it('should forward the session events, and stop after dispose', async () => {
      const backend = electronBackend()
      const events = vi.fn()
      const stop = backend.onEvent(events)
      const status = { ...EMPTY_STATUS, session: 1, state: 'loading' as const }
      fake.emit('capture', status)
      expect(events).toHaveBeenCalledWith('capture', status)
      stop()
      fake.emit('progress', { session: 1, bytesRead: 1, totalBytes: 2, packets: 1, connections: 0 })
      expect(events).toHaveBeenCalledTimes(1)
      await backend.dispose()
      expect(fake.listenerCount()).toBe(0)
      expect(fake.sessions.dispose).not.toHaveBeenCalled()
      expect(await backend.call('status', [])).toMatchObject({ ok: false, error: { code: 'internal' } })
    })

    it('should forward the progress of a long request (work) as it forwards the load’s progress', () => {
      const backend = electronBackend()
      const events = vi.fn()
      backend.onEvent(events)
      const progress = { session: 2, bytesRead: 10, totalBytes: 20, packets: 3, connections: 1 }
      const work = { session: 2, task: 'sort' as const, done: 500, total: 2000 }
      fake.emit('progress', progress)
      fake.emit('work', work)
      fake.emit('work', { ...work, done: 2000 })
      expect(events.mock.calls).toEqual([
        ['progress', progress],
        ['work', work],
        ['work', { ...work, done: 2000 }],
      ])
    })

    it('should keep delivering to other listeners when one of them throws', async () => {
      const backend = electronBackend()
      const good = vi.fn()
      backend.onEvent(() => {
        throw new Error('window gone')
      })
      backend.onEvent(good)
      fake.emit('capture', EMPTY_STATUS)
      expect(good).toHaveBeenCalledOnce()
    })
  })
})

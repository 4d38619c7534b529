// Every IPC handler of the contract, driven from the contract itself (METHODS and SIGNATURES of
// main/api/validate.ts), wired as main/index.ts wires the Electron window: a foreign sender is
// refused before the backend sees the request, a wrong argument is refused before any part of
// the app is reached, and a path the user did not choose is never opened. A method added to the
// contract without a row in GOOD_ARGS fails here.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import type { Args, Method } from '../../../../preload/contract/api'
import { fakeIpcMain } from './fake-ipc-main'

// main/window.ts imports Electron; nothing of it runs in these tests.
vi.mock('electron', () => ({ BrowserWindow: class {}, shell: {}, screen: {} }))

const { createBackend } = await import('../../../../main/api/backend')
const { chosenPathsPolicy } = await import('../../../../main/api/path-policy')
const { MAX_UPLOAD_BASE64_LENGTH, METHODS, SIGNATURES } = await import('../../../../main/api/validate')
const { registerIpc } = await import('../../../../main/ipc/register')
const { DROPPED_CHANNEL } = await import('../../../../main/ipc/channels')
const { SettingsStore } = await import('../../../../main/settings/store')
const { fakeSessions } = await import('../api/fake-sessions')
type IpcEventLike = import('../../../../main/ipc/sender').IpcEventLike
type BackendPort = import('../../../../main/api/port').BackendPort
type CaptureControl = import('../../../../main/api/port').CaptureControl

/** One complete, valid argument list per method (every optional argument given). */
const GOOD_ARGS: { [M in Method]: Args<M> } = {
  appInfo: [],
  getPreferences: [],
  setPreferences: [{ language: 'zh-CN', theme: 'dark', timeFormat: 'epoch', fontScale: 1.25, filterHistory: ['tcp.port == 80'] }],
  recentFiles: [],
  open: [{ kind: 'path', path: '/home/student/lab.pcapng' }],
  upload: ['lab.pcapng', 'AAAA'],
  listDirectory: ['/home/student'],
  cancelOpen: [],
  close: [],
  status: [],
  setView: [{ stream: 0, filter: 'tcp', sort: { column: 'time', descending: true } }],
  cancelWork: [],
  checkFilter: ['tcp.flags.syn == 1'],
  filterFields: [],
  rows: [0, 100],
  positionOf: [1],
  packet: [1],
  connections: [],
  narrative: [0, 'en'],
  lab: [0, 'zh-CN'],
  flowGraph: ['en'],
  expertInfo: [],
  followStream: [0],
  captureInterfaces: [],
  checkCaptureFilter: ['lo', 'tcp port 80'],
  startCapture: [{ interface: 'lo', filter: 'tcp', stop: { packets: 100, seconds: 10, megabytes: 5 } }],
  stopCapture: [],
  restartCapture: [],
  runDemo: ['normal'],
  connectTo: [{ host: '127.0.0.1', port: 8080, interface: 'lo' }],
  saveCapture: [{ kind: 'path', path: '/home/student/saved.pcapng', displayed: true }],
}

// ── wrong values, generated from a good one ────────────────────────────────────────────────────

/** Longer than any limit of the contract, the upload's base64 included (one string, shared). */
const HUGE = 'A'.repeat(MAX_UPLOAD_BASE64_LENGTH + 4)

interface Case {
  what: string
  args: unknown[]
}

/** An object with an own "__proto__" key, as JSON.parse makes one from a page's text. */
function withOwnProto(good: object): object {
  const polluted = { ...good }
  Object.defineProperty(polluted, '__proto__', { value: { polluted: true }, enumerable: true, configurable: true, writable: true })
  return polluted
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Values that must be refused where `good` is expected: other types, NaN and infinities, and
 * for objects (recursively) prototype tricks, unknown keys and each key made wrong.
 * `topLevel`: an argument itself (every number there is a frame, stream or count: whole and ≥ 0).
 */
function wrongValues(good: unknown, topLevel: boolean): Array<[string, unknown]> {
  const notNumbers: Array<[string, unknown]> = [['NaN', Number.NaN], ['Infinity', Number.POSITIVE_INFINITY], ['-Infinity', Number.NEGATIVE_INFINITY]]
  switch (typeof good) {
    case 'number':
      return [['a numeric string', String(good)], ['null', null], ['true', true], ['an array', [good]], ['an object', { value: good }], ...notNumbers, ...(topLevel ? ([['-1', -1], ['1.5', 1.5], ['2^53', 2 ** 53]] as Array<[string, unknown]>) : [])]
    case 'string':
      return [['a number', 1], ['null', null], ['false', false], ['an array', [good]], ['an object', { value: good }], ['NaN', Number.NaN], ['a huge string', HUGE]]
    case 'boolean':
      return [['"true"', 'true'], ['1', 1], ['0', 0], ['null', null], ['an object', {}]]
  }
  if (Array.isArray(good)) {
    return [['a string', 'x'], ['null', null], ['an object', {}], ['an array with a number', [1]], ['an array with a huge string', [HUGE]]]
  }
  if (isPlainObject(good)) {
    const wrong: Array<[string, unknown]> = [
      ['a string', 'x'],
      ['a number', 1],
      ['null', null],
      ['an array', [good]],
      ['an own __proto__ key', withOwnProto(good)],
      ['a constructor key', { ...good, constructor: { prototype: { polluted: true } } }],
      ['an unknown key', { ...good, unexpected: 1 }],
      ['inherited keys', Object.create(good) as object],
      ['a Date', new Date(0)],
    ]
    for (const [key, value] of Object.entries(good)) {
      for (const [what, bad] of wrongValues(value, false)) wrong.push([`.${key} as ${what}`, { ...good, [key]: bad }])
    }
    return wrong
  }
  throw new Error(`no wrong values for ${typeof good}`)
}

/** Every wrong argument list for a method: each argument made wrong, too few, too many. */
function badArgumentCases(method: Method): Case[] {
  const good = GOOD_ARGS[method] as unknown[]
  const required = SIGNATURES[method].filter((p) => !p.optional).length
  const cases: Case[] = [{ what: 'one argument too many', args: [...good, 'extra'] }]
  for (let given = 0; given < required; given++) cases.push({ what: `only ${given} of ${required} required arguments`, args: good.slice(0, given) })
  good.forEach((value, i) => {
    const name = SIGNATURES[method][i].name
    const optional = SIGNATURES[method][i].optional === true
    for (const [what, bad] of wrongValues(value, true)) cases.push({ what: `${name} as ${what}`, args: good.map((v, j) => (j === i ? bad : v)) })
    if (!optional) cases.push({ what: `${name} as undefined`, args: good.map((v, j) => (j === i ? undefined : v)) })
  })
  return cases
}

// ── the wiring of main/index.ts, with fakes behind it ───────────────────────────────────────────


function fakeCapture() {
  return {
    interfaces: vi.fn(),
    checkFilter: vi.fn(),
    start: vi.fn(),
    stop: vi.fn(),
    restart: vi.fn(),
    runDemo: vi.fn(),
    connectTo: vi.fn(),
    onStats: vi.fn(() => () => undefined),
    dispose: vi.fn(async () => undefined),
  } satisfies CaptureControl
}

const PAGE = 'file:///app/out/renderer/index.html'
const location = { file: '/app/out/renderer/index.html' }
const FORBIDDEN = { ok: false, error: { code: 'forbidden' } }
const BAD_ARGUMENT = { ok: false, error: { code: 'bad-argument' } }

/** Short words for an argument list in a failure message (HUGE is 140 MB). */
const show = (args: unknown[]) => JSON.stringify(args, (_k, v: unknown) => (v === HUGE ? '<huge>' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v))?.slice(0, 200)

describe('main/ipc: every handler of the contract', () => {
  let folder: string
  let ipcMain: ReturnType<typeof fakeIpcMain>
  let fake: ReturnType<typeof fakeSessions>
  let capture: ReturnType<typeof fakeCapture>
  let paths: ReturnType<typeof chosenPathsPolicy>
  let settings: Awaited<ReturnType<typeof SettingsStore.open>>
  let dialogs: { chooseFile: Mock<() => Promise<string | null>>; chooseSavePath: Mock<(name: string) => Promise<string | null>>; samplePath: Mock<() => Promise<string>> }
  let window: { destroyed: boolean; isDestroyed(): boolean; webContents: { send: Mock<(channel: string, ...args: unknown[]) => void> } }
  let unregister: () => void

  const from = (url = PAGE, options: { parent?: object | null; sender?: unknown } = {}): IpcEventLike => ({
    sender: options.sender ?? window.webContents,
    senderFrame: { url, parent: options.parent ?? null },
  })
  const invoke = (method: string, event: IpcEventLike, ...args: unknown[]) => {
    const handler = ipcMain.handlers.get(`tcplens:${method}`)
    if (!handler) throw new Error(`no handler for ${method}`)
    return handler(event, ...args) as Promise<unknown>
  }
  const drop = (event: IpcEventLike, ...args: unknown[]) => ipcMain.listeners.get(DROPPED_CHANNEL)!(event, ...args)

  /** Every part of the app a request could reach: none may have been called. */
  function reachedParts(): string[] {
    const spies: Record<string, { mock: { calls: unknown[] } }> = {
      ...Object.fromEntries(Object.entries(fake.sessions).filter(([name]) => name !== 'onEvent')),
      ...Object.fromEntries(Object.entries(capture).filter(([name]) => name !== 'onStats' && name !== 'dispose').map(([name, spy]) => [`capture.${name}`, spy])),
      ...dialogs,
    }
    return Object.entries(spies)
      .filter(([, spy]) => spy.mock.calls.length > 0)
      .map(([name]) => name)
  }

  function wire(backend: BackendPort): void {
    unregister = registerIpc({ ipcMain, window, location, backend, paths })
  }

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'tcplens-ipc-all-'))
    ipcMain = fakeIpcMain()
    fake = fakeSessions()
    capture = fakeCapture()
    paths = chosenPathsPolicy()
    settings = await SettingsStore.open(join(folder, 'settings'))
    dialogs = { chooseFile: vi.fn(async (): Promise<string | null> => null), chooseSavePath: vi.fn(async (): Promise<string | null> => null), samplePath: vi.fn(async () => '/app/sample.pcapng') }
    window = { destroyed: false, isDestroyed: () => window.destroyed, webContents: { send: vi.fn() } }
    // As main/index.ts makes the window's backend (no listDirectory or upload: those are browser mode's).
    wire(createBackend({ transport: 'electron', sessions: fake.sessions, settings, paths, capture, ...dialogs }))
  })
  afterEach(() => {
    unregister()
    rmSync(folder, { recursive: true, force: true })
  })

  it('should have a valid argument list in this test for every method of the contract, and nothing else', () => {
    expect(Object.keys(GOOD_ARGS).sort()).toEqual([...METHODS].sort())
    expect([...ipcMain.handlers.keys()].sort()).toEqual(METHODS.map((m) => `tcplens:${m}`).sort())
    for (const method of METHODS) expect(GOOD_ARGS[method].length, method).toBe(SIGNATURES[method].length)
  })

  describe('(a) a sender that is not our page’s top frame is refused before the backend', () => {
    const SENDERS: Array<[string, (own: () => IpcEventLike) => IpcEventLike]> = [
      ['a frame of another origin', () => ({ ...from('https://evil.example/') })],
      ['a local file that is not our page', () => ({ ...from('file:///tmp/downloaded.html') })],
      ['a sub-frame showing our own page', () => ({ ...from(PAGE, { parent: {} }) })],
      ['another window', () => ({ ...from(PAGE, { sender: { send: vi.fn() } }) })],
      ['a frame that is gone', (own) => ({ ...own(), senderFrame: null })],
    ]
    for (const method of METHODS) {
      it(`should answer forbidden to ${method} from every foreign sender, with valid arguments`, async () => {
        const backend: BackendPort = { call: vi.fn(async () => ({ ok: true as const, value: null })), onEvent: () => () => undefined, dispose: async () => undefined }
        unregister()
        wire(backend)
        for (const [who, sender] of SENDERS) {
          expect(await invoke(method, sender(() => from()), ...(GOOD_ARGS[method] as unknown[])), who).toMatchObject(FORBIDDEN)
        }
        window.destroyed = true
        expect(await invoke(method, from(), ...(GOOD_ARGS[method] as unknown[])), 'a destroyed window').toMatchObject(FORBIDDEN)
        expect(backend.call).not.toHaveBeenCalled()
      })
    }
  })

  describe('(b) a wrong argument is refused before any part of the app is reached', () => {
    for (const method of METHODS) {
      it(`should answer bad-argument to every malformed call of ${method}(${SIGNATURES[method].map((p) => p.name + (p.optional ? '?' : '')).join(', ')})`, async () => {
        const cases = badArgumentCases(method)
        expect(cases.length).toBeGreaterThan(0)
        for (const { what, args } of cases) {
          expect(await invoke(method, from(), ...args), `${method}: ${what} ${show(args)}`).toMatchObject(BAD_ARGUMENT)
        }
        expect(reachedParts()).toEqual([])
        expect(await settings.recentFiles()).toEqual([])
      })
    }

    it('should leave Object.prototype untouched by every call above', () => {
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    })
  })

  describe('(c) a path the user did not choose is refused', () => {
    const CHOSEN = '/home/student/labs/lab.pcapng'
    const open = (path: string) => invoke('open', from(), { kind: 'path', path })
    beforeEach(() => paths.grant(CHOSEN))

    it('should open the chosen path, and only it', async () => {
      expect(await open(CHOSEN)).toMatchObject({ ok: true, value: { path: CHOSEN } })
      expect(fake.sessions.openPath).toHaveBeenCalledTimes(1)
      expect(fake.sessions.openPath).toHaveBeenCalledWith(CHOSEN, undefined)
    })

    const REFUSED: Array<[string, string]> = [
      ['a path never chosen', '/etc/shadow'],
      ['a sibling of the chosen file', '/home/student/labs/other.pcapng'],
      ['the chosen file’s folder', '/home/student/labs'],
      ['a file inside the chosen “folder”', `${CHOSEN}/x`],
      ['“..” that leaves the chosen file', `${CHOSEN}/../../secret.pcapng`],
      ['“..” that climbs above it', '/home/student/labs/../../../etc/passwd'],
      ['the same name in another case (another file on a case-sensitive disk; refused everywhere)', CHOSEN.toUpperCase()],
      ['a relative path that resolves elsewhere', 'lab.pcapng'],
      ['a Windows-looking spelling', 'C:\\home\\student\\labs\\lab.pcapng'],
      ['a file: URL of the chosen file', `file://${CHOSEN}`],
    ]
    for (const [what, path] of REFUSED) {
      it(`should refuse ${what}`, async () => {
        expect(await open(path)).toMatchObject(FORBIDDEN)
        expect(fake.sessions.openPath).not.toHaveBeenCalled()
      })
    }

    it('should treat “..” and “.” that resolve to the chosen file as the chosen file (the same file on disk)', async () => {
      expect(await open('/home/student/labs/../labs/./lab.pcapng')).toMatchObject({ ok: true })
    })

    it('should allow a relative path only when it resolves to the chosen file', async () => {
      const chosenHere = join(process.cwd(), 'granted-here.pcapng')
      paths.grant(chosenHere)
      expect(await open(relative(process.cwd(), chosenHere))).toMatchObject({ ok: true })
      expect(await open('./not-granted-here.pcapng')).toMatchObject(FORBIDDEN)
    })

    it('should compare names, not files: a link to a chosen file, or the file behind a chosen link, is refused', async () => {
      if (process.platform === 'win32') return
      const real = join(folder, 'real.pcapng')
      const link = join(folder, 'link.pcapng')
      writeFileSync(real, '')
      symlinkSync(real, link)
      paths.grant(real)
      expect(await open(link)).toMatchObject(FORBIDDEN)
      const chosenLink = join(folder, 'chosen-link.pcapng')
      const behind = join(folder, 'behind.pcapng')
      writeFileSync(behind, '')
      symlinkSync(behind, chosenLink)
      paths.grant(chosenLink)
      expect(await open(behind)).toMatchObject(FORBIDDEN)
      expect(await open(chosenLink)).toMatchObject({ ok: true })
    })

    it('should open a recent file only when it is on the recent list, exactly', async () => {
      const recent = join(folder, 'recent.pcapng')
      writeFileSync(recent, '')
      await settings.addRecentFile(recent)
      expect(await invoke('open', from(), { kind: 'recent', path: join(folder, 'other.pcapng') })).toMatchObject(FORBIDDEN)
      expect(await invoke('open', from(), { kind: 'recent', path: CHOSEN })).toMatchObject(FORBIDDEN)
      expect(fake.sessions.openPath).not.toHaveBeenCalled()
      expect(await invoke('open', from(), { kind: 'recent', path: recent })).toMatchObject({ ok: true })
      expect(await open(recent)).toMatchObject({ ok: true })
    })

    it('should never write to a path the page names: Save goes through the save dialog only', async () => {
      for (const path of [CHOSEN, join(folder, 'anywhere.pcapng'), '/etc/cron.d/x']) {
        expect(await invoke('saveCapture', from(), { kind: 'path', path, displayed: false })).toMatchObject(FORBIDDEN)
      }
      expect(fake.sessions.saveAs).not.toHaveBeenCalled()
    })

    it('should save only where the user chose in the save dialog', async () => {
      fake.sessions.status.mockResolvedValue({ session: 1, state: 'ready', packets: 1, connections: 0, file: { name: 'lab.pcapng', path: CHOSEN, size: 1, format: 'pcapng', compressed: false } })
      dialogs.chooseSavePath.mockResolvedValueOnce('/home/student/saved.pcapng')
      expect(await invoke('saveCapture', from(), { kind: 'dialog', displayed: false })).toMatchObject({ ok: true })
      expect(fake.sessions.saveAs).toHaveBeenCalledWith('/home/student/saved.pcapng', { displayed: false })
    })

    it('should not browse folders or take uploads in the desktop app (browser mode only)', async () => {
      for (const path of [undefined, '/', '/etc', CHOSEN]) {
        expect(await invoke('listDirectory', from(), ...(path === undefined ? [] : [path]))).toMatchObject({ ok: false, error: { code: 'unsupported' } })
      }
      expect(await invoke('upload', from(), 'lab.pcapng', 'AAAA')).toMatchObject({ ok: false, error: { code: 'unsupported' } })
      expect(reachedParts()).toEqual([])
    })

    it('should open what the open dialog answered, and remember it as chosen', async () => {
      dialogs.chooseFile.mockResolvedValueOnce('/home/student/picked.pcapng')
      expect(await invoke('open', from(), { kind: 'dialog' })).toMatchObject({ ok: true, value: { path: '/home/student/picked.pcapng' } })
      expect(await open('/home/student/picked.pcapng')).toMatchObject({ ok: true })
    })
  })

  describe('(c) the dropped-file channel', () => {
    const DROPPED = '/home/student/Downloads/dropped.pcap'
    const openDropped = () => invoke('open', from(), { kind: 'path', path: DROPPED })

    it('should make a path openable once our page’s preload reports it dropped', async () => {
      expect(await openDropped()).toMatchObject(FORBIDDEN)
      drop(from(), DROPPED)
      expect(await openDropped()).toMatchObject({ ok: true, value: { path: DROPPED } })
    })

    it('should ignore a drop reported by any foreign sender', async () => {
      drop(from('https://evil.example/'), DROPPED)
      drop(from('file:///tmp/downloaded.html'), DROPPED)
      drop(from(PAGE, { parent: {} }), DROPPED)
      drop(from(PAGE, { sender: { send: vi.fn() } }), DROPPED)
      drop({ sender: window.webContents, senderFrame: null }, DROPPED)
      window.destroyed = true
      drop(from(), DROPPED)
      window.destroyed = false
      expect(await openDropped()).toMatchObject(FORBIDDEN)
    })

    it('should ignore a drop whose value is not a path', () => {
      const notPaths: unknown[] = [undefined, null, 7, true, '', 'a\0b', HUGE.slice(0, 5000), { path: DROPPED }, [DROPPED], withOwnProto({ path: DROPPED })]
      for (const value of notPaths) drop(from(), value)
      drop(from())
      expect(paths.allows('a\0b')).toBe(false)
      expect(paths.allows(DROPPED)).toBe(false)
    })

    it('should grant only the dropped file, not its folder or siblings', async () => {
      drop(from(), DROPPED)
      expect(await invoke('open', from(), { kind: 'path', path: '/home/student/Downloads' })).toMatchObject(FORBIDDEN)
      expect(await invoke('open', from(), { kind: 'path', path: '/home/student/Downloads/other.pcap' })).toMatchObject(FORBIDDEN)
    })
  })
})

// The Electron app's lifecycle (main/index.ts) with Electron and the heavy parts replaced: what a
// launch names on its command line is the user's choice, and is opened once the window is up.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const opened: string[] = []
const shownErrors: unknown[] = []
const windowListeners = new Map<string, () => void>()
const appListeners = new Map<string, (...args: unknown[]) => void>()
let ready!: () => void

vi.mock('electron', () => ({
  app: {
    requestSingleInstanceLock: () => true,
    isPackaged: true,
    getPreferredSystemLanguages: () => ['en-US'],
    getLocale: () => 'en-US',
    getPath: () => '/nonexistent/user-data',
    on: (event: string, listener: (...args: unknown[]) => void) => appListeners.set(event, listener),
    whenReady: () => new Promise<void>((resolve) => (ready = resolve)),
    quit: vi.fn(),
  },
  BrowserWindow: { getAllWindows: () => [] },
  ipcMain: {},
  session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() } },
}))

vi.mock('../../../main/window', () => ({
  installContentSecurityPolicy: vi.fn(),
  createMainWindow: () => ({
    webContents: { once: (event: string, listener: () => void) => windowListeners.set(event, listener) },
    on: vi.fn(),
    isDestroyed: () => false,
    isMinimized: () => false,
    focus: vi.fn(),
  }),
}))
vi.mock('../../../main/ipc/register', () => ({ registerIpc: () => () => undefined, sendEvent: vi.fn() }))
vi.mock('../../../main/ipc/dialogs', () => ({
  chooseCaptureFile: vi.fn(),
  showOpenError: async (_window: unknown, _lang: unknown, error: unknown) => void shownErrors.push(error),
}))
vi.mock('../../../main/menu', () => ({ installApplicationMenu: vi.fn(), menuLanguage: () => 'en' }))
vi.mock('../../../main/sample/sample-file', () => ({ sampleCapturePath: async () => '/sample.pcapng' }))
vi.mock('../../../main/session/session-host', () => ({
  SessionHost: class {
    async openPath(path: string) {
      opened.push(path)
      return { name: 'lab.pcapng', path, size: 1, format: 'pcapng', compressed: false }
    }
    onEvent = () => () => undefined
    dispose = async () => undefined
  },
}))
vi.mock('../../../main/settings/store', () => ({
  SettingsStore: {
    open: async () => ({
      getPreferences: () => ({ language: 'system', theme: 'system', timeFormat: 'relative', fontScale: 1 }),
      setPreferences: vi.fn(),
      recentFiles: async () => [],
      isRecentFile: () => false,
      addRecentFile: async () => undefined,
      onPreferences: () => () => undefined,
      onRecentFiles: () => () => undefined,
      getWindowState: () => ({ maximized: false, firstRunDone: true }),
      setWindowState: async () => undefined,
      flush: async () => undefined,
    }),
  },
}))

describe('main/index: a file named on the command line', () => {
  const argv = process.argv
  afterAll(() => {
    process.argv = argv
  })

  beforeAll(async () => {
    process.argv = ['/opt/tcp-lens/tcp-lens', '--no-sandbox', '/home/student/lab.pcapng']
    await import('../../../main/index')
    ready()
    await vi.waitFor(() => expect(windowListeners.has('did-finish-load')).toBe(true))
  })

  it('should be opened once the window has loaded, as the user’s own choice', async () => {
    windowListeners.get('did-finish-load')!()
    await vi.waitFor(() => expect(opened.length + shownErrors.length).toBeGreaterThan(0))
    expect(shownErrors).toEqual([])
    expect(opened).toEqual(['/home/student/lab.pcapng'])
  })
})

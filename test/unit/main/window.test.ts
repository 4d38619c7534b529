import { beforeEach, describe, expect, it, vi } from 'vitest'

// No Electron binary exists on CI machines: the window is tested against a mocked `electron`
// that records what the code asked of it.
const created: FakeWindow[] = []
class FakeWindow {
  options: Record<string, unknown>
  windowOpenHandler?: (details: { url: string }) => { action: string }
  listeners = new Map<string, (...args: unknown[]) => void>()
  loadedFile?: string
  loadedUrl?: string
  webContents = {
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => {
      this.windowOpenHandler = handler
    },
    on: (name: string, listener: (...args: unknown[]) => void) => this.listeners.set(name, listener),
  }
  constructor(options: Record<string, unknown>) {
    this.options = options
    created.push(this)
  }
  once() {}
  show() {}
  loadFile(file: string) {
    this.loadedFile = file
    return Promise.resolve()
  }
  loadURL(url: string) {
    this.loadedUrl = url
    return Promise.resolve()
  }
}
const openExternal = vi.fn()

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: Record<string, unknown>) {
      return new FakeWindow(options)
    }
  },
  shell: { openExternal: (url: string) => openExternal(url) },
}))

const { createMainWindow, secureWindowOptions, isOwnPage } = await import('../../../main/window')

describe('main/window', () => {
  beforeEach(() => {
    created.length = 0
    openExternal.mockReset()
  })

  it('isolates and sandboxes the renderer, with no Node in it', () => {
    const prefs = secureWindowOptions('/app/preload.js').webPreferences!
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.preload).toBe('/app/preload.js')
  })

  it('loads the built renderer file and passes the secure options to BrowserWindow', () => {
    createMainWindow({ file: '/app/out/renderer/index.html' }, '/app/out/preload/index.js')
    expect(created).toHaveLength(1)
    expect(created[0].loadedFile).toBe('/app/out/renderer/index.html')
    expect(created[0].options).toEqual(secureWindowOptions('/app/out/preload/index.js'))
  })

  it('denies window.open and sends web links to the system browser', () => {
    createMainWindow({ file: '/app/index.html' }, '/p.js')
    const handler = created[0].windowOpenHandler!
    expect(handler({ url: 'https://www.wireshark.org/' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://www.wireshark.org/')
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('blocks navigation to any page but its own', () => {
    createMainWindow({ devUrl: 'http://localhost:5173/', file: '/app/index.html' }, '/p.js')
    const willNavigate = created[0].listeners.get('will-navigate')!
    const away = { preventDefault: vi.fn() }
    willNavigate(away, 'https://example.com/')
    expect(away.preventDefault).toHaveBeenCalled()
    const home = { preventDefault: vi.fn() }
    willNavigate(home, 'http://localhost:5173/#/x')
    expect(home.preventDefault).not.toHaveBeenCalled()
  })

  it('recognises its own file page only', () => {
    const location = { file: '/app/out/renderer/index.html' }
    expect(isOwnPage('file:///app/out/renderer/index.html', location)).toBe(true)
    expect(isOwnPage('file:///tmp/dropped.pcap', location)).toBe(false)
    expect(isOwnPage('not a url', location)).toBe(false)
  })
})

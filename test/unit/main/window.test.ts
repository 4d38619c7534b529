import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../main/content-security-policy'

// No Electron binary exists on CI machines: the window is tested against a mocked `electron`
// that records what the code asked of it.
const created: FakeWindow[] = []
class FakeWindow {
  options: Record<string, unknown>
  windowOpenHandler?: (details: { url: string }) => { action: string }
  listeners = new Map<string, (...args: unknown[]) => void>()
  windowListeners = new Map<string, () => void>()
  loadedFile?: string
  loadedUrl?: string
  maximized = false
  shown = false
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
  once(name: string, listener: () => void) {
    this.windowListeners.set(name, listener)
  }
  on(name: string, listener: () => void) {
    this.windowListeners.set(name, listener)
  }
  show() {
    this.shown = true
  }
  maximize() {
    this.maximized = true
  }
  isMaximized() {
    return this.maximized
  }
  getNormalBounds() {
    return { x: 5, y: 6, width: 900, height: 700 }
  }
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
const DISPLAYS = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]

vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: Record<string, unknown>) {
      return new FakeWindow(options)
    }
  },
  shell: { openExternal: (url: string) => openExternal(url) },
  screen: { getAllDisplays: () => DISPLAYS },
}))

const { createMainWindow, secureWindowOptions, isOwnPage, installContentSecurityPolicy, visibleBounds } = await import('../../../main/window')

describe('main/window', () => {
  beforeEach(() => {
    created.length = 0
    openExternal.mockReset()
  })

  it('should isolate and sandbox the renderer, with no Node in it', () => {
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

  it('should load the built renderer file and pass the secure options to BrowserWindow', () => {
    createMainWindow({ file: '/app/out/renderer/index.html' }, { preloadPath: '/app/out/preload/index.js' })
    expect(created).toHaveLength(1)
    expect(created[0].loadedFile).toBe('/app/out/renderer/index.html')
    expect(created[0].options).toEqual(secureWindowOptions('/app/out/preload/index.js'))
  })

  it('should deny window.open and send web links to the system browser', () => {
    createMainWindow({ file: '/app/index.html' }, { preloadPath: '/p.js' })
    const handler = created[0].windowOpenHandler!
    expect(handler({ url: 'https://www.wireshark.org/' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://www.wireshark.org/')
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
  })

  it('should block navigation to any page but its own', () => {
    createMainWindow({ devUrl: 'http://localhost:5173/', file: '/app/index.html' }, { preloadPath: '/p.js' })
    const willNavigate = created[0].listeners.get('will-navigate')!
    const away = { preventDefault: vi.fn() }
    willNavigate(away, 'https://example.com/')
    expect(away.preventDefault).toHaveBeenCalled()
    const home = { preventDefault: vi.fn() }
    willNavigate(home, 'http://localhost:5173/#/x')
    expect(home.preventDefault).not.toHaveBeenCalled()
  })

  it('should not let a dropped file, a sub-frame or a redirect replace the page', () => {
    createMainWindow({ file: '/app/out/renderer/index.html' }, { preloadPath: '/p.js' })
    const drop = { preventDefault: vi.fn() }
    created[0].listeners.get('will-navigate')!(drop, 'file:///home/student/lab.pcap')
    expect(drop.preventDefault).toHaveBeenCalled()
    const frame = { url: 'https://ads.example/', preventDefault: vi.fn() }
    created[0].listeners.get('will-frame-navigate')!(frame)
    expect(frame.preventDefault).toHaveBeenCalled()
    const redirect = { preventDefault: vi.fn() }
    created[0].listeners.get('will-redirect')!(redirect, 'https://elsewhere.example/')
    expect(redirect.preventDefault).toHaveBeenCalled()
  })

  it('should recognise its own file page only', () => {
    const location = { file: '/app/out/renderer/index.html' }
    expect(isOwnPage('file:///app/out/renderer/index.html', location)).toBe(true)
    expect(isOwnPage('file:///tmp/dropped.pcap', location)).toBe(false)
    expect(isOwnPage('not a url', location)).toBe(false)
  })

  it('should take for its own page that very file only, not one whose path merely ends the same', () => {
    const location = { file: '/app/out/renderer/index.html' }
    expect(isOwnPage('file:///app/out/renderer/index.html#/packets', location)).toBe(true)
    expect(isOwnPage('file://localhost/app/out/renderer/index.html', location)).toBe(true)
    expect(isOwnPage('file:///home/student/Downloads/app/out/renderer/index.html', location)).toBe(false)
    expect(isOwnPage('file://fileserver.example/app/out/renderer/index.html', location)).toBe(false)
    expect(isOwnPage('file:///my%20app/index.html', { file: '/my app/index.html' })).toBe(true)
  })

  it('should recognise its own file page on Windows, whatever the drive letter’s case', () => {
    const location = { file: 'C:\\Program Files\\TCP Lens\\resources\\app\\out\\renderer\\index.html' }
    expect(isOwnPage('file:///C:/Program%20Files/TCP%20Lens/resources/app/out/renderer/index.html', location)).toBe(true)
    expect(isOwnPage('file:///c:/Program%20Files/TCP%20Lens/resources/app/out/renderer/index.html', location)).toBe(true)
    expect(isOwnPage('file:///D:/x/C:/Program%20Files/TCP%20Lens/resources/app/out/renderer/index.html', location)).toBe(false)
    expect(isOwnPage('file://server/share/C:/Program%20Files/TCP%20Lens/resources/app/out/renderer/index.html', location)).toBe(false)
  })

  describe('bounds', () => {
    it('should restore the saved bounds and maximized state', () => {
      const win = createMainWindow({ file: '/app/index.html' }, { preloadPath: '/p.js', state: { bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: true } })
      expect(created[0].options).toMatchObject({ x: 100, y: 80, width: 1000, height: 700 })
      created[0].windowListeners.get('ready-to-show')!()
      expect(win.isMaximized()).toBe(true)
      expect(created[0].shown).toBe(true)
    })

    it('should not restore bounds that are off every screen', () => {
      createMainWindow({ file: '/app/index.html' }, { preloadPath: '/p.js', state: { bounds: { x: 5000, y: 80, width: 1000, height: 700 }, maximized: false } })
      expect(created[0].options).toMatchObject({ width: 1280, height: 800 })
      expect(created[0].options).not.toHaveProperty('x')
    })

    it('should save where the window was when it closes', () => {
      const saveState = vi.fn()
      createMainWindow({ file: '/app/index.html' }, { preloadPath: '/p.js', saveState })
      created[0].windowListeners.get('close')!()
      expect(saveState).toHaveBeenCalledWith({ bounds: { x: 5, y: 6, width: 900, height: 700 }, maximized: false })
    })

    it('should call bounds visible when at least 100 × 50 px are on a screen', () => {
      const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }]
      expect(visibleBounds({ x: 1820, y: 1030, width: 800, height: 600 }, screen)).toBeDefined()
      expect(visibleBounds({ x: 1821, y: 0, width: 800, height: 600 }, screen)).toBeUndefined()
      expect(visibleBounds(undefined, screen)).toBeUndefined()
    })
  })

  describe('content security policy', () => {
    it('should be strict: scripts only from our origin, no objects, no framing, no base or forms', () => {
      expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/)
      expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
      expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
      expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'")
    })

    it('should put the policy on every response, replacing one the server sent', () => {
      let listener: ((details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void) | undefined
      installContentSecurityPolicy({ webRequest: { onHeadersReceived: (l: typeof listener) => (listener = l) } } as never)
      const callback = vi.fn()
      listener!({ responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } }, callback)
      expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
    })

    it('should match the meta tag of renderer/index.html', async () => {
      const { readFileSync } = await import('node:fs')
      const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8')
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
      expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY)
    })
  })
})

import { join } from 'node:path'
import { BrowserWindow, screen, shell, type BrowserWindowConstructorOptions, type Rectangle, type Session } from 'electron'
import type { WindowBounds, WindowState } from './settings/window-state'
import { CONTENT_SECURITY_POLICY } from './content-security-policy'

/** The renderer's own origin: the packaged file, or the dev server electron-vite starts. */
export interface RendererLocation {
  /** Set by electron-vite in development (ELECTRON_RENDERER_URL). */
  devUrl?: string
  /** The built renderer/index.html. */
  file: string
}

/**
 * Options for every TCP Lens window. Security is not negotiable here (see DESIGN.md,
 * Security): an isolated, sandboxed renderer with no Node, that can reach main only
 * through the preload's named functions.
 */
export function secureWindowOptions(preloadPath: string, bounds?: WindowBounds): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    ...bounds,
    minWidth: 640,
    minHeight: 400,
    show: false,
    title: 'TCP Lens',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  }
}

/** A Windows drive letter may come in either case ("/C:/…", "/c:/…"). */
const driveInLowerCase = (pathname: string): string => pathname.replace(/^\/([A-Za-z]):\//, (_, drive: string) => `/${drive.toLowerCase()}:/`)

/** A local file's path as a file: URL's pathname reads once decoded ("/C:/app/…" on Windows). */
function filePathname(file: string): string {
  const slashed = file.replace(/\\/g, '/')
  return slashed.startsWith('/') ? slashed : `/${slashed}`
}

/** True when a URL belongs to the renderer we loaded, and nothing else. */
export function isOwnPage(url: string, location: RendererLocation): boolean {
  try {
    const target = new URL(url)
    if (location.devUrl) return target.origin === new URL(location.devUrl).origin
    // That very file on this machine: not another host's (a share), nor a path that ends the same.
    if (target.protocol !== 'file:' || (target.host !== '' && target.host !== 'localhost')) return false
    return driveInLowerCase(decodeURIComponent(target.pathname)) === driveInLowerCase(filePathname(location.file))
  } catch {
    return false
  }
}

/**
 * Adds our page's Content Security Policy (main/content-security-policy.ts) as a header to every
 * response of the session, the dev server's pages and the built files alike (replacing any the
 * server sent).
 */
export function installContentSecurityPolicy(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'))
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}

/** Restored bounds only when enough of them is on a screen that still exists (≥ 100 × 50 px). */
export function visibleBounds(bounds: WindowBounds | undefined, workAreas: readonly Rectangle[]): WindowBounds | undefined {
  if (!bounds) return undefined
  const visible = workAreas.some((area) => {
    const width = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x)
    const height = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y)
    return width >= 100 && height >= 50
  })
  return visible ? bounds : undefined
}

export interface MainWindowOptions {
  preloadPath?: string
  /** Where the window was when it last closed. */
  state?: Pick<WindowState, 'bounds' | 'maximized'>
  /** Called when the window closes, with where it was (to be restored next time). */
  saveState?: (state: Pick<WindowState, 'bounds' | 'maximized'>) => void
}

/** Creates the main window: loads only our renderer, opens no other window, follows no link. */
export function createMainWindow(location: RendererLocation, options: MainWindowOptions = {}): BrowserWindow {
  const preloadPath = options.preloadPath ?? join(__dirname, '../preload/index.js')
  const bounds = options.state?.bounds && visibleBounds(options.state.bounds, screen.getAllDisplays().map((display) => display.workArea))
  const win = new BrowserWindow(secureWindowOptions(preloadPath, bounds))

  // No window.open from the renderer; http(s) links go to the system browser instead.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  // No navigation away from our own page: a link, a redirect, or a file dropped outside the
  // page's drop zone (Chromium would otherwise show the dropped file in place of the app).
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!isOwnPage(url, location)) event.preventDefault()
  }
  win.webContents.on('will-navigate', (event, url) => stayHome(event, url))
  win.webContents.on('will-frame-navigate', (event) => stayHome(event, event.url))
  win.webContents.on('will-redirect', (event, url) => stayHome(event, url))

  win.once('ready-to-show', () => {
    if (options.state?.maximized) win.maximize()
    win.show()
  })
  win.on('close', () => options.saveState?.({ bounds: win.getNormalBounds(), maximized: win.isMaximized() }))

  if (location.devUrl) void win.loadURL(location.devUrl)
  else void win.loadFile(location.file)
  return win
}

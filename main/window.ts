import { join } from 'node:path'
import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron'

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
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
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

/** True when a URL belongs to the renderer we loaded, and nothing else. */
export function isOwnPage(url: string, location: RendererLocation): boolean {
  try {
    const target = new URL(url)
    if (location.devUrl) return target.origin === new URL(location.devUrl).origin
    return target.protocol === 'file:' && decodeURIComponent(target.pathname).endsWith(location.file.replace(/\\/g, '/'))
  } catch {
    return false
  }
}

/** Creates the main window: loads only our renderer, opens no other window, follows no link. */
export function createMainWindow(location: RendererLocation, preloadPath = join(__dirname, '../preload/index.js')): BrowserWindow {
  const win = new BrowserWindow(secureWindowOptions(preloadPath))

  // No window.open from the renderer; http(s) links go to the system browser instead.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  // No navigation away from our own page (a dropped file or a link would otherwise replace it).
  win.webContents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url, location)) event.preventDefault()
  })
  win.once('ready-to-show', () => win.show())

  if (location.devUrl) void win.loadURL(location.devUrl)
  else void win.loadFile(location.file)
  return win
}

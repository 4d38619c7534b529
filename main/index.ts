import { join } from 'node:path'
import { app, BrowserWindow, session } from 'electron'
import { createMainWindow } from './window'

// The Electron app's lifecycle. Thin on purpose: the engine lives in capture/, decode/ and
// the modules after them, and runs the same way from the CLI.

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  const rendererLocation = {
    devUrl: process.env['ELECTRON_RENDERER_URL'],
    file: join(__dirname, '../renderer/index.html'),
  }
  let mainWindow: BrowserWindow | null = null

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  app.on('web-contents-created', (_event, contents) => {
    // No <webview>, whatever a page tries.
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })

  void app.whenReady().then(() => {
    // The renderer asks for no permission (camera, notifications…): refuse them all.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    mainWindow = createMainWindow(rendererLocation)
    mainWindow.on('closed', () => (mainWindow = null))
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(rendererLocation)
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

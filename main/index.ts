import { join } from 'node:path'
import { app, BrowserWindow, ipcMain, session } from 'electron'
import type { Events } from '../preload/contract/api'
import type { OpenSource } from '../preload/contract/dto'
import { createBackend } from './api/backend'
import { fileFromArgv } from './api/launch-file'
import { chosenPathsPolicy } from './api/path-policy'
import { cliArgsFromAppArgv } from './cli/app-command'
import { runCli } from './cli/run'
import type { BackendPort } from './api/port'
import { askToSaveCapture, chooseCaptureFile, chooseSavePath, showOpenError, showSaveError } from './ipc/dialogs'
import { CaptureController } from './live/capture-controller'
import { guardWindowClose, unsavedGuard } from './unsaved-guard'
import { registerIpc, sendEvent } from './ipc/register'
import { installApplicationMenu, menuLanguage, type MenuActions } from './menu'
import { appSampleCapturePath } from './sample/app-sample-path'
import { SessionHost } from './session/session-host'
import { SettingsStore } from './settings/store'
import { systemLanguage } from './teach/lang'
import { createMainWindow, installContentSecurityPolicy, type RendererLocation } from './window'

// The Electron app's lifecycle, and nothing else: one instance, one window wired to its backend,
// the menu, files named on the command line (or by a second launch, or macOS's open-file), the
// sample on the very first start, and the capture session ended on quit. The engine lives in the
// modules this one imports, and runs the same way from the CLI and in browser mode.

// `tcplens conv lab.pcapng` from the installed app runs the command line and exits: no window.
const commandLine = cliArgsFromAppArgv(process.argv, { packaged: app.isPackaged })
if (commandLine) runCommandLine(commandLine)
else if (!app.requestSingleInstanceLock()) app.quit()
else runApp()

function runCommandLine(args: string[]): void {
  app.dock?.hide()
  void runCli(args, { stdout: process.stdout, stderr: process.stderr }).then((code) => app.exit(code))
}

function runApp(): void {
  const location: RendererLocation = {
    devUrl: process.env['ELECTRON_RENDERER_URL'],
    file: join(__dirname, '../renderer/index.html'),
  }
  const launch = { packaged: app.isPackaged }
  const paths = chosenPathsPolicy()
  const sessions = new SessionHost()
  const osLanguage = systemLanguage(process.env, app.getPreferredSystemLanguages()[0] ?? app.getLocale())

  let settings: SettingsStore | undefined
  let mainWindow: BrowserWindow | null = null
  let backend: BackendPort | null = null
  /** The renderer has loaded: what main opens now reaches it as events. */
  let rendererReady = false
  /** A file named before the window could show it (command line, macOS open-file at launch). */
  let pendingFile = fileFromArgv(process.argv, { ...launch, cwd: process.cwd() })
  // Naming it on the command line is the user's choice, as a second launch's is (openChosenFile).
  if (pendingFile) paths.grant(pendingFile)
  let hasCapture = false
  /** A live capture is running (the menu's Stop applies). */
  let capturing = false
  /** The open capture exists only in a temporary file: closing or replacing it asks first. */
  let unsaved = false

  const uiLanguage = () => menuLanguage(settings?.getPreferences().language ?? 'system', osLanguage)

  const mayDiscardCapture = unsavedGuard({
    isUnsaved: () => unsaved,
    ask: () => (mainWindow ? askToSaveCapture(mainWindow, uiLanguage()) : Promise.resolve('discard')),
    save: async () => (backend ? backend.call('saveCapture', [{ kind: 'dialog', displayed: false }]) : { ok: true, value: null }),
    showSaveError: async (error) => {
      if (mainWindow && !mainWindow.isDestroyed()) await showSaveError(mainWindow, uiLanguage(), error)
    },
  })

  /** Opens from main (not asked by the renderer): a failure is shown in a message box. */
  async function openFromMain(source: OpenSource): Promise<void> {
    if (!backend || !mainWindow) return
    if (!(await mayDiscardCapture())) return
    const result = await backend.call('open', [source])
    if (!result.ok && mainWindow && !mainWindow.isDestroyed()) await showOpenError(mainWindow, uiLanguage(), result.error)
  }

  /** Shows the window in front (a second launch, a file chosen outside it). */
  function bringToFront(): void {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  }

  /** The user chose this file outside the window: allow it, and open it now or once the window is up. */
  function openChosenFile(path: string): void {
    paths.grant(path)
    if (rendererReady) void openFromMain({ kind: 'path', path })
    else pendingFile = path
    bringToFront()
  }

  const menuActions: MenuActions = {
    command: (command) => mainWindow && sendEvent(mainWindow, 'menu', command),
    openRecent: (path) => void openFromMain({ kind: 'recent', path }),
    openSample: () => void openFromMain({ kind: 'sample' }),
    closeCapture: () => void mayDiscardCapture().then((go) => (go ? backend?.call('close', []) : undefined)),
    setPreferences: (changes) => void backend?.call('setPreferences', [changes]),
  }

  async function rebuildMenu(): Promise<void> {
    if (!settings) return
    const preferences = settings.getPreferences()
    const recent = await settings.recentFiles()
    installApplicationMenu(menuLanguage(preferences.language, osLanguage), { platform: process.platform, preferences, recent, hasCapture, capturing }, menuActions)
  }

  /** The first start opens the sample; later starts open what the command line named, or nothing. */
  async function openAtStart(store: SettingsStore): Promise<void> {
    const file = pendingFile
    pendingFile = undefined
    if (file) await openFromMain({ kind: 'path', path: file })
    else if (!store.getWindowState().firstRunDone) await openFromMain({ kind: 'sample' })
    await store.setWindowState({ firstRunDone: true }).catch(() => undefined)
  }

  function createWindow(store: SettingsStore): void {
    const win = createMainWindow(location, { state: store.getWindowState(), saveState: (state) => void store.setWindowState(state).catch(() => undefined) })
    const windowBackend = createBackend({
      transport: 'electron',
      sessions,
      settings: store,
      paths,
      samplePath: appSampleCapturePath,
      chooseFile: () => chooseCaptureFile(win, uiLanguage()),
      chooseSavePath: (name) => chooseSavePath(win, uiLanguage(), name),
      capture: new CaptureController({ sessions }),
      systemLanguage: osLanguage,
    })
    const unwire = registerIpc({ ipcMain, window: win, location, backend: windowBackend, paths })
    windowBackend.onEvent((event, data) => {
      if (event === 'preferences') void rebuildMenu()
      if (event === 'capture') {
        const status = data as Events['capture']
        const open = status.state !== 'empty'
        const live = status.live?.state === 'capturing'
        unsaved = status.unsaved === true
        if (open !== hasCapture || live !== capturing) {
          hasCapture = open
          capturing = live
          void rebuildMenu()
        }
      }
    })
    // Closing the window (or quitting) with unsaved packets asks first, as Wireshark does.
    guardWindowClose(win, mayDiscardCapture, () => unsaved)
    win.webContents.once('did-finish-load', () => {
      rendererReady = true
      void openAtStart(store)
    })
    win.on('closed', () => {
      unwire()
      void windowBackend.dispose()
      rendererReady = false
      if (mainWindow === win) mainWindow = null
      if (backend === windowBackend) backend = null
    })
    mainWindow = win
    backend = windowBackend
  }

  // macOS sends the files given at launch (and dropped on the Dock icon) here, even before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    openChosenFile(path)
  })

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = fileFromArgv(argv, { ...launch, cwd: workingDirectory })
    if (file) openChosenFile(file)
    else bringToFront()
  })

  app.on('web-contents-created', (_event, contents) => {
    // No <webview>, whatever a page tries.
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })

  void app.whenReady().then(async () => {
    // The renderer asks for no permission (camera, notifications…): refuse them all.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
    session.defaultSession.setPermissionCheckHandler(() => false)
    installContentSecurityPolicy(session.defaultSession)

    const store = await SettingsStore.open(app.getPath('userData'))
    settings = store
    store.onRecentFiles(() => void rebuildMenu())
    createWindow(store)
    await rebuildMenu()
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow(store)
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  // End the session's worker and finish the settings writes before the process goes.
  let cleanedUp = false
  app.on('will-quit', (event) => {
    if (cleanedUp) return
    event.preventDefault()
    cleanedUp = true
    void Promise.allSettled([sessions.dispose(), settings?.flush()]).finally(() => app.quit())
  })
}

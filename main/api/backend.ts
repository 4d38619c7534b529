// The backend of one window (Electron) or one WebSocket connection (browser mode): it validates
// each untrusted request, routes it to the capture session, the settings, the file policy or
// the dialogs, and answers a Result. It never throws; it forwards the session's events and the
// preference changes to whoever listens (the transport).
import type { Answer, Args, EventName, Events, Method } from '../../preload/contract/api'
import type { DirectoryListing, FileInfo, Lang, OpenSource, SavedFile, SaveTarget, Transport } from '../../preload/contract/dto'
import type { Result } from '../../preload/contract/result'
import type { SettingsStore } from '../settings/store'
import { appInfo } from './app-info'
import { toApiError } from './errors'
import type { PathPolicy } from './path-policy'
import { ApiFailure, type BackendPort, type CaptureControl, type CaptureSessions, type SessionMethod } from './port'
import { validateRequest } from './validate'
import { checkFilter } from './filter-check'
import { filterFieldList } from '../filter'

/** The part of the settings store the backend uses (a fake in tests). */
export type BackendSettings = Pick<SettingsStore, 'getPreferences' | 'setPreferences' | 'recentFiles' | 'isRecentFile' | 'addRecentFile' | 'onPreferences'>

export interface BackendOptions {
  transport: Transport
  sessions: CaptureSessions
  settings: BackendSettings
  /** Which paths `{ kind: 'path' }` may open, and browser mode save (Electron: chosenPathsPolicy; browser mode: sharedFoldersPolicy). */
  paths: PathPolicy
  /** The bundled sample capture's path (written on first use); absent: `{ kind: 'sample' }` is unsupported. */
  samplePath?: () => Promise<string>
  /** Electron's open dialog: the chosen path, or null when the user cancelled. */
  chooseFile?: () => Promise<string | null>
  /** Browser mode: one folder of the server's disk. */
  listDirectory?: (path?: string) => Promise<DirectoryListing>
  /** Browser mode: keeps an uploaded capture (a temporary file) and answers where it is. */
  upload?: (name: string, bytes: Uint8Array) => Promise<string>
  /** Live capture, demos and "Connect to host:port" over `sessions`; absent: unsupported. */
  capture?: CaptureControl
  /** Electron's save dialog (the suggested name given): the chosen path, or null when cancelled. */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>
  /** For appInfo; defaults: process.platform, main/teach's systemLanguage(). */
  platform?: string
  systemLanguage?: Lang
}

type EventListener = <E extends EventName>(event: E, data: Events[E]) => void
type Handlers = { [M in Method]: (...args: Args<M>) => Promise<Answer<M>> }

const SESSION_METHODS: readonly SessionMethod[] = ['cancelOpen', 'close', 'status', 'setView', 'cancelWork', 'rows', 'positionOf', 'packet', 'connections', 'narrative', 'lab', 'flowGraph', 'expertInfo', 'followStream']

/** Why a path may not be opened (or, in browser mode, written). */
const NOT_CHOSEN: Record<Transport, string> = {
  electron: 'Only a file you chose (open dialog, drag and drop, command line, recent list) can be opened',
  browser: 'That path is outside the folders TCP Lens shares with this page (tcplens serve --root DIR chooses them)',
}

const unsupported = (what: string, transport: Transport) => new ApiFailure('unsupported', `${what} is not available in ${transport === 'electron' ? 'the desktop app' : 'browser mode'}`)

export function createBackend(options: BackendOptions): BackendPort {
  const { sessions, settings, paths, transport } = options
  const listeners = new Set<EventListener>()
  let disposed = false

  const emit = <E extends EventName>(event: E, data: Events[E]) => {
    for (const listener of [...listeners]) {
      try {
        listener(event, data)
      } catch {
        // A transport that fails to deliver must not stop the others.
      }
    }
  }
  const unsubscribe = [sessions.onEvent((event, data) => emit(event, data as Events[typeof event])), settings.onPreferences((preferences) => emit('preferences', preferences))]
  if (options.capture) unsubscribe.push(options.capture.onStats((stats) => emit('live', stats)))

  /** The opens under way: one begun before dispose() may still start a capture after it. */
  const opening = new Set<Promise<FileInfo>>()
  function openPath(path: string, openOptions?: { displayName?: string }): Promise<FileInfo> {
    // A request that was waiting (for the sample, an upload, the dialog) when the backend closed.
    if (disposed) return Promise.reject(new ApiFailure('cancelled', 'the connection was closed'))
    const started = sessions.openPath(path, openOptions)
    const forget = () => opening.delete(started)
    opening.add(started)
    started.then(forget, forget)
    return started
  }

  /** Opens a path the user chose and puts it on the recent list. */
  async function openChosen(path: string): Promise<FileInfo> {
    const info = await openPath(path)
    // The capture is open: failing to remember it must not fail the open.
    await settings.addRecentFile(path).catch(() => undefined)
    return info
  }

  async function open(source: OpenSource): Promise<FileInfo | null> {
    switch (source.kind) {
      case 'dialog': {
        if (!options.chooseFile) throw unsupported('The open dialog', transport)
        const chosen = await options.chooseFile()
        if (chosen === null) return null
        paths.grant(chosen)
        return openChosen(chosen)
      }
      case 'sample': {
        if (!options.samplePath) throw unsupported('The sample capture', transport)
        return openPath(await options.samplePath())
      }
      case 'recent':
        if (!settings.isRecentFile(source.path)) throw new ApiFailure('forbidden', 'That file is not on the recent list')
        return openChosen(source.path)
      case 'path':
        if (!paths.allows(source.path) && !settings.isRecentFile(source.path)) throw new ApiFailure('forbidden', NOT_CHOSEN[transport])
        return openChosen(source.path)
    }
  }

  async function upload(name: string, base64: string): Promise<FileInfo> {
    if (!options.upload) throw unsupported('Uploading a file', transport)
    const path = await options.upload(name, new Uint8Array(Buffer.from(base64, 'base64')))
    const info = await openPath(path, { displayName: name })
    return { ...info, name, path: '' }
  }

  function captureControl(): CaptureControl {
    if (!options.capture) throw unsupported('Live capture', transport)
    return options.capture
  }

  /** Save, Save As and Export Specified Packets: the path the user chose, written by the session. */
  async function saveCapture(target: SaveTarget): Promise<SavedFile | null> {
    let path: string
    if (target.kind === 'dialog') {
      if (!options.chooseSavePath) throw unsupported('The save dialog', transport)
      const status = await sessions.status()
      if (!status.file) throw new ApiFailure('no-capture', 'no capture is open')
      const chosen = await options.chooseSavePath(suggestedSaveName(status.file.name, target.displayed))
      if (chosen === null) return null
      path = chosen
    } else {
      // A path typed in the page: only browser mode's own file dialog (the server's folders) sends one.
      if (transport !== 'browser') throw new ApiFailure('forbidden', 'Only a path chosen in the save dialog can be written')
      if (!paths.allows(target.path)) throw new ApiFailure('forbidden', NOT_CHOSEN[transport])
      path = target.path
    }
    return sessions.saveAs(path, { displayed: target.displayed })
  }

  const sessionHandlers = Object.fromEntries(SESSION_METHODS.map((method) => [method, (...args: unknown[]) => (sessions[method] as (...a: unknown[]) => Promise<unknown>)(...args)]))
  const handlers: Handlers = {
    ...(sessionHandlers as Pick<Handlers, SessionMethod>),
    appInfo: async () => appInfo({ transport, platform: options.platform, systemLanguage: options.systemLanguage }),
    getPreferences: async () => settings.getPreferences(),
    setPreferences: (changes) => settings.setPreferences(changes),
    recentFiles: () => settings.recentFiles(),
    open,
    upload,
    checkFilter: async (text) => checkFilter(text),
    filterFields: async () => filterFieldList(),
    captureInterfaces: () => captureControl().interfaces(),
    checkCaptureFilter: (iface, filter) => captureControl().checkFilter(iface, filter),
    startCapture: (captureOptions) => captureControl().start(captureOptions),
    stopCapture: () => captureControl().stop(),
    restartCapture: () => captureControl().restart(),
    runDemo: (scenario) => captureControl().runDemo(scenario),
    connectTo: (target) => captureControl().connectTo(target),
    saveCapture,
    listDirectory: async (path) => {
      if (!options.listDirectory) throw unsupported('Browsing the server’s folders', transport)
      return options.listDirectory(path)
    },
  }

  return {
    async call(method: string, args: unknown): Promise<Result<unknown>> {
      try {
        if (disposed) throw new ApiFailure('internal', `${method}: the backend was closed`)
        const request = validateRequest(method, args)
        const handler = handlers[request.method] as (...a: unknown[]) => Promise<unknown>
        return { ok: true, value: await handler(...request.args) }
      } catch (error) {
        return { ok: false, error: toApiError(error, String(method)) }
      }
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** Refuses further calls and stops the events; resolves once the opens under way have settled. */
    async dispose() {
      disposed = true
      listeners.clear()
      for (const stop of unsubscribe) stop()
      await options.capture?.dispose()
      await Promise.allSettled([...opening])
    },
  }
}

/** The name a save dialog suggests: the open file's, in a format TCP Lens writes (pcap or pcapng). */
export function suggestedSaveName(openName: string, displayed: boolean): string {
  const known = /\.(pcapng|pcap|cap)(\.gz)?$/i.exec(openName)
  const stem = known ? openName.slice(0, known.index) : openName
  const extension = known?.[1]?.toLowerCase() === 'pcap' ? '.pcap' : '.pcapng'
  return `${stem}${displayed ? '-displayed' : ''}${extension}`
}

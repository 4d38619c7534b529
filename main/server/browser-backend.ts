// The backend of one browser-mode connection: main/api's createBackend over its own capture
// session, the shared settings, the folders `serve` shares (the user browses them in the page), and
// this connection's server files (listDirectory, upload).
import { createBackend, type BackendSettings } from '../api/backend'
import type { PathPolicy } from '../api/path-policy'
import type { BackendPort, CaptureControl, CaptureSessions } from '../api/port'
import type { ServerFiles } from './files'

export interface BrowserBackendOptions {
  files: ServerFiles
  settings: BackendSettings
  /** What the page may open and save: the shared folders (sharedFoldersPolicy). */
  paths: PathPolicy
  /** A new capture session (its own worker) for this connection. */
  createSessions: () => CaptureSessions
  samplePath?: () => Promise<string>
  /** Live capture over this connection's session (absent: unsupported, e.g. in tests). */
  createCapture?: (sessions: CaptureSessions) => CaptureControl
}

export function createBrowserBackend(options: BrowserBackendOptions): BackendPort {
  const sessions = options.createSessions()
  const backend = createBackend({
    transport: 'browser',
    sessions,
    settings: options.settings,
    paths: options.paths,
    samplePath: options.samplePath,
    listDirectory: (path) => options.files.listDirectory(path),
    upload: (name, bytes) => options.files.upload(name, bytes),
    // The page's own live captures, demos and connections, read by this connection's session.
    capture: options.createCapture?.(sessions),
  })
  return {
    call: (method, args) => backend.call(method, args),
    onEvent: (listener) => backend.onEvent(listener),
    // The connection owns its session: when the page goes, the worker ends and the file closes.
    async dispose() {
      const settled = backend.dispose() // no more calls or events; settles with the opens under way
      await sessions.dispose() // ends the worker, and the requests waiting on it
      await settled
      await sessions.dispose() // an open under way when the page went may have started another
    },
  }
}

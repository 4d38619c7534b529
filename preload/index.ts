import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import type { Answer, Args, Channel, EventName, Events, Method, TcpLensApi } from './contract/api'
import type { Result } from './contract/result'

// The bridge between the sandboxed page and the main process. The renderer sees only these
// named functions (window.tcplens), never ipcRenderer itself, and no IPC event object.

/** Main's note of a file the user dropped: the only paths a drop may open (main/ipc/channels.ts). */
const DROPPED_CHANNEL = 'tcplens:dropped'

/** One request: its answer is always a Result, even when IPC itself fails. */
async function invoke<M extends Method>(method: M, ...args: Args<M>): Promise<Result<Answer<M>>> {
  const channel: Channel = `tcplens:${method}`
  try {
    return (await ipcRenderer.invoke(channel, ...args)) as Result<Answer<M>>
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `${method}: ${error instanceof Error ? error.message : String(error)}` } }
  }
}

/** Subscribes to one event; the answer removes exactly this listener. */
function subscribe<E extends EventName>(event: E, listener: (data: Events[E]) => void): () => void {
  const channel: Channel = `tcplens:event:${event}`
  const forward = (_event: IpcRendererEvent, data: Events[E]) => listener(data)
  ipcRenderer.on(channel, forward)
  return () => {
    ipcRenderer.removeListener(channel, forward)
  }
}

const api: TcpLensApi = {
  transport: 'electron',

  appInfo: () => invoke('appInfo'),
  getPreferences: () => invoke('getPreferences'),
  setPreferences: (changes) => invoke('setPreferences', changes),
  recentFiles: () => invoke('recentFiles'),

  open: (source) => invoke('open', source),
  upload: (name, base64) => invoke('upload', name, base64),
  listDirectory: (path) => (path === undefined ? invoke('listDirectory') : invoke('listDirectory', path)),
  cancelOpen: () => invoke('cancelOpen'),
  close: () => invoke('close'),
  status: () => invoke('status'),

  setView: (view) => invoke('setView', view),
  cancelWork: () => invoke('cancelWork'),
  checkFilter: (text) => invoke('checkFilter', text),
  filterFields: () => invoke('filterFields'),
  rows: (start, count) => invoke('rows', start, count),
  positionOf: (frame) => invoke('positionOf', frame),
  packet: (frame) => invoke('packet', frame),

  connections: () => invoke('connections'),
  narrative: (stream, lang) => invoke('narrative', stream, lang),
  lab: (stream, lang) => invoke('lab', stream, lang),
  flowGraph: (lang) => invoke('flowGraph', lang),
  expertInfo: () => invoke('expertInfo'),
  followStream: (stream) => invoke('followStream', stream),

  captureInterfaces: () => invoke('captureInterfaces'),
  checkCaptureFilter: (iface, filter) => invoke('checkCaptureFilter', iface, filter),
  startCapture: (options) => invoke('startCapture', options),
  stopCapture: () => invoke('stopCapture'),
  restartCapture: () => invoke('restartCapture'),
  runDemo: (scenario) => invoke('runDemo', scenario),
  connectTo: (target) => invoke('connectTo', target),
  saveCapture: (target) => invoke('saveCapture', target),

  onCapture: (listener) => subscribe('capture', listener),
  onProgress: (listener) => subscribe('progress', listener),
  onWork: (listener) => subscribe('work', listener),
  onPreferences: (listener) => subscribe('preferences', listener),
  onLive: (listener) => subscribe('live', listener),
  onMenu: (listener) => subscribe('menu', listener),

  pathForFile(file) {
    const path = webUtils.getPathForFile(file)
    // Told first, so main allows the `open` that follows (both travel in order on one pipe).
    if (path) ipcRenderer.send(DROPPED_CHANNEL, path)
    return path
  },
}

contextBridge.exposeInMainWorld('tcplens', api)

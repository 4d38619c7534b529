// Wires one window to its backend, as a single table: every method of the contract (METHODS)
// through handle(), the backend's events to the window's `tcplens:event:<name>` channels, and
// the preload's note of a dropped file to the path policy. Answers the function that unwires it.
import type { EventName, Events } from '../../preload/contract/api'
import type { PathPolicy } from '../api/path-policy'
import type { BackendPort } from '../api/port'
import { isPathText, METHODS } from '../api/validate'
import type { RendererLocation } from '../window'
import { DROPPED_CHANNEL, eventChannel, requestChannel } from './channels'
import { handle, type IpcMainLike } from './handle'
import { isOwnSender, type IpcEventLike, type IpcWindow } from './sender'

export interface IpcWiring {
  ipcMain: IpcMainLike
  window: IpcWindow
  location: RendererLocation
  backend: BackendPort
  paths: PathPolicy
}

/** Sends an event to the window, unless it is gone. */
export function sendEvent<E extends EventName>(window: IpcWindow, event: E, data: Events[E]): void {
  if (!window.isDestroyed()) window.webContents.send(eventChannel(event), data)
}

export function registerIpc({ ipcMain, window, location, backend, paths }: IpcWiring): () => void {
  const isTrusted = (event: IpcEventLike) => isOwnSender(event, window, location)
  for (const method of METHODS) handle(ipcMain, method, isTrusted, backend)

  const onDropped = (event: IpcEventLike, path: unknown) => {
    if (isTrusted(event) && isPathText(path)) paths.grant(path)
  }
  ipcMain.on(DROPPED_CHANNEL, onDropped)

  const stopEvents = backend.onEvent((event, data) => sendEvent(window, event, data))

  return () => {
    for (const method of METHODS) ipcMain.removeHandler(requestChannel(method))
    ipcMain.removeListener(DROPPED_CHANNEL, onDropped)
    stopEvents()
  }
}

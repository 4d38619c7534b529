// Who may talk to main: only the top frame of our own window, showing our own page. A message
// from a sub-frame, another window, or a page that navigated elsewhere is refused.
import { isOwnPage, type RendererLocation } from '../window'

/** The parts of Electron's IpcMainEvent / IpcMainInvokeEvent the check reads. */
export interface IpcEventLike {
  sender: unknown
  senderFrame: { url: string; parent: unknown } | null
}

/** The parts of a BrowserWindow the IPC layer uses. */
export interface IpcWindow {
  isDestroyed(): boolean
  webContents: { send(channel: string, ...args: unknown[]): void }
}

export function isOwnSender(event: IpcEventLike, window: IpcWindow, location: RendererLocation): boolean {
  if (window.isDestroyed() || event.sender !== window.webContents) return false
  const frame = event.senderFrame
  // null: the frame navigated away or was destroyed while the message was under way.
  if (!frame || frame.parent !== null) return false
  return isOwnPage(frame.url, location)
}

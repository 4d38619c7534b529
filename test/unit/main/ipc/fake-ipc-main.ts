// ipcMain as the IPC layer sees it, for tests: channels to their handler and listeners. A second
// handler on one channel throws, as Electron's ipcMain.handle does.
import type { IpcEventLike } from '../../../../main/ipc/sender'

export type Listener = (event: IpcEventLike, ...args: unknown[]) => unknown

export function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  const listeners = new Map<string, Listener>()
  return {
    handlers,
    listeners,
    handle: (channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    },
    removeHandler: (channel: string) => void handlers.delete(channel),
    on: (channel: string, listener: Listener) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  }
}

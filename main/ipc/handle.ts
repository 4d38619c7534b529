// The one way a contract request enters the main process in Electron: handle() checks the
// sender, passes the untrusted arguments to the backend (which validates them), and answers a
// Result. Nothing thrown here reaches the renderer.
import type { Answer, Method } from '../../preload/contract/api'
import type { Result } from '../../preload/contract/result'
import { toApiError } from '../api/errors'
import type { BackendPort } from '../api/port'
import { requestChannel } from './channels'
import type { IpcEventLike } from './sender'

/** The parts of Electron's ipcMain the IPC layer uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void
  removeHandler(channel: string): void
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void): unknown
}

const FORBIDDEN_SENDER: Result<never> = { ok: false, error: { code: 'forbidden', message: 'Only the TCP Lens window may call TCP Lens' } }

/** Answers `method` on its channel: forbidden for a foreign sender, else what the backend says. */
export function handle<M extends Method>(ipcMain: IpcMainLike, method: M, isTrusted: (event: IpcEventLike) => boolean, backend: BackendPort): void {
  ipcMain.handle(requestChannel(method), async (event, ...args): Promise<Result<Answer<M>>> => {
    if (!isTrusted(event)) return FORBIDDEN_SENDER
    try {
      return (await backend.call(method, args)) as Result<Answer<M>>
    } catch (error) {
      // backend.call never throws; this is the last guard should it ever do.
      return { ok: false, error: toApiError(error, method) }
    }
  })
}

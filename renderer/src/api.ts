// The one place that knows the transport: the Electron preload's `window.tcplens`, else (browser
// mode) a WebSocket to the server that served this page (same origin, /ws).
import type { TcpLensApi } from '../../preload/contract/api'
import { connectWebSocket } from './transport/websocket-client'

/**
 * The api of this window. `onLost` hears once when the connection to the server is lost
 * (browser mode only: the Electron preload cannot lose its main process and keep the page).
 */
export async function resolveApi(onLost: (reason: string) => void): Promise<TcpLensApi> {
  if (window.tcplens) return window.tcplens
  const api = await connectWebSocket()
  api.onDisconnect((event) => onLost(event.reason))
  return api
}

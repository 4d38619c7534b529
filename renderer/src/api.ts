// The one place that knows the transport: the Electron preload's `window.tcplens`, else (browser
// mode) a WebSocket to the server that served this page (same origin, /ws).
import type { TcpLensApi } from '../../preload/contract/api'
import { connectWebSocket } from './transport/websocket-client'

export async function resolveApi(): Promise<TcpLensApi> {
  return window.tcplens ?? (await connectWebSocket())
}

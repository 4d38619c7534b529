// SEAM (implementation pending): capturing a prepared connection (a demo scenario, or "Connect to
// host:port") from start to end: a CaptureRun on the interface with the connection's filter, the
// connection played, a short wait for the last segments, then stop.
import type { CaptureRunOptions, CaptureRunStats } from '../live/capture-run'
import type { PreparedConnection } from './scenarios'

export type ConnectionCaptureOptions = Omit<CaptureRunOptions, 'interface' | 'filter' | 'stop'> & { interface: string }

export interface CapturedConnection {
  stats: CaptureRunStats
  /** The connection's own failure (DNS, timeout); a refused connection is not one. */
  error?: string
}

export async function captureConnection(connection: PreparedConnection, options: ConnectionCaptureOptions): Promise<CapturedConnection> {
  void connection
  void options
  throw new Error('captureConnection is not implemented yet')
}

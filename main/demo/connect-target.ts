// SEAM (implementation pending): "Connect to host:port": the host resolved, a filter for exactly
// that connection ("tcp and host 10.0.0.5 and port 80"), and play() opening a TCP connection to
// it and closing it (a timeout ends a connection that never opens).
import type { ConnectTarget } from '../../preload/contract/dto'
import type { PreparedConnection } from './scenarios'

export interface PreparedTarget extends PreparedConnection {
  address: string
}

export async function prepareTarget(target: ConnectTarget): Promise<PreparedTarget> {
  void target
  throw new Error('prepareTarget is not implemented yet')
}

// SEAM (implementation pending): the "Demo connection" scenarios, each a tiny TCP server and client
// on 127.0.0.1 built on node:net. prepareScenario listens (or, for 'refused', finds a closed port)
// and answers the capture filter for exactly that port; play() then runs the connection to its
// end (the last ACK included) and close() frees whatever is left.
import type { DemoScenario } from '../../preload/contract/dto'

export const DEMO_SCENARIOS: readonly DemoScenario[] = ['normal', 'server-close', 'half-close', 'refused', 'rst-abort', 'keep-alive']

export interface PreparedConnection {
  /** The capture filter for exactly this connection ("tcp port 40123"). */
  filter: string
  /** Runs the connection to its end; `error` when it failed in a way that is not a TCP result. */
  play(): Promise<{ error?: string }>
  close(): Promise<void>
}

export interface PreparedScenario extends PreparedConnection {
  scenario: DemoScenario
  /** The server's port on 127.0.0.1. */
  port: number
}

export async function prepareScenario(scenario: DemoScenario): Promise<PreparedScenario> {
  void scenario
  throw new Error('prepareScenario is not implemented yet')
}

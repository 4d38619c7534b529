// The "Demo connection" scenarios, each a tiny TCP server and client on 127.0.0.1 built on
// node:net. prepareScenario listens (or, for 'refused', finds a closed port) and answers the
// capture filter for exactly that port; play() then runs the connection to its end and close()
// frees whatever is left. What each side does is in scenario-scripts.ts.
import type { DemoScenario } from '../../preload/contract/dto'
import type { DemoEvent } from './scenario-journal'
import { ScenarioConnection } from './scenario-connection'
import { SCENARIO_SCRIPTS } from './scenario-scripts'

export const DEMO_SCENARIOS: readonly DemoScenario[] = ['normal', 'server-close', 'half-close', 'refused', 'rst-abort', 'keep-alive']

export interface PreparedConnection {
  /** The capture filter for exactly this connection ("tcp port 40123"). */
  filter: string
  /** Runs the connection to its end; `error` when it failed in a way that is not a TCP result. */
  play(): Promise<{ error?: string }>
  /** Frees every socket, listener and timer; safe to call at any time, more than once. */
  close(): Promise<void>
}

export interface PreparedScenario extends PreparedConnection {
  scenario: DemoScenario
  /** The server's port on 127.0.0.1. */
  port: number
  /** What each side did so far, in order (the scenario's own account of its story). */
  readonly events: readonly DemoEvent[]
}

export function isDemoScenario(name: string): name is DemoScenario {
  return (DEMO_SCENARIOS as readonly string[]).includes(name)
}

/** One line saying what the scenario shows. */
export function scenarioSummary(scenario: DemoScenario): string {
  return SCENARIO_SCRIPTS[scenario].summary
}

/** Listens on 127.0.0.1 (nothing listens for 'refused'); nothing is sent until play(). */
export async function prepareScenario(scenario: DemoScenario): Promise<PreparedScenario> {
  const connection = await ScenarioConnection.prepare(SCENARIO_SCRIPTS[scenario])
  return {
    scenario,
    port: connection.port,
    filter: `tcp port ${connection.port}`,
    get events() {
      return connection.journal.events
    },
    play: () => connection.play(),
    close: () => connection.close(),
  }
}

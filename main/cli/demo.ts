// `tcplens demo [SCENARIO] -w FILE [--list]`: a demo connection played on 127.0.0.1 and captured
// on the loopback interface into FILE (pcapng, or pcap for *.pcap), then the connection printed
// as `tcplens conv` prints it. "Capturing on 'lo'" and what happened go to stderr. Exit status:
// 0; 1 for bad arguments; 2 when capturing cannot start (no cap, no rights: what to do about it)
// or the demo itself failed.
import type { DemoScenario } from '../../preload/contract/dto'
import { CaptureProblemError, describeCaptureProblem } from '../capture/capture-problem'
import { listInterfaces, loopbackInterface, type CapModule } from '../capture/live'
import { captureConnection, type CapturedConnection } from '../demo/capture-connection'
import { DEMO_SCENARIOS, isDemoScenario, prepareScenario, scenarioSummary } from '../demo/scenarios'
import { UsageError, parseArgs } from './argv'
import { convCommand } from './conv'
import type { CliIo } from './run'
import { commandUsage } from './help'

const USAGE = commandUsage('demo')

/** What `demo` uses from the machine; tests replace the capture module. */
export interface DemoEnvironment {
  cap?: CapModule
}

/** One line per scenario, names aligned: "normal        handshake, a request…". */
export function scenarioList(): string[] {
  const width = Math.max(...DEMO_SCENARIOS.map((s) => s.length))
  return DEMO_SCENARIOS.map((s) => `${s.padEnd(width)}  ${scenarioSummary(s)}`)
}

function scenarioArgument(positional: readonly string[]): DemoScenario {
  if (positional.length > 1) throw new UsageError(USAGE)
  const name = positional[0] ?? 'normal'
  if (!isDemoScenario(name)) throw new UsageError(`unknown scenario "${name}" (one of: ${DEMO_SCENARIOS.join(', ')}; tcplens demo --list explains each)`)
  return name
}

export async function demoCommand(args: readonly string[], io: CliIo, machine: DemoEnvironment = {}): Promise<number> {
  const parsed = parseArgs(args, { withValue: ['-w'], flags: ['--list'] })
  if (parsed.flags.has('--list')) {
    for (const line of scenarioList()) io.stdout.write(`${line}\n`)
    return 0
  }
  const scenario = scenarioArgument(parsed.positional)
  const paths = parsed.values.get('-w') ?? []
  if (paths.length !== 1) throw new UsageError(USAGE)
  const path = paths[0]!

  const list = await listInterfaces(machine.cap)
  if (list.problem) return fail(io, describeCaptureProblem(list.problem))
  const iface = loopbackInterface(list.interfaces)
  if (!iface) return fail(io, 'this machine lists no loopback interface to capture the demo on (tcplens capture -D lists them)')

  let captured: CapturedConnection
  const prepared = await prepareScenario(scenario)
  try {
    captured = await captureConnection(prepared, {
      interface: iface,
      path,
      cap: machine.cap,
      onCapturing: () => io.stderr.write(`Capturing on '${iface}'\n`),
    })
  } catch (error) {
    if (!(error instanceof CaptureProblemError)) throw error
    return fail(io, describeCaptureProblem(error.problem))
  }
  const { packets, dropped } = captured.stats
  io.stderr.write(`Demo "${scenario}" on 127.0.0.1 port ${prepared.port}: ${scenarioSummary(scenario)}\n`)
  io.stderr.write(`${packets} packet${packets === 1 ? '' : 's'} captured to ${path}${dropped > 0 ? ` (${dropped} dropped by TCP Lens)` : ''}\n`)
  const status = await convCommand([path], io)
  if (captured.error) return fail(io, `the demo connection failed: ${captured.error}`)
  return status
}

function fail(io: CliIo, message: string): number {
  io.stderr.write(`tcplens: ${message}\n`)
  return 2
}

// `tcplens capture`, in tshark's manner:
//   capture -D                  the interfaces, numbered (the default route's marked as recommended)
//   capture -i IFACE [-f BPF] [-c COUNT] [-a duration:SEC] [-a filesize:KB] -w FILE
// -i takes a name or a number from -D. "Capturing on 'IFACE'" goes to stderr once capturing, and
// "N packets captured" when it stops: at a condition, or on Ctrl+C / SIGTERM. Exit status: 0;
// 1 for bad arguments; 2 when capturing cannot start (a bad filter: libpcap's message; no rights,
// no cap, no such interface: what to do about it) or stopped on an error.
import type { CaptureInterface, StopConditions } from '../../preload/contract/dto'
import { CaptureProblemError, describeCaptureProblem } from '../capture/capture-problem'
import type { DefaultRouteProbes } from '../capture/default-route'
import { listInterfaces, type CapModule } from '../capture/live'
import { CaptureRun, type CaptureRunStats } from '../live/capture-run'
import { UsageError, parseArgs } from './argv'
import type { CliIo } from './run'
import { commandUsage } from './help'

const USAGE = commandUsage('capture')

/** What `capture` uses from the machine; tests replace parts of it. */
export interface CaptureEnvironment {
  /** Resolves at the first Ctrl+C or SIGTERM; dispose() stops listening. */
  interrupted(): { signal: Promise<void>; dispose(): void }
  cap?: CapModule
  routeProbes?: DefaultRouteProbes
  /** Told once capturing (tests make their traffic from here). */
  onCapturing?(run: CaptureRun): void
}

function processSignals(): { signal: Promise<void>; dispose(): void } {
  let stop = () => undefined as void
  const signal = new Promise<void>((resolve) => (stop = resolve))
  const listener = () => stop()
  process.on('SIGINT', listener)
  process.on('SIGTERM', listener)
  return {
    signal,
    dispose: () => {
      process.off('SIGINT', listener)
      process.off('SIGTERM', listener)
    },
  }
}

/** One line of -D: "1. eth0 (recommended: default route)", "2. lo (Loopback)". */
export function interfaceLine(index: number, iface: CaptureInterface): string {
  const notes = [iface.description ?? (iface.loopback ? 'Loopback' : undefined), iface.recommended ? 'recommended: default route' : undefined]
  return [`${index}. ${iface.name}`, ...notes.filter((n) => n !== undefined).map((n) => `(${n})`)].join(' ')
}

function positiveNumber(text: string, what: string): number {
  const value = Number(text)
  if (!/^\d+(\.\d+)?$/.test(text) || !(value > 0)) throw new UsageError(`${what} must be a positive number, not "${text}"`)
  return value
}

/** -c COUNT and -a duration:SEC / filesize:KB (kB of 1000 bytes, as tshark counts them). */
export function stopConditions(count: string | undefined, autostop: readonly string[]): StopConditions {
  const stop: StopConditions = {}
  if (count !== undefined) {
    if (!/^\d+$/.test(count) || Number(count) < 1) throw new UsageError(`-c must be a positive whole number, not "${count}"`)
    stop.packets = Number(count)
  }
  for (const condition of autostop) {
    const [kind, value] = condition.split(':', 2)
    if (kind === 'duration' && value !== undefined) stop.seconds = positiveNumber(value, 'duration')
    else if (kind === 'filesize' && value !== undefined) stop.megabytes = positiveNumber(value, 'filesize') / 1000
    else throw new UsageError(`-a takes duration:SEC or filesize:KB, not "${condition}"`)
  }
  return stop
}

function single(values: string[] | undefined, option: string): string | undefined {
  if ((values?.length ?? 0) > 1) throw new UsageError(`${option} may be given once`)
  return values?.[0]
}

async function listCommand(io: CliIo, machine: Partial<CaptureEnvironment>): Promise<number> {
  const list = await listInterfaces(machine.cap, { routeProbes: machine.routeProbes })
  if (list.problem) {
    io.stderr.write(`tcplens: ${describeCaptureProblem(list.problem)}\n`)
    return 2
  }
  list.interfaces.forEach((iface, i) => io.stdout.write(`${interfaceLine(i + 1, iface)}\n`))
  return 0
}

/** -i by name, or by its number in the -D list. */
async function interfaceNamed(text: string, machine: Partial<CaptureEnvironment>): Promise<string> {
  if (!/^\d+$/.test(text)) return text
  const list = await listInterfaces(machine.cap, { routeProbes: machine.routeProbes })
  const found = list.interfaces[Number(text) - 1]
  if (!found) throw new UsageError(`there is no interface number ${text} (tcplens capture -D lists them)`)
  return found.name
}

function report(io: CliIo, stats: CaptureRunStats): number {
  io.stderr.write(`${stats.packets} packet${stats.packets === 1 ? '' : 's'} captured\n`)
  if (stats.dropped > 0) io.stderr.write(`${stats.dropped} packet${stats.dropped === 1 ? '' : 's'} dropped by TCP Lens\n`)
  if (stats.problem) {
    io.stderr.write(`tcplens: ${describeCaptureProblem(stats.problem)}\n`)
    return 2
  }
  return 0
}

export async function captureCommand(args: readonly string[], io: CliIo, overrides: Partial<CaptureEnvironment> = {}): Promise<number> {
  const parsed = parseArgs(args, { withValue: ['-i', '-f', '-c', '-a', '-w'], flags: ['-D'] })
  if (parsed.positional.length > 0) throw new UsageError(USAGE)
  const machine: CaptureEnvironment = { interrupted: processSignals, ...overrides }
  if (parsed.flags.has('-D')) return listCommand(io, machine)

  const ifaceText = single(parsed.values.get('-i'), '-i')
  const path = single(parsed.values.get('-w'), '-w')
  if (!ifaceText || !path) throw new UsageError(USAGE)
  const stop = stopConditions(single(parsed.values.get('-c'), '-c'), parsed.values.get('-a') ?? [])
  const iface = await interfaceNamed(ifaceText, machine)

  // Listen before starting: a Ctrl+C while the interface opens still ends the capture cleanly.
  const interruption = machine.interrupted()
  try {
    let run: CaptureRun
    const filter = single(parsed.values.get('-f'), '-f') ?? ''
    try {
      run = await CaptureRun.start({ interface: iface, filter, stop, path, cap: machine.cap })
    } catch (error) {
      if (!(error instanceof CaptureProblemError)) throw error
      const problem = error.problem
      const bad = problem.code === 'bad-filter'
      io.stderr.write(bad ? `tcplens: invalid capture filter "${filter}" for interface '${iface}': ${problem.message}\n` : `tcplens: ${describeCaptureProblem(problem)}\n`)
      return 2
    }
    io.stderr.write(`Capturing on '${iface}'\n`)
    machine.onCapturing?.(run)
    const stats = await Promise.race([run.stopped, interruption.signal.then(() => run.stop('user'))])
    return report(io, stats)
  } finally {
    interruption.dispose()
  }
}

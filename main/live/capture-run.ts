// One live capture from start to stop, the piece the CLI, the app's capture controller and the
// demos share. It opens the interface with cap (main/capture/live.ts), stamps each packet on
// arrival (arrival-clock.ts), appends it to the output file (live-file-writer.ts: pcapng, or
// pcap by extension), which flushes at least every flushIntervalMs and tells onCommitted how many
// bytes of the file are complete blocks; it counts (stats ≤ 10 a second), and stops on a stop
// condition, on stop(), or on an error. A run owns no global state: two runs can exist at once.
import type { CaptureProblem, LiveStats, StopConditions, StopReason } from '../../preload/contract/dto'
import { ArrivalClock } from '../capture/arrival-clock'
import { CaptureProblemError, captureProblem, errorMessage } from '../capture/capture-problem'
import { isLoopbackDevice, loadCap, openInterface, type CapDevice, type CapHandle, type CapModule } from '../capture/live'
import { LIVE_SNAPLEN, LiveFileWriter } from '../capture/live-file-writer'
import { RateWindow } from './rate-window'

/** A run's counters: the contract's LiveStats without what the controller adds (session, interface, filter). */
export type CaptureRunStats = Omit<LiveStats, 'session' | 'interface' | 'filter'>

export interface CaptureRunOptions {
  interface: string
  /** BPF; "" for none. */
  filter: string
  stop?: StopConditions
  /** The output file (replaced): pcap when it ends in .pcap, else pcapng. */
  path: string
  /** Flush the file at least this often (default 100 ms). */
  flushIntervalMs?: number
  /** Counters, at most 10 times a second, and once more when stopped. */
  onStats?(stats: CaptureRunStats): void
  /** Bytes [0, size) of the file are complete blocks on disk; called after the header and after every flush. */
  onCommitted?(size: number): void
  /** The capture module (tests inject a fake); default loadCap(). */
  cap?: CapModule
  /** Tests: packets waiting for the disk beyond this many bytes are dropped (default 64 MiB). */
  maxQueuedBytes?: number
  /** Tests: a monotonic clock in ms for the elapsed time and the rates (default performance.now). */
  now?: () => number
}

/**
 * The kernel's buffer for this capture: room for bursts while JavaScript is busy (a GC pause, a
 * busy CPU). libpcap in immediate mode gives each packet a slot as big as the interface's MTU
 * allows: 32 MB holds about 20,000 Ethernet packets but only about 480 on loopback (MTU 64 KiB),
 * 20 ms of a 25,000 packets/s flood, which lost packets in the benchmark; 128 MB holds 2,000.
 */
const KERNEL_BUFFER_BYTES = 32 * 1024 * 1024
const LOOPBACK_KERNEL_BUFFER_BYTES = 128 * 1024 * 1024
const STATS_INTERVAL_MS = 100

function deviceNamed(cap: CapModule, name: string): CapDevice | undefined {
  try {
    return cap.Cap.deviceList().find((d) => d.name === name)
  } catch {
    return undefined
  }
}

export class CaptureRun {
  /** Resolves with the final counters once the run stopped and the file is closed. */
  readonly stopped: Promise<CaptureRunStats>
  private resolveStopped!: (stats: CaptureRunStats) => void
  private readonly writer: LiveFileWriter
  private readonly clock = new ArrivalClock()
  private readonly rates = new RateWindow()
  private readonly now: () => number
  private readonly startedAt: number
  private capturing = true
  private bytes = 0
  private rate = { packetsPerSecond: 0, bytesPerSecond: 0 }
  private stopReason: StopReason | undefined
  private problem: CaptureProblem | undefined
  private final: CaptureRunStats | undefined
  private readonly statsTimer: ReturnType<typeof setInterval>
  private secondsTimer: ReturnType<typeof setTimeout> | undefined
  private lastSent = ''

  private constructor(
    private readonly options: CaptureRunOptions,
    private readonly handle: CapHandle,
    private readonly buffer: Buffer,
    readonly linkType: number,
    description: string | undefined,
  ) {
    this.stopped = new Promise((resolve) => (this.resolveStopped = resolve))
    this.now = options.now ?? (() => performance.now())
    this.startedAt = this.now()
    this.writer = new LiveFileWriter({
      path: options.path,
      linkType,
      interfaceName: options.interface,
      description,
      filter: options.filter,
      flushIntervalMs: options.flushIntervalMs,
      maxQueuedBytes: options.maxQueuedBytes,
      onCommitted: (size) => options.onCommitted?.(size),
      onError: (error) => void this.stop('error', captureProblem('failed', `writing ${options.path} failed: ${error.message}`)),
    })
    // cap reuses `buffer` for the next packet: append() encodes (copies) the bytes at once.
    handle.on('packet', (nbytes) => this.onPacket(nbytes))
    this.statsTimer = setInterval(() => this.tick(), STATS_INTERVAL_MS)
    this.statsTimer.unref?.()
  }

  /**
   * Opens the interface (throws CaptureProblemError: no cap, permission, bad filter, no device),
   * writes the file header (onCommitted sees it) and starts capturing.
   */
  static async start(options: CaptureRunOptions): Promise<CaptureRun> {
    const cap = options.cap ?? loadCap()
    const buffer = Buffer.alloc(LIVE_SNAPLEN)
    const device = deviceNamed(cap, options.interface)
    const kernelBuffer = device && isLoopbackDevice(device) ? LOOPBACK_KERNEL_BUFFER_BYTES : KERNEL_BUFFER_BYTES
    const opened = openInterface(cap, options.interface, options.filter, kernelBuffer, buffer)
    const run = new CaptureRun(options, opened.handle, buffer, opened.linkType, device?.description)
    try {
      await run.writer.ready
    } catch (error) {
      const problem = captureProblem('failed', `cannot write ${options.path}: ${errorMessage(error)}`)
      await run.stop('error', problem)
      throw new CaptureProblemError(problem)
    }
    const seconds = options.stop?.seconds
    if (seconds !== undefined && run.capturing) run.secondsTimer = setTimeout(() => void run.stop('seconds'), seconds * 1000)
    return run
  }

  stats(): CaptureRunStats {
    if (this.final) return this.final
    return this.snapshot('capturing')
  }

  /** Stops capturing, flushes and closes the file; resolves with the final counters. */
  async stop(reason: StopReason = 'user', problem?: CaptureProblem): Promise<CaptureRunStats> {
    if (!this.capturing) return this.stopped
    this.capturing = false
    this.stopReason = reason
    this.problem = problem
    clearInterval(this.statsTimer)
    if (this.secondsTimer) clearTimeout(this.secondsTimer)
    this.handle.removeAllListeners('packet')
    this.handle.close()
    const size = await this.writer.close()
    this.options.onCommitted?.(size)
    this.rate = this.rates.sample(this.now(), this.writer.packets, this.bytes)
    this.final = this.snapshot('stopped')
    this.options.onStats?.(this.final)
    this.resolveStopped(this.final)
    return this.final
  }

  private onPacket(nbytes: number): void {
    if (!this.capturing) return
    if (!this.writer.append(this.buffer.subarray(0, nbytes), this.clock.nowMicros())) return
    this.bytes += nbytes
    const stop = this.options.stop
    if (stop?.packets !== undefined && this.writer.packets >= stop.packets) void this.stop('packets')
    else if (stop?.megabytes !== undefined && this.bytes >= stop.megabytes * 1e6) void this.stop('megabytes')
  }

  /** Every 100 ms: the rates, and the counters when they changed (or a second passed). */
  private tick(): void {
    this.rate = this.rates.sample(this.now(), this.writer.packets, this.bytes)
    const stats = this.snapshot('capturing')
    const key = `${stats.packets}/${stats.dropped}/${Math.round(stats.packetsPerSecond)}/${Math.floor(stats.elapsedMs / 1000)}`
    if (key === this.lastSent) return
    this.lastSent = key
    this.options.onStats?.(stats)
  }

  private snapshot(state: CaptureRunStats['state']): CaptureRunStats {
    const stats: CaptureRunStats = {
      state,
      packets: this.writer.packets,
      bytes: this.bytes,
      packetsPerSecond: this.rate.packetsPerSecond,
      bytesPerSecond: this.rate.bytesPerSecond,
      dropped: this.writer.dropped,
      elapsedMs: Math.round(this.now() - this.startedAt),
    }
    if (this.stopReason) stats.stopReason = this.stopReason
    if (this.problem) stats.problem = this.problem
    return stats
  }
}

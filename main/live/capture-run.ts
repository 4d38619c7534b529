// SEAM (implementation pending): one live capture from start to stop, the piece the CLI, the app's
// capture controller and the demos share. It opens the interface with cap (main/capture/live.ts),
// stamps each packet on arrival (arrival-clock.ts), appends it to the output file
// (live-file-writer.ts: pcapng, or pcap by extension), flushes at least every flushIntervalMs and
// tells onCommitted how many bytes of the file are complete blocks, counts (stats ≤ 10 a second),
// and stops on a stop condition, on stop(), or on an error.
import type { CaptureProblem, StopConditions, StopReason } from '../../preload/contract/dto'
import type { CapModule } from '../capture/live'

export interface CaptureRunStats {
  state: 'capturing' | 'stopped'
  packets: number
  bytes: number
  packetsPerSecond: number
  bytesPerSecond: number
  dropped: number
  elapsedMs: number
  stopReason?: StopReason
  problem?: CaptureProblem
}

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
}

export class CaptureRun {
  /** Resolves with the final counters once the run stopped and the file is closed. */
  readonly stopped: Promise<CaptureRunStats>

  private constructor() {
    this.stopped = Promise.reject(new Error('CaptureRun is not implemented yet'))
  }

  /**
   * Opens the interface (throws CaptureProblemError: no cap, permission, bad filter, no device),
   * writes the file header (onCommitted sees it) and starts capturing.
   */
  static async start(options: CaptureRunOptions): Promise<CaptureRun> {
    void options
    throw new Error('CaptureRun is not implemented yet')
  }

  /** The DLT/LINKTYPE of the interface. */
  get linkType(): number {
    return 0
  }

  stats(): CaptureRunStats {
    throw new Error('CaptureRun is not implemented yet')
  }

  /** Stops capturing, flushes and closes the file; resolves with the final counters. */
  async stop(reason: StopReason = 'user'): Promise<CaptureRunStats> {
    void reason
    return this.stopped
  }
}

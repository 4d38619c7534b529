// Capturing a prepared connection (a demo scenario, or "Connect to host:port") from start to end:
// a CaptureRun on the interface with the connection's filter, the connection played, a short
// wait for the last segments, then stop. The run is always stopped and the connection always
// closed, whatever failed.
import { setTimeout as sleep } from 'node:timers/promises'
import { CaptureRun, type CaptureRunOptions, type CaptureRunStats } from '../live/capture-run'
import type { PreparedConnection } from './scenarios'

export type ConnectionCaptureOptions = Omit<CaptureRunOptions, 'interface' | 'filter' | 'stop'> & {
  interface: string
  /** The capture ends once no packet arrived for this long after the connection ended (default 300 ms). */
  quietMs?: number
  /** …or this long after it ended at the latest (default 2 s). */
  tailMs?: number
  /** Told once the interface is open, before the connection plays (the CLI says "Capturing on"). */
  onCapturing?(run: CaptureRun): void
}

export interface CapturedConnection {
  stats: CaptureRunStats
  /** The connection's own failure (DNS, timeout); a refused connection is not one. */
  error?: string
}

/**
 * cap's open is synchronous, so the socket already receives when start() resolves; this short
 * pause only keeps the first SYN clear of the capture's own set-up, in case a platform differs.
 */
const ACTIVE_PAUSE_MS = 20
const POLL_MS = 50

/** Throws CaptureProblemError when the capture cannot start (after closing the connection). */
export async function captureConnection(connection: PreparedConnection, options: ConnectionCaptureOptions): Promise<CapturedConnection> {
  const { quietMs = 300, tailMs = 2000, onCapturing, ...runOptions } = options
  let run: CaptureRun | undefined
  try {
    run = await CaptureRun.start({ ...runOptions, filter: connection.filter })
    onCapturing?.(run)
    await sleep(ACTIVE_PAUSE_MS)
    const { error } = await connection.play()
    // The last ACK (or RST) is sent by the kernel after the sockets closed: wait until it is in.
    await untilQuiet(run, quietMs, tailMs)
    const stats = await run.stop('finished')
    return error === undefined ? { stats } : { stats, error }
  } finally {
    await run?.stop('finished')
    await connection.close()
  }
}

/** Resolves once the run saw no new packet for `quietMs`, after `tailMs` at most, or when it stopped. */
async function untilQuiet(run: CaptureRun, quietMs: number, tailMs: number): Promise<void> {
  let packets = run.stats().packets
  let quietFor = 0
  for (let waited = 0; waited < tailMs && quietFor < quietMs; waited += POLL_MS) {
    await sleep(POLL_MS)
    const stats = run.stats()
    if (stats.state === 'stopped') return
    quietFor = stats.packets === packets ? quietFor + POLL_MS : 0
    packets = stats.packets
  }
}

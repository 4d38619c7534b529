// Memory of a running process on Linux, from /proc/PID/status: the resident set now (VmRSS) and
// its peak (VmHWM). Threads share their process's address space, so a worker thread is counted
// with the process that started it.
import { readFileSync } from 'node:fs'

export interface ProcessMemory {
  rssMiB: number
  peakRssMiB: number
}

function kibField(status: string, name: string): number | undefined {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)
  return match ? Number(match[1]) : undefined
}

/** The process's memory, or undefined where /proc is not there (not Linux, process gone). */
export function processMemory(pid: number): ProcessMemory | undefined {
  let status: string
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8')
  } catch {
    return undefined
  }
  const rss = kibField(status, 'VmRSS')
  const peak = kibField(status, 'VmHWM')
  if (rss === undefined || peak === undefined) return undefined
  return { rssMiB: rss / 1024, peakRssMiB: peak / 1024 }
}

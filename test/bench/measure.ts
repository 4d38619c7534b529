// Timing helpers for the benchmark: medians over several runs, wall time of whole commands,
// and peak memory of a child process (Linux: from wait4's rusage, through python3).
import { spawnSync } from 'node:child_process'

export interface Sample {
  seconds: number
  /** Peak resident memory in MiB, when it could be measured. */
  peakMiB?: number
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function commandExists(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0
}

// Runs argv with stdout to /dev/null and prints "seconds maxrss_kib" (ru_maxrss of the child).
const RUN_AND_MEASURE = `
import resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
elapsed = time.perf_counter() - t
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)
`

/** Wall time (and peak RSS where python3 is there) of one run of a command. */
export function runCommand(argv: string[]): Sample {
  if (commandExists('python3')) {
    const result = spawnSync('python3', ['-c', RUN_AND_MEASURE, ...argv], { encoding: 'utf8' })
    const [seconds, maxrss, status] = result.stdout.trim().split(' ').map(Number)
    if (status !== 0) throw new Error(`${argv.join(' ')} exited with ${status}`)
    return { seconds, peakMiB: maxrss / 1024 }
  }
  const start = process.hrtime.bigint()
  const result = spawnSync(argv[0], argv.slice(1), { stdio: 'ignore' })
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited with ${result.status}`)
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9 }
}

/** Runs `body` `runs` times and returns the median duration in seconds. */
export async function timeRuns(runs: number, body: () => Promise<void>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    await body()
    times.push(Number(process.hrtime.bigint() - start) / 1e9)
  }
  return median(times)
}

// The live-capture benchmark: a loopback flood made by the benchmark itself (UDP datagrams from a
// child process, so the generator never starves the capture), captured by CaptureRun with a
// filter for exactly that port into a temporary pcapng. Reports what the generator sent, what
// the kernel saw on lo (rx_packets, which counts any other loopback traffic as well), what the
// app received, dropped and wrote (the file read back), CPU time, and memory every second.
//   npm run bench -- live [--rate N] [--seconds S]
import { fork } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CaptureRun } from '../../main/live/capture-run'
import { LOOPBACK, captureSupport } from '../fixtures/loopback-capture'
import { countFrames } from '../fixtures/count-frames'

export interface LiveFloodOptions {
  rate: number
  seconds: number
}

interface MemorySample {
  second: number
  rssMb: number
  heapMb: number
}

const mb = (bytes: number) => Math.round((bytes / 1e6) * 10) / 10

async function loopbackRxPackets(): Promise<number | undefined> {
  try {
    return Number((await readFile(`/sys/class/net/${LOOPBACK}/statistics/rx_packets`, 'utf8')).trim())
  } catch {
    return undefined
  }
}


function startGenerator(): Promise<{ port: number; run(rate: number, seconds: number): Promise<{ sent: number; received: number }> }> {
  const child = fork(resolve(__dirname, 'live-flood-generator.ts'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  return new Promise((ready, fail) => {
    child.once('error', fail)
    child.once('message', (first: { port: number }) =>
      ready({
        port: first.port,
        run: (rate, seconds) =>
          new Promise((done) => {
            child.once('message', (report: { sent: number; received: number }) => {
              child.disconnect()
              done(report)
            })
            child.send({ rate, seconds })
          }),
      }),
    )
  })
}

/** Memory once a second until the returned function is called. */
function sampleEverySecond(memory: MemorySample[]): () => void {
  const started = performance.now()
  const timer = setInterval(() => {
    const usage = process.memoryUsage()
    memory.push({ second: Math.round((performance.now() - started) / 1000), rssMb: mb(usage.rss), heapMb: mb(usage.heapUsed) })
  }, 1000)
  return () => clearInterval(timer)
}

export async function benchLiveFlood(options: LiveFloodOptions, say: (line: string) => void): Promise<void> {
  say(`\nlive capture: a loopback flood of ${options.rate} UDP packets/s for ${options.seconds} s, captured on ${LOOPBACK}`)
  const support = captureSupport()
  if (!support.ok) {
    say(`  skipped: ${support.why}`)
    return
  }
  const dir = await mkdtemp(join(tmpdir(), 'tcplens-live-bench-'))
  const path = join(dir, 'flood.pcapng')
  try {
    const generator = await startGenerator()
    const memory: MemorySample[] = []
    let peakRate = 0
    const run = await CaptureRun.start({ interface: LOOPBACK, filter: `udp and dst port ${generator.port}`, path, onStats: (s) => (peakRate = Math.max(peakRate, s.packetsPerSecond)) })
    const rxBefore = await loopbackRxPackets()
    const cpuBefore = process.cpuUsage()
    const wallBefore = performance.now()
    const stopSampling = sampleEverySecond(memory)
    const traffic = await generator.run(options.rate, options.seconds)
    await new Promise((r) => setTimeout(r, 200))
    const stats = await run.stop()
    stopSampling()
    const cpu = process.cpuUsage(cpuBefore)
    const wallMs = performance.now() - wallBefore
    const rxAfter = await loopbackRxPackets()
    const frames = await countFrames(path)

    const firstHalf = memory.filter((m) => m.second <= Math.floor(memory.length / 2))
    const secondHalf = memory.filter((m) => m.second > Math.floor(memory.length / 2))
    const peak = (list: MemorySample[]) => Math.max(0, ...list.map((m) => m.rssMb))
    const growth = Math.round((peak(secondHalf) - peak(firstHalf)) * 10) / 10
    say(`  generator sent:            ${traffic.sent} (its receiving socket got ${traffic.received})`)
    say(`  kernel saw on ${LOOPBACK} (rx_packets): ${rxBefore === undefined || rxAfter === undefined ? 'unknown' : rxAfter - rxBefore} (all loopback traffic in the interval)`)
    say(`  app received (kept):       ${stats.packets}`)
    say(`  app dropped:               ${stats.dropped}`)
    say(`  lost between the generator and the app: ${traffic.sent - stats.packets - stats.dropped} (not delivered to the app: kernel buffer or libpcap)`)
    say(`  file frames (read back):   ${frames}, ${mb(stats.bytes)} MB of packets`)
    say(`  peak rate reported:        ${Math.round(peakRate)} packets/s`)
    say(`  CPU of this process:       user ${Math.round(cpu.user / 1000)} ms + system ${Math.round(cpu.system / 1000)} ms over ${Math.round(wallMs)} ms (${Math.round(((cpu.user + cpu.system) / 1000 / wallMs) * 100)} % of one core)`)
    say(`  memory every second (RSS MB / heap MB): ${memory.map((m) => `${m.rssMb}/${m.heapMb}`).join('  ')}`)
    say(`  memory ${Math.abs(growth) <= 10 ? 'flat' : 'NOT flat'}: peak RSS of the second half minus the first: ${growth} MB`)
  } finally {
    if (!process.env['KEEP_FLOOD']) await rm(dir, { recursive: true, force: true })
    else say(path)
  }
}

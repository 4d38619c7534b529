// npm run bench -- huge [--gib G] [--keep]: memory stays bounded for huge captures.
//  (a) Small captures that CLAIM huge lengths (test/fuzz/claimed-lengths.ts: caplen 0xffffffff,
//      snaplen 2^31, a block of 0xfffffff0 bytes, an EPB of nearly 4 GB, a 64 KiB IP datagram in
//      a 60-byte frame …) through the session, in this process, with every allocation's size
//      watched: the largest single allocation, the heap and buffers left after, the peak RSS.
//  (b) A capture of G GiB (default 2), written to the temporary folder in a stream (the bench
//      generator, connection after connection; never held in memory), opened the way the app
//      opens it: the built session worker (SessionHost, as `tcplens serve` and the app run it),
//      else the SessionCore in this process. While it loads, the worker's heap and buffers are
//      sampled against the frames read: they grow with the frames (the packet index, so many
//      bytes a frame), not with the file. The file is removed afterwards unless --keep.
import { existsSync, rmSync, statfsSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { mkdtempSync } from 'node:fs'
import { getHeapStatistics } from 'node:v8'
import { SessionCore } from '../../main/session/session-core'
import { SessionHost } from '../../main/session/session-host'
import type { WorkerMemory } from '../../main/session/worker-protocol'
import { AllocationSpy } from '../fuzz/allocation-spy'
import { CLAIMED_LENGTH_CASES } from '../fuzz/claimed-lengths'
import { runPipeline } from '../fuzz/pipeline'
import { generateBenchCapture, type BenchCaptureOptions } from './generate'
import { processMemory } from './proc-memory'

type Say = (line: string) => void

const MiB = 2 ** 20
const mib = (bytes: number) => (bytes / MiB).toFixed(1)

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
}

function collectGarbage(): void {
  ;(globalThis as { gc?: () => void }).gc?.()
}

// ---------------------------------------------------------------- (a) claimed lengths

async function benchClaimedLengths(say: Say): Promise<void> {
  say('\n(a) captures that claim huge lengths, through the session (this process):')
  const dir = mkdtempSync(join(tmpdir(), 'tcplens-huge-'))
  const rows = [['case', 'file bytes', 'ended', 'frames', 'largest allocation', 'heap after (MiB)', 'buffers after (MiB)', 'peak RSS (MiB)']]
  try {
    for (const claimed of CLAIMED_LENGTH_CASES) {
      const bytes = claimed.bytes()
      collectGarbage()
      const before = process.memoryUsage()
      const spy = new AllocationSpy().install()
      let result
      try {
        result = await runPipeline(bytes, dir)
      } finally {
        spy.restore()
      }
      collectGarbage()
      const after = process.memoryUsage()
      const peak = processMemory(process.pid)?.peakRssMiB
      rows.push([
        claimed.name,
        bytes.length.toLocaleString('en-US'),
        result.crash ? `CRASH in ${result.crash.stage}` : result.ending,
        String(result.frames),
        `${mib(spy.largest)} MiB (${spy.largestBy})`,
        mib(after.heapUsed - before.heapUsed),
        mib(after.arrayBuffers - before.arrayBuffers),
        peak === undefined ? '–' : peak.toFixed(0),
      ])
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  for (const line of table(rows)) say('  ' + line)
  say('  (the largest allocation is the reader\'s own read buffer: two 1 MiB chunks; nothing is sized by what a file claims)')
}

// ---------------------------------------------------------------- (b) a file of gigabytes

/** Bench capture options for about `gib` GiB: 100-frame connections of 1,400-byte segments (about 72 KB each). */
function hugeCaptureOptions(gib: number): BenchCaptureOptions {
  const bytesPerConnection = 46 * (16 + 14 + 20 + 20 + 1400) + 54 * (16 + 66)
  return { connections: Math.ceil((gib * 2 ** 30) / bytesPerConnection), packetsPerConnection: 100, segmentSize: 1400 }
}

interface MemorySample {
  frames: number
  heapUsed: number
  arrayBuffers: number
  rss: number
}

/** Opens `file` in the built session worker and samples its memory as frames are read. */
async function loadInWorker(file: string, workerPath: string): Promise<{ frames: number; ms: number; samples: MemorySample[]; baseline: WorkerMemory }> {
  const host = new SessionHost({ workerPath, progressIntervalMs: 250 })
  const samples: MemorySample[] = []
  try {
    const start = performance.now()
    let sampling: Promise<void> = Promise.resolve()
    host.onEvent((event, data) => {
      if (event !== 'progress') return
      const frames = (data as { packets: number }).packets
      sampling = sampling.then(async () => {
        const memory = await host.workerMemory()
        if (memory) samples.push({ frames, heapUsed: memory.heapUsed, arrayBuffers: memory.arrayBuffers, rss: memory.rss })
      })
    })
    await host.openPath(file)
    const baseline = (await host.workerMemory())!
    const status = await host.loaded()
    const ms = performance.now() - start
    await sampling
    const end = (await host.workerMemory())!
    samples.push({ frames: status.packets, heapUsed: end.heapUsed, arrayBuffers: end.arrayBuffers, rss: end.rss })
    if (status.error) throw new Error(`the capture did not load: ${status.error.message}`)
    return { frames: status.packets, ms, samples, baseline }
  } finally {
    await host.dispose()
  }
}

/** The same with the session in this process (no built worker). */
async function loadInProcess(file: string): Promise<{ frames: number; ms: number; samples: MemorySample[]; baseline: WorkerMemory }> {
  const core = new SessionCore(() => {})
  const memory = (frames: number): MemorySample => {
    const usage = process.memoryUsage()
    return { frames, heapUsed: getHeapStatistics().used_heap_size, arrayBuffers: usage.arrayBuffers, rss: usage.rss }
  }
  const samples: MemorySample[] = []
  const start = performance.now()
  await core.openPath(file)
  const base = memory(0)
  const baseline = { ...base, heapTotal: 0, external: 0 }
  const timer = setInterval(() => samples.push(memory(core.status().packets)), 500)
  await core.loaded()
  clearInterval(timer)
  const ms = performance.now() - start
  const status = core.status()
  samples.push(memory(status.packets))
  await core.dispose()
  if (status.error) throw new Error(`the capture did not load: ${status.error.message}`)
  return { frames: status.packets, ms, samples, baseline }
}

async function benchHugeFile(gib: number, keep: boolean, say: Say): Promise<void> {
  const options = hugeCaptureOptions(gib)
  const dir = tmpdir()
  const free = statfsSync(dir).bavail * statfsSync(dir).bsize
  const wanted = gib * 2 ** 30 * 1.1
  say(`\n(b) a ${gib} GiB capture (${options.connections.toLocaleString('en-US')} connections of ${options.packetsPerConnection} frames), opened as the app opens it:`)
  if (free < wanted + 2 ** 30) {
    say(`  skipped: ${dir} has ${mib(free)} MiB free, the capture needs about ${mib(wanted)} MiB and 1 GiB to spare`)
    return
  }
  const file = join(dir, `tcplens-huge-${gib}gib-${process.pid}.pcap`)
  try {
    const generating = performance.now()
    await generateBenchCapture(file, options)
    const size = statSync(file).size
    say(`  written in a stream to ${file}: ${mib(size)} MiB in ${((performance.now() - generating) / 1000).toFixed(1)} s; this process's peak RSS so far ${processMemory(process.pid)?.peakRssMiB.toFixed(0) ?? '–'} MiB`)

    const workerPath = resolve(__dirname, '../../out/main/session-worker.js')
    const inWorker = existsSync(workerPath)
    say(`  loading it in ${inWorker ? 'the built session worker (SessionHost)' : 'the SessionCore in this process (out/main/session-worker.js is missing: run `npm run build` for the worker)'} …`)
    const { frames, ms, samples, baseline } = inWorker ? await loadInWorker(file, workerPath) : await loadInProcess(file)
    const last = samples.at(-1)!
    const rows = [['frames read', 'file read (MiB)', 'heap (MiB)', 'buffers (MiB)', 'RSS (MiB)', 'heap + buffers per frame (B)']]
    // Four samples spread over the load, and the end.
    const picked = [0.25, 0.5, 0.75].map((q) => samples.find((s) => s.frames >= q * frames)).filter((s): s is MemorySample => s !== undefined)
    for (const s of [...new Set([...picked, last])]) {
      const grown = s.heapUsed + s.arrayBuffers - baseline.heapUsed - baseline.arrayBuffers
      rows.push([s.frames.toLocaleString('en-US'), mib((size * s.frames) / frames), mib(s.heapUsed), mib(s.arrayBuffers), mib(s.rss), s.frames ? (grown / s.frames).toFixed(1) : '–'])
    }
    for (const line of table(rows)) say('  ' + line)
    const peakRss = Math.max(...samples.map((s) => s.rss))
    const perFrame = (last.heapUsed + last.arrayBuffers - baseline.heapUsed - baseline.arrayBuffers) / frames
    say(`  ${frames.toLocaleString('en-US')} frames from ${mib(size)} MiB in ${(ms / 1000).toFixed(1)} s (${Math.round(frames / (ms / 1000)).toLocaleString('en-US')} frames/s)`)
    say(`  peak RSS sampled ${mib(peakRss)} MiB (${inWorker ? 'the whole process: this bench and the worker thread' : 'this process'}); process peak (VmHWM) ${processMemory(process.pid)?.peakRssMiB.toFixed(0) ?? '–'} MiB`)
    say(`  the packet index and TCP state: ${perFrame.toFixed(1)} bytes per frame (${mib(perFrame * frames)} MiB) for a file of ${(size / frames).toFixed(0)} bytes per frame: ${((perFrame / (size / frames)) * 100).toFixed(1)} % of the file`)
  } finally {
    if (!keep) rmSync(file, { force: true })
    else say(`  kept: ${file}`)
  }
}

export async function benchHugeCapture(options: { gib: number; keep: boolean }, say: Say): Promise<void> {
  say('huge captures: memory stays bounded')
  await benchClaimedLengths(say)
  await benchHugeFile(options.gib, options.keep, say)
}

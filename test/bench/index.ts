// npm run bench: speed of reading and decoding a large capture that the project generates
// itself, and, where they are installed, the ratio to capinfos and tshark on the same file.
//   npm run bench [-- --connections N --per-connection M --runs R]
// Results are medians over R runs (default 3). These machines are shared and noisy: read the
// ratios, not the absolute numbers.
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openCapture } from '../../main/capture/open'
import { DecodePass } from '../../main/decode/pass'
import { generateBenchCapture } from './generate'
import { commandExists, median, runCommand, timeRuns } from './measure'

const GENERATOR_VERSION = 1

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}

async function main(): Promise<void> {
  const connections = option('connections', 20_000)
  const perConnection = option('per-connection', 100)
  const runs = option('runs', 3)
  const dir = join(tmpdir(), 'tcplens-bench')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `bench-v${GENERATOR_VERSION}-${connections}x${perConnection}.pcap`)
  if (!existsSync(file)) {
    process.stdout.write(`generating ${file} …\n`)
    const start = Date.now()
    await generateBenchCapture(file + '.part', { connections, packetsPerConnection: perConnection, segmentSize: 200 })
    renameSync(file + '.part', file)
    process.stdout.write(`  done in ${((Date.now() - start) / 1000).toFixed(1)} s\n`)
  }
  const size = statSync(file).size

  let frames = 0
  const readSeconds = await timeRuns(runs, async () => {
    frames = 0
    const reader = await openCapture(file)
    for await (const batch of reader.batches()) frames += batch.length
    await reader.close()
  })
  const decodeSeconds = await timeRuns(runs, async () => {
    const reader = await openCapture(file)
    const pass = new DecodePass(reader.info)
    for await (const batch of reader.batches()) for (const raw of batch) pass.decode(raw)
    await reader.close()
  })

  const rows: Array<[string, number, number | undefined]> = []
  const line = (label: string, seconds: number, peak?: number) => rows.push([label, seconds, peak])
  line('read (in process)', readSeconds)
  line('read + full decode (in process)', decodeSeconds)

  const cli = resolve(__dirname, '../../out/main/cli.js')
  const commands: Array<[string, string[]]> = []
  if (existsSync(cli)) commands.push(['tcplens fields -e frame.number', [process.execPath, cli, 'fields', file, '-e', 'frame.number']])
  else process.stdout.write('out/main/cli.js is missing: run `npm run build` to time the CLI\n')
  if (commandExists('capinfos')) commands.push(['capinfos', ['capinfos', file]])
  if (commandExists('tshark')) commands.push(['tshark -T fields -e frame.number', ['tshark', '-n', '-r', file, '-T', 'fields', '-e', 'frame.number']])
  const medians = new Map<string, number>()
  for (const [label, argv] of commands) {
    const samples = Array.from({ length: runs }, () => runCommand(argv))
    const seconds = median(samples.map((s) => s.seconds))
    const peaks = samples.map((s) => s.peakMiB).filter((p): p is number => p !== undefined)
    medians.set(label, seconds)
    line(label, seconds, peaks.length ? median(peaks) : undefined)
  }

  process.stdout.write(`\nTCP Lens benchmark — ${frames.toLocaleString('en')} frames, ${(size / 2 ** 20).toFixed(0)} MiB, median of ${runs} runs\n\n`)
  process.stdout.write('step                               seconds   frames/s      peak MiB\n')
  for (const [label, seconds, peak] of rows) {
    process.stdout.write(`${label.padEnd(34)} ${seconds.toFixed(2).padStart(7)}  ${Math.round(frames / seconds).toLocaleString('en').padStart(10)}   ${peak === undefined ? '' : peak.toFixed(0).padStart(8)}\n`)
  }
  const ours = medians.get('tcplens fields -e frame.number')
  if (ours !== undefined) {
    process.stdout.write('\n')
    for (const other of ['capinfos', 'tshark -T fields -e frame.number']) {
      const theirs = medians.get(other)
      if (theirs !== undefined) process.stdout.write(`tcplens fields / ${other}: ${(ours / theirs).toFixed(2)}× the time\n`)
    }
  }
  if (!commandExists('tshark')) process.stdout.write('\n(tshark is not installed: no ratio to it; apt-get install -y tshark)\n')
}

void main()

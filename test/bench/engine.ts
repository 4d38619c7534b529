// The engine and command part of `npm run bench`: reading, indexing and decoding the capture in
// process, and whole commands (`tcplens conv` against `tshark -z conv,tcp`, capinfos, and with
// --with-fields the full decode of every frame by each) with their peak memory.
import { existsSync, statSync } from 'node:fs'
import { openCapture } from '../../main/capture/open'
import { DecodePass } from '../../main/decode/pass'
import { indexCapture } from '../../main/session/index-pass'
import { commandExists, median, runCommand, timeRuns } from './measure'

/** The goal of `tcplens conv` against `tshark -n -q -z conv,tcp` on the bench capture. */
const GOAL = { time: 0.2, memory: 0.25 }

interface Row {
  label: string
  seconds: number
  peakMiB?: number
}

export interface EngineBenchOptions {
  cli: string
  file: string
  runs: number
  withFields: boolean
}

export async function benchEngine({ cli, file, runs, withFields }: EngineBenchOptions): Promise<void> {
  const size = statSync(file).size
  const rows: Row[] = []

  // In process (through tsx, so somewhat slower than the built CLI).
  let frames = 0
  rows.push({
    label: 'read (in process)',
    seconds: await timeRuns(runs, async () => {
      frames = 0
      const reader = await openCapture(file)
      for await (const batch of reader.batches()) frames += batch.length
      await reader.close()
    }),
  })
  let streams = 0
  rows.push({
    label: 'fast pass: index + TCP (in process)',
    seconds: await timeRuns(runs, async () => {
      const reader = await openCapture(file)
      const { tracker } = await indexCapture(reader)
      streams = tracker.conversations.length
      await reader.close()
    }),
  })
  rows.push({
    label: 'read + full decode (in process)',
    seconds: await timeRuns(runs, async () => {
      const reader = await openCapture(file)
      const pass = new DecodePass(reader.info)
      for await (const batch of reader.batches()) for (const raw of batch) pass.decode(raw)
      await reader.close()
    }),
  })

  // Whole commands, each with its peak memory.
  const commands: Array<[string, string[]]> = []
  if (existsSync(cli)) commands.push(['tcplens conv', [process.execPath, cli, 'conv', file]])
  else process.stdout.write('out/main/cli.js is missing: run `npm run build` to time the CLI\n')
  const tshark = commandExists('tshark')
  if (tshark) commands.push(['tshark -z conv,tcp', ['tshark', '-n', '-q', '-z', 'conv,tcp', '-r', file]])
  if (commandExists('capinfos')) commands.push(['capinfos', ['capinfos', file]])
  if (withFields && existsSync(cli)) commands.push(['tcplens fields -e frame.number', [process.execPath, cli, 'fields', file, '-e', 'frame.number']])
  if (withFields && tshark) commands.push(['tshark -T fields -e frame.number', ['tshark', '-n', '-r', file, '-T', 'fields', '-e', 'frame.number']])
  const measured = new Map<string, Row>()
  for (const [label, argv] of commands) {
    const samples = Array.from({ length: runs }, () => runCommand(argv))
    const peaks = samples.map((s) => s.peakMiB).filter((p): p is number => p !== undefined)
    const row = { label, seconds: median(samples.map((s) => s.seconds)), peakMiB: peaks.length ? median(peaks) : undefined }
    measured.set(label, row)
    rows.push(row)
  }

  const out = process.stdout
  out.write(`\nTCP Lens benchmark — ${frames.toLocaleString('en')} frames, ${streams.toLocaleString('en')} TCP streams, ${(size / 2 ** 20).toFixed(0)} MiB, median of ${runs} runs\n\n`)
  out.write('step                                   seconds     frames/s   peak MiB\n')
  for (const { label, seconds, peakMiB } of rows) {
    const rate = Math.round(frames / seconds).toLocaleString('en')
    out.write(`${label.padEnd(36)} ${seconds.toFixed(2).padStart(9)} ${rate.padStart(12)}   ${peakMiB === undefined ? '' : peakMiB.toFixed(0).padStart(8)}\n`)
  }

  const ours = measured.get('tcplens conv')
  const theirs = measured.get('tshark -z conv,tcp')
  out.write('\n')
  if (ours && theirs) {
    const time = ours.seconds / theirs.seconds
    out.write(`tcplens conv / tshark -z conv,tcp: ${time.toFixed(3)}× the time (goal ≤ ${GOAL.time}×: ${time <= GOAL.time ? 'met' : 'NOT met'})`)
    if (ours.peakMiB !== undefined && theirs.peakMiB !== undefined) {
      const memory = ours.peakMiB / theirs.peakMiB
      out.write(`, ${memory.toFixed(3)}× the peak memory (goal ≤ ${GOAL.memory}×: ${memory <= GOAL.memory ? 'met' : 'NOT met'})`)
    }
    out.write('\n')
  }
  const fields = measured.get('tcplens fields -e frame.number')
  const tsharkFields = measured.get('tshark -T fields -e frame.number')
  if (fields && tsharkFields) out.write(`tcplens fields / tshark -T fields: ${(fields.seconds / tsharkFields.seconds).toFixed(2)}× the time\n`)
  if (!tshark) out.write('(tshark is not installed: no ratio to it; apt-get install -y tshark)\n')
}

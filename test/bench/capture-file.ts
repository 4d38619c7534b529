// The benchmark's capture file, kept in the temporary folder between runs and made only when it
// is not there yet (its name carries the generator's version and its shape).
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateBenchCapture, type BenchCaptureOptions } from './generate'

const GENERATOR_VERSION = 1

export async function benchCaptureFile(o: BenchCaptureOptions, say: (line: string) => void): Promise<string> {
  const dir = join(tmpdir(), 'tcplens-bench')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `bench-v${GENERATOR_VERSION}-${o.connections}x${o.packetsPerConnection}.pcap`)
  if (!existsSync(file)) {
    say(`generating ${file} …`)
    const start = Date.now()
    await generateBenchCapture(file + '.part', o)
    renameSync(file + '.part', file)
    say(`  done in ${((Date.now() - start) / 1000).toFixed(1)} s`)
  }
  return file
}

// Test helpers: capture files on disk for the session (fixtures written to a temporary folder,
// and a larger generated capture that takes several batches to read).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateBenchCapture } from '../../../bench/generate'
import { fixture } from '../../../fixtures/catalog'

export class CaptureFiles {
  readonly dir = mkdtempSync(join(tmpdir(), 'tcplens-session-test-'))

  /** A catalogue fixture written to the folder; its path. */
  fixture(name: string): string {
    const f = fixture(name)
    const path = join(this.dir, f.file)
    writeFileSync(path, f.bytes())
    return path
  }

  bytes(name: string, bytes: Uint8Array): string {
    const path = join(this.dir, name)
    writeFileSync(path, bytes)
    return path
  }

  /** `connections` generated connections of 100 frames each (about 16 kB a connection). */
  async large(connections: number): Promise<string> {
    const path = join(this.dir, `large-${connections}.pcap`)
    await generateBenchCapture(path, { connections, packetsPerConnection: 100, segmentSize: 200 })
    return path
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

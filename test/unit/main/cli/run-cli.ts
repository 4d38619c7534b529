// Runs the tcplens command in-process and captures what it prints.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll } from 'vitest'
import { runCli } from '../../../../main/cli/run'
import { fixture } from '../../../fixtures/catalog'

const dir = mkdtempSync(join(tmpdir(), 'tcplens-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Writes a catalogue fixture to a file, as a user would have it, and returns its path. */
export function fixtureFile(name: string): string {
  const f = fixture(name)
  const path = join(dir, f.file)
  writeFileSync(path, f.bytes())
  return path
}

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

class Collect extends Writable {
  text = ''
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

export async function tcplens(...args: string[]): Promise<CliResult> {
  const stdout = new Collect()
  const stderr = new Collect()
  const code = await runCli(args, { stdout, stderr })
  return { code, stdout: stdout.text, stderr: stderr.text }
}

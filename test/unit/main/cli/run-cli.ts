// Runs the tcplens command in-process and captures what it prints.
import { Writable } from 'node:stream'
import { runCli } from '../../../../main/cli/run'

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

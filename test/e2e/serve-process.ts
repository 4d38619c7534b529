// Starts the built `tcplens serve [FILE] --no-open --port 0` as a child process, for the E2E tests
// and the browser benchmark: with preferences of its own (a test that switches to Chinese must
// not leave the next one, or the user's own ~/.config/tcplens, in Chinese), in English, and with
// CI set so that no browser is opened. Gives its address, its pid (for its memory) and when it
// was started.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const URL_PATTERN = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/
const URL_TIMEOUT_MS = 30_000

export interface ServeProcess {
  url: string
  pid: number
  /** Date.now() just before the process was spawned. */
  startedAt: number
  stop(): Promise<void>
}

export async function startServeProcess(cli: string, file?: string): Promise<ServeProcess> {
  const config = mkdtempSync(join(tmpdir(), 'tcplens-serve-config-'))
  const env = { ...process.env, CI: 'true', XDG_CONFIG_HOME: config, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' }
  const startedAt = Date.now()
  const child = spawn(process.execPath, [cli, 'serve', ...(file === undefined ? [] : [file]), '--no-open', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env })
  const stop = async (): Promise<void> => {
    await new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done()
      child.once('exit', () => done())
      child.kill('SIGTERM')
    })
    rmSync(config, { recursive: true, force: true })
  }
  let output = ''
  try {
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`tcplens serve printed no URL in ${URL_TIMEOUT_MS / 1000} s:\n${output}`)), URL_TIMEOUT_MS)
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        const match = URL_PATTERN.exec(output)
        if (match) {
          clearTimeout(timer)
          resolveUrl(match[1]!)
        }
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`tcplens serve exited with ${code}:\n${output}`))
      })
    })
    return { url, pid: child.pid!, startedAt, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

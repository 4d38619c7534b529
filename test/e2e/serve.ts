// Starts `tcplens serve FILE --no-open --port 0` (the built CLI) for one test and gives its URL.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, type Page } from '@playwright/test'

const CLI = resolve(__dirname, '../../out/main/cli.js')

export interface Served {
  url: string
  stop(): Promise<void>
}

export async function serve(file?: string): Promise<Served> {
  const args = [CLI, 'serve', ...(file ? [file] : []), '--no-open', '--port', '0']
  // Preferences of their own: a test that switches to Chinese must not leave the next one (or
  // the user's own ~/.config/tcplens) in Chinese.
  const config = mkdtempSync(join(tmpdir(), 'tcplens-e2e-config-'))
  const env = { ...process.env, CI: 'true', XDG_CONFIG_HOME: config, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' }
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env })
  let output = ''
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`tcplens serve printed no URL in 15 s:\n${output}`)), 15_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolvePromise(match[1]!)
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`tcplens serve exited with ${code}:\n${output}`))
    })
  })
  return {
    url,
    stop: async () => {
      await new Promise<void>((done) => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
      })
      rmSync(config, { recursive: true, force: true })
    },
  }
}

/** A test with `open(file)`: serves the file and loads the page. */
export const test = base.extend<{ open: (file?: string) => Promise<Page> }>({
  open: async ({ page }, use) => {
    const servers: Served[] = []
    await use(async (file?: string) => {
      const served = await serve(file)
      servers.push(served)
      await page.goto(served.url)
      return page
    })
    for (const s of servers) await s.stop()
  },
})

export { expect } from '@playwright/test'

/** Keeps a screenshot as a test artifact, under test-results/screenshots/NAME.png. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(__dirname, `../../test-results/screenshots/${name}.png`), fullPage: false })
}

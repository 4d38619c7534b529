// Starts `tcplens serve FILE --no-open --port 0` (the built CLI) for one test and loads its page.
import { resolve } from 'node:path'
import { test as base, type Page } from '@playwright/test'
import { startServeProcess, type ServeProcess } from './serve-process'

const CLI = resolve(__dirname, '../../out/main/cli.js')

export type Served = ServeProcess

/** Serves `file` (the bundled sample when none) with the built CLI. */
export function serve(file?: string): Promise<Served> {
  return startServeProcess(CLI, file)
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

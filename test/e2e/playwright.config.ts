import { defineConfig } from '@playwright/test'

// End to end: the built renderer in Debian's Chromium, served by `tcplens serve` (browser mode),
// which is the same UI and the same contract as the Electron window. No Electron binary exists
// on CI machines, and no Playwright-downloaded browser: /usr/bin/chromium (apt) is used.
// Run with `npm run test:e2e` after `npm run build`.
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.e2e\.ts$/,
  outputDir: '../../test-results/e2e',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'off',
  },
})

// Live capture in the real browser mode, as a student in a lab uses it: the Capture dialog with
// the interfaces and a capture filter libpcap checks, a capture on the loopback interface of
// traffic this test makes on 127.0.0.1 (packets and counters appearing while it runs, then Stop,
// the diagram, and Save), a demo connection opened on its diagram, Connect to host:port, and the
// question asked before unsaved packets would be lost. The server (`tcplens serve`) captures with
// `cap`: these tests are skipped, loudly, only where this machine may not capture on loopback.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { connect } from 'node:net'
import { join } from 'node:path'
import { echoServer, talkTo, type EchoServer } from '../fixtures/loopback-traffic'
import { liveSupport } from './live-support'
import { scenarioBytes } from '../fixtures/tcp-scenarios'
import { expect, keepScreenshot, test } from './serve'

test.use({ viewport: { width: 1280, height: 720 } })

test.describe('live capture in browser mode', () => {
  let LOOPBACK = 'lo'
  test.beforeAll(() => {
    const support = liveSupport()
    if (!support.ok) console.warn(`[live capture] e2e: SKIPPED: ${support.why}`)
    test.skip(!support.ok, `SKIPPED: ${support.ok ? '' : support.why}`)
    if (support.ok) LOOPBACK = support.loopback
  })

  let folder: string
  let server: EchoServer
  test.beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'tcplens-e2e-live-'))
    // The page starts on a capture in this folder, so browser mode's Save dialog opens here.
    writeFileSync(join(folder, 'start.pcap'), scenarioBytes('tcp-scenario-four-way-close'))
    server = await echoServer()
  })
  test.afterEach(async () => {
    await server.close()
    rmSync(folder, { recursive: true, force: true })
  })

  test('should capture a connection on loopback live, stop, draw it and save it', async ({ open }) => {
    const page = await open(join(folder, 'start.pcap'))
    await expect(page.getByTestId('packet-row').first()).toBeVisible()

    await page.getByTestId('toolbar-capture-start').click()
    const dialog = page.getByTestId('capture-dialog')
    await expect(dialog).toBeVisible()
    await expect(dialog.locator(`[data-testid="capture-interface"][data-name="${LOOPBACK}"]`)).toHaveAttribute('data-loopback', 'true')
    await expect(dialog.getByTestId('capture-timestamps-note')).toContainText('0.1 ms')
    await dialog.locator(`[data-testid="capture-interface"][data-name="${LOOPBACK}"]`).click()

    // libpcap checks the filter before anything starts, and its own words are shown.
    const filter = dialog.getByTestId('capture-filter-input')
    await filter.fill('tcp prot 80')
    await expect(dialog.getByTestId('capture-filter-message')).toHaveAttribute('data-state', 'invalid')
    await expect(dialog.getByTestId('capture-filter-message')).toContainText('syntax error')
    await keepScreenshot(page, 'live-1-dialog-invalid-filter')
    await filter.fill(`tcp port ${server.port}`)
    await expect(dialog.getByTestId('capture-filter-message')).toHaveAttribute('data-state', 'valid')
    await dialog.getByTestId('capture-start').click()

    await expect(page.getByTestId('status-live-interface')).toContainText(LOOPBACK)
    await talkTo(server.port, 'GET /lab HTTP/1.1\r\n\r\n')
    // Handshake, the request, its echo, their ACKs and the close: the rows appear while capturing.
    await expect.poll(() => page.getByTestId('packet-row').count()).toBeGreaterThanOrEqual(8)
    await expect(page.getByTestId('status-live-packets')).not.toHaveText(/^0\b/)
    await keepScreenshot(page, 'live-2-capturing')

    await page.getByTestId('toolbar-capture-stop').click()
    await expect(page.getByTestId('status-live-stopped')).toBeVisible()
    await expect(page.getByTestId('status-unsaved')).toBeVisible()

    await page.getByTestId('view-tab-diagram').click()
    await expect(page.getByTestId('teach-view')).toBeVisible()
    await expect(page.getByTestId('diagram-arrow').first()).toContainText('SYN')
    await expect(page.locator('[data-testid="diagram-state-box"][data-role="client"][data-state="SYN-SENT"]')).toBeVisible()
    await keepScreenshot(page, 'live-3-diagram-of-own-capture')

    await page.getByTestId('toolbar-save').click()
    const save = page.getByTestId('save-dialog')
    await expect(save.getByTestId('save-dialog-path')).toHaveText(folder)
    await save.getByTestId('save-dialog-name').fill('my-handshake.pcap')
    await save.getByTestId('save-dialog-save').click()
    await expect(page.getByTestId('status-unsaved')).toHaveCount(0)
    const saved = join(folder, 'my-handshake.pcap')
    expect(existsSync(saved)).toBe(true)
    // pcap's magic number, little-endian microseconds: the format follows the extension.
    expect(readFileSync(saved).subarray(0, 4).toString('hex')).toBe('d4c3b2a1')
  })

  test('should draw a connection in the diagram while it happens, step by step', async ({ open }) => {
    const page = await open(join(folder, 'start.pcap'))
    await expect(page.getByTestId('packet-row').first()).toBeVisible()
    await page.getByTestId('toolbar-capture-start').click()
    const dialog = page.getByTestId('capture-dialog')
    await dialog.locator(`[data-testid="capture-interface"][data-name="${LOOPBACK}"]`).click()
    await dialog.getByTestId('capture-filter-input').fill(`tcp port ${server.port}`)
    await expect(dialog.getByTestId('capture-filter-message')).toHaveAttribute('data-state', 'valid')
    await dialog.getByTestId('capture-start').click()
    await expect(page.getByTestId('status-live-interface')).toContainText(LOOPBACK)

    // Only the handshake so far: the connection stays open.
    const socket = connect(server.port, '127.0.0.1')
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
    await expect.poll(() => page.getByTestId('packet-row').count()).toBe(3)
    await page.getByTestId('view-tab-diagram').click()
    await expect(page.getByTestId('diagram-arrow')).toHaveCount(3)
    await expect(page.locator('[data-testid="diagram-state-box"][data-role="server"][data-state="ESTABLISHED"]')).toBeVisible()
    await keepScreenshot(page, 'live-8-diagram-while-capturing')

    // Then data and the close: the open diagram grows by itself, still capturing.
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
    socket.on('data', () => socket.end())
    socket.write('one more line\n')
    await closed
    await expect.poll(() => page.getByTestId('diagram-arrow').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(8)
    await expect(page.locator('[data-testid="diagram-state-box"][data-role="client"][data-state="FIN-WAIT-1"]')).toBeVisible()
    await expect(page.getByTestId('status-live-interface')).toBeVisible()
    await keepScreenshot(page, 'live-9-diagram-grown-while-capturing')
    await page.getByTestId('toolbar-capture-stop').click()
    await expect(page.getByTestId('status-live-stopped')).toBeVisible()
  })

  test('should play a demo half-close and open its diagram, then ask before the packets are lost', async ({ open }) => {
    const page = await open(join(folder, 'start.pcap'))
    await expect(page.getByTestId('packet-row').first()).toBeVisible()
    await page.getByTestId('toolbar-demo').click()
    const dialog = page.getByTestId('demo-dialog')
    await dialog.getByTestId('demo-scenario-half-close').click()
    await dialog.getByTestId('demo-run').click()
    await expect(page.getByTestId('teach-view')).toBeVisible({ timeout: 30_000 })
    // The client's FIN comes before the server's answer: the server still sends after it.
    await expect(page.getByTestId('diagram-arrow').filter({ hasText: 'FIN' })).toHaveCount(2)
    await expect(page.locator('[data-testid="diagram-state-box"][data-role="server"][data-state="CLOSE-WAIT"]')).toBeVisible()
    await page.getByTestId('teach-spacing').getByText('Compact').click()
    await keepScreenshot(page, 'live-4-demo-half-close')

    await page.getByTestId('language-switch').selectOption('zh-CN')
    await expect(page.getByTestId('status-unsaved')).toBeVisible()
    await keepScreenshot(page, 'live-5-demo-half-close-zh')
    await page.getByTestId('language-switch').selectOption('en')

    // Opening another file now would lose the demo's packets: asked first; Cancel keeps them.
    await page.getByTestId('toolbar-demo').click()
    await page.getByTestId('demo-dialog').getByTestId('demo-scenario-refused').click()
    await page.getByTestId('demo-dialog').getByTestId('demo-run').click()
    const unsaved = page.getByTestId('unsaved-dialog')
    await expect(unsaved).toBeVisible()
    await keepScreenshot(page, 'live-6-unsaved-question')
    await unsaved.getByTestId('unsaved-discard').click()
    await expect(page.getByTestId('diagram-arrow')).toHaveCount(2, { timeout: 30_000 })
    await expect(page.getByTestId('diagram-arrow').nth(1)).toContainText('RST')
  })

  test('should capture a connection to host:port and show it', async ({ open }) => {
    const page = await open(join(folder, 'start.pcap'))
    await expect(page.getByTestId('packet-row').first()).toBeVisible()
    await page.getByTestId('toolbar-connect').click()
    const dialog = page.getByTestId('connect-dialog')
    await dialog.getByTestId('connect-host').fill('127.0.0.1')
    await dialog.getByTestId('connect-port').fill(String(server.port))
    await dialog.getByTestId('connect-run').click()
    await expect(page.getByTestId('teach-view')).toBeVisible({ timeout: 30_000 })
    await expect(page.locator('[data-testid="diagram-state-box"][data-role="client"][data-state="ESTABLISHED"]')).toBeVisible()
    await keepScreenshot(page, 'live-7-connect-to')
  })
})

// What a student does first: open a capture, look at the handshake, read the bytes, see the
// connections, switch to Chinese, and meet a damaged file. Each test keeps a screenshot.
import { CAPTURES } from './captures'
import { expect, keepScreenshot, test } from './serve'

const row = (frame: number) => `[data-testid="packet-row"][data-frame="${frame}"]`

test.describe('the analyzer in browser mode', () => {
  test('should open a capture and show its rows', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await expect(page.locator(row(1))).toBeVisible()
    await expect(page.locator(row(1))).toContainText('[SYN]')
    await expect(page.locator(row(2))).toContainText('[SYN, ACK]')
    await expect(page.locator(row(1))).toContainText('TCP')
    await expect(page.getByTestId('status-bar')).toContainText('handshake.pcap')
    await keepScreenshot(page, '1-rows')
  })

  test('should select the SYN and show its fields with their bytes highlighted', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await page.locator(row(1)).click()
    const syn = page.locator('[data-testid="tree-node"][data-field="tcp.flags.syn"]')
    // The TCP layer may start collapsed: expand what leads to the flags.
    if (!(await syn.isVisible())) {
      await page.locator('[data-testid="tree-node"][data-field="tcp"]').first().click()
      await page.keyboard.press('ArrowRight')
      const flags = page.locator('[data-testid="tree-node"][data-field="tcp.flags"]').first()
      await flags.click()
      await page.keyboard.press('ArrowRight')
    }
    await expect(syn).toBeVisible()
    await syn.click()
    // tcp.flags is two bytes at 46–47 in an Ethernet + IPv4 (20) + TCP frame: 14 + 20 + 12.
    await expect(page.locator('[data-testid="hex-byte"][data-offset="47"]')).toHaveClass(/selected|highlight/)
    await expect(page.getByTestId('status-bar')).toContainText('tcp.flags.syn')
    await keepScreenshot(page, '2-syn-fields')
  })

  test('should select the field of a clicked hex byte', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await page.locator(row(1)).click()
    // Bytes 38–41 of the frame are the TCP sequence number (14 + 20 + 4).
    await page.locator('[data-testid="hex-byte"][data-offset="39"]').click()
    const selected = page.locator('[data-testid="tree-node"][aria-selected="true"]')
    await expect(selected).toHaveAttribute('data-field', /^tcp\.seq/)
    await expect(page.getByTestId('status-bar')).toContainText('tcp.seq')
    await keepScreenshot(page, '3-hex-to-field')
  })

  test('should open Conversations and filter the list to a stream', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await expect(page.locator(row(1))).toBeVisible()
    await page.getByTestId('open-conversations').click()
    const table = page.getByTestId('conversations-table')
    await expect(table).toBeVisible()
    await expect(table).toContainText('TIME-WAIT')
    await keepScreenshot(page, '4-conversations')
  })

  test('should switch the whole UI to Chinese', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await expect(page.locator(row(1))).toBeVisible()
    await page.getByTestId('language-switch').selectOption('zh-CN')
    await expect(page.getByTestId('status-bar')).toContainText('分组')
    await page.getByTestId('open-conversations').click()
    await expect(page.getByTestId('conversations-table')).toContainText('四次挥手')
    await keepScreenshot(page, '5-chinese')
  })

  test('should show the frames read and the reason for a damaged file', async ({ open }) => {
    const page = await open(CAPTURES.damaged)
    const banner = page.getByTestId('damaged-banner')
    await expect(banner).toBeVisible()
    await expect(banner).toContainText(/frame|damaged|cut|truncated/i)
    await expect(page.locator(row(1))).toBeVisible()
    await keepScreenshot(page, '6-damaged')
  })

  test('should say that a file which is not a capture cannot be read', async ({ open }) => {
    const page = await open(CAPTURES.notCapture)
    await expect(page.getByTestId('open-error')).toContainText(/not a capture|unsupported|pcap/i)
    await keepScreenshot(page, '7-not-a-capture')
  })
})

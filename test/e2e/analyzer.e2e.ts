// What a student does first: open a capture, look at the handshake, read the bytes, see the
// connections, switch to Chinese, and meet a damaged file. Each test keeps a screenshot.
import { CAPTURES } from './captures'
import { expect, keepScreenshot, test } from './serve'

const row = (frame: number) => `[data-testid="packet-row"][data-frame="${frame}"]`
const node = (field: string) => `[data-testid="tree-node"][data-field="${field}"]`

test.describe('the analyzer in browser mode', () => {
  test('should open a capture and show its rows', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await expect(page.locator(row(1))).toContainText('40000 → 80 [SYN] Seq=0 Win=64240 Len=0 MSS=1460')
    await expect(page.locator(row(2))).toContainText('[SYN, ACK] Seq=0 Ack=1')
    await expect(page.locator(row(11))).toContainText('[ACK] Seq=102 Ack=1002')
    await expect(page.getByTestId('packet-row')).toHaveCount(11)
    await expect(page.locator(row(1))).toContainText('TCP')
    await expect(page.getByTestId('status-file')).toHaveText('handshake.pcap')
    await expect(page.getByTestId('status-packets')).toContainText('11')
    await keepScreenshot(page, '1-rows')
  })

  test('should select the SYN and show its fields with their bytes highlighted', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await page.locator(row(1)).click()
    await page.getByTestId('tree-expand-all').click()
    const syn = page.locator(node('tcp.flags.syn'))
    await expect(syn).toContainText('Syn: Set')
    await syn.click()
    await expect(syn).toHaveAttribute('aria-selected', 'true')
    // tcp.flags covers bytes 46–47 of an Ethernet (14) + IPv4 (20) + TCP frame: 14 + 20 + 12.
    for (const offset of [46, 47]) await expect(page.locator(`[data-testid="hex-byte"][data-offset="${offset}"]`)).toHaveClass(/highlighted/)
    await expect(page.locator('[data-testid="hex-byte"][data-offset="45"]')).not.toHaveClass(/highlighted/)
    await expect(page.getByTestId('status-field')).toContainText('tcp.flags.syn (bytes 46–47)')
    // Relative and raw sequence numbers side by side, as Wireshark shows them.
    await expect(page.locator(node('tcp.seq'))).toContainText('Sequence Number: 0')
    await expect(page.locator(node('tcp.seq_raw'))).toContainText('Sequence Number (raw)')
    await keepScreenshot(page, '2-syn-fields')
  })

  test('should select the field of a clicked hex byte', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await page.locator(row(1)).click()
    // Bytes 38–41 of the frame are the TCP sequence number (14 + 20 + 4).
    await page.locator('[data-testid="hex-byte"][data-offset="39"]').click()
    const selected = page.locator('[data-testid="tree-node"][aria-selected="true"]')
    await expect(selected).toHaveAttribute('data-field', /^tcp\.seq/)
    await expect(page.getByTestId('status-field')).toContainText('(bytes 38–41)')
    for (const offset of [38, 39, 40, 41]) await expect(page.locator(`[data-testid="hex-byte"][data-offset="${offset}"]`)).toHaveClass(/highlighted/)
    await keepScreenshot(page, '3-hex-to-field')
  })

  test('should open Conversations and filter the list to one connection', async ({ open }) => {
    // With no file, `tcplens serve` opens the bundled sample: four connections.
    const page = await open()
    await expect(page.locator(row(1))).toBeVisible()
    await page.getByTestId('toolbar-conversations').click()
    const table = page.getByTestId('conversations-table')
    await expect(table.getByTestId('conversation-row')).toHaveCount(4)
    await expect(table.locator('[data-stream="0"]')).toContainText('TIME-WAIT')
    // Every column can be read, and each row's Steps button is on screen.
    await expect(table.locator('[data-stream="0"] [data-testid="conversation-completeness"]')).toContainText('·FDASS')
    for (const steps of await table.getByTestId('conversation-steps').all()) await expect(steps).toBeInViewport()
    await keepScreenshot(page, '4-conversations')
    await table.locator('[data-stream="2"]').click()
    await page.keyboard.press('Escape')
    // Stream 2 is the refused connection: a SYN answered by RST-ACK.
    await expect(page.getByTestId('packet-row')).toHaveCount(2)
    await expect(page.getByTestId('packet-row').first()).toContainText('[SYN]')
    await expect(page.getByTestId('packet-row').last()).toContainText('[RST, ACK]')
    await expect(page.getByTestId('status-displayed')).toHaveText('Displayed: 2 (6.5%)')
    await keepScreenshot(page, '4b-one-stream')
  })

  test('should switch the whole UI to Chinese', async ({ open }) => {
    const page = await open()
    await expect(page.locator(row(1))).toBeVisible()
    await page.getByTestId('language-switch').selectOption('zh-CN')
    await expect(page.getByTestId('toolbar-open')).toHaveText('打开')
    await expect(page.getByTestId('status-packets')).toContainText('分组')
    await page.getByTestId('toolbar-conversations').click()
    await expect(page.getByTestId('conversations-table')).toContainText('四次挥手')
    await expect(page.getByTestId('conversation-steps').first()).toBeInViewport()
    await keepScreenshot(page, '5-chinese')
  })

  test('should show the frames read and the reason for a damaged file', async ({ open }) => {
    const page = await open(CAPTURES.damaged)
    const banner = page.getByTestId('damaged-banner')
    await expect(banner).toContainText('10')
    await expect(banner).toContainText('frame 11')
    await expect(page.getByTestId('packet-row')).toHaveCount(10)
    // In Chinese the back end's English detail stays, labelled, on a line of its own.
    await page.getByTestId('language-switch').selectOption('zh-CN')
    await expect(banner).toContainText('显示了损坏之前的 10 个帧。')
    await expect(page.getByTestId('damaged-details')).toContainText('详细信息：')
    await expect(page.getByTestId('damaged-details')).toContainText('frame 11')
    await keepScreenshot(page, '6-damaged')
  })

  test('should say that a file which is not a capture cannot be read', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await expect(page.locator(row(1))).toBeVisible()
    await page.getByTestId('toolbar-open').click()
    await page.getByTestId('file-entry').filter({ hasText: 'notes.txt' }).dblclick()
    await expect(page.getByTestId('start-failure')).toContainText(/not a pcap or pcapng file/)
    // Said once, where it happened, not again in a message above.
    await expect(page.getByTestId('message')).toHaveCount(0)
    await keepScreenshot(page, '7-not-a-capture')
  })
})

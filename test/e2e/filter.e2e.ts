// Display filters in the real browser mode, against the real back end: a filter typed in the bar
// turns it green and shows only what it selects (the status bar counts them), a wrong one turns
// it red with the mistake underlined and explained (in Chinese too), field names are suggested,
// the details tree, the saved buttons and Conversations write their filter in the bar. Each test keeps screenshots.
import { CAPTURES } from './captures'
import { expect, keepScreenshot, test } from './serve'

const row = (frame: number) => `[data-testid="packet-row"][data-frame="${frame}"]`
const node = (field: string) => `[data-testid="tree-node"][data-field="${field}"]`

test.describe('display filters in browser mode', () => {
  test('should show only what a valid filter selects, and count it', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await expect(page.getByTestId('packet-row')).toHaveCount(11)
    const input = page.getByTestId('filter-input')
    await page.keyboard.press('Control+/')
    await expect(input).toBeFocused()
    await input.fill('tcp.flags.syn == 1')
    await expect(page.getByTestId('filter-field')).toHaveAttribute('data-validity', 'valid')
    await input.press('Enter')
    // The SYN and the SYN-ACK.
    await expect(page.getByTestId('packet-row')).toHaveCount(2)
    await expect(page.locator(row(1))).toContainText('[SYN]')
    await expect(page.locator(row(2))).toContainText('[SYN, ACK]')
    await expect(page.getByTestId('status-displayed')).toHaveText('Displayed: 2 (18.2%)')
    await keepScreenshot(page, 'filter-1-valid')

    await page.getByTestId('filter-clear').click()
    await expect(page.getByTestId('packet-row')).toHaveCount(11)
    await expect(page.getByTestId('status-displayed')).toHaveText('Displayed: 11 (100.0%)')
  })

  test('should turn red on an invalid filter, underline the mistake and say what it is', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await expect(page.getByTestId('packet-row')).toHaveCount(11)
    const input = page.getByTestId('filter-input')
    await input.fill('tcp.port == 80 && tcp.nonexistent == 1')
    await expect(page.getByTestId('filter-field')).toHaveAttribute('data-validity', 'invalid')
    await expect(page.getByTestId('filter-error-span')).toHaveText('tcp.nonexistent')
    await expect(page.getByTestId('filter-error')).toContainText('At character 19:')
    await expect(page.getByTestId('filter-error')).toContainText('tcp.nonexistent')
    await input.press('Enter')
    // Nothing applied: every packet stays.
    await expect(page.getByTestId('packet-row')).toHaveCount(11)
    await expect(input).toBeFocused()
    await keepScreenshot(page, 'filter-2-invalid')

    await input.fill('tcp.port ==')
    await expect(page.getByTestId('filter-error')).toContainText('Unexpected end of filter expression')
    await expect(page.getByTestId('filter-error-span')).toHaveClass(/empty/)
    await page.getByTestId('language-switch').selectOption('zh-CN')
    await expect(page.getByTestId('filter-error')).toContainText('个字符处：')
    await expect(page.getByTestId('filter-error')).not.toContainText('tcp.nonexistent')
    await page.getByTestId('theme-switch').selectOption('dark')
    await keepScreenshot(page, 'filter-3-invalid-zh-dark')
  })

  test('should suggest field names with their titles as they are typed', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await expect(page.getByTestId('packet-row')).toHaveCount(11)
    const input = page.getByTestId('filter-input')
    await input.click()
    await input.pressSequentially('tcp.flags.sy')
    const syn = page.locator('[data-testid="filter-option"][data-value="tcp.flags.syn"]')
    await expect(syn).toBeVisible()
    await keepScreenshot(page, 'filter-4-autocomplete')
    await input.press('Tab')
    await expect(input).toHaveValue('tcp.flags.syn')
    await expect(page.getByTestId('filter-dropdown')).toBeHidden()
    await input.pressSequentially(' == 1 && tcp.flags.ack == 0')
    await input.press('Enter')
    await expect(page.getByTestId('packet-row')).toHaveCount(1)
    await expect(page.getByTestId('status-displayed')).toHaveText('Displayed: 1 (9.1%)')
  })

  test("should apply a field's filter from the details tree, and join another to it", async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await page.locator(row(1)).click()
    await page.getByTestId('tree-expand-all').click()
    await page.locator(node('tcp.flags.syn')).click({ button: 'right' })
    await page.locator('[data-testid="context-menu"] [data-item="apply-filter"]').click()
    await expect(page.getByTestId('filter-input')).toHaveValue('tcp.flags.syn == 1')
    await expect(page.getByTestId('packet-row')).toHaveCount(2)
    await page.locator(node('tcp.flags.ack')).click({ button: 'right' })
    await page.locator('[data-testid="context-menu"] [data-item="apply-and"]').click()
    await expect(page.getByTestId('filter-input')).toHaveValue('(tcp.flags.syn == 1) && (tcp.flags.ack == 0)')
    await expect(page.getByTestId('packet-row')).toHaveCount(1)
    await expect(page.getByTestId('status-displayed')).toHaveText('Displayed: 1 (9.1%)')
    await keepScreenshot(page, 'filter-5-from-tree')
  })

  test('should apply a saved filter, and filter on a connection from Conversations', async ({ open }) => {
    // With no file, `tcplens serve` opens the bundled sample: four connections, 31 packets.
    const page = await open()
    await expect(page.locator(row(1))).toBeVisible()
    const handshake = page.locator('[data-testid="saved-filter"][data-saved="handshake"]')
    await expect(handshake).toHaveAttribute('title', 'Handshake: tcp.flags.syn == 1')
    await handshake.click()
    await expect(page.getByTestId('filter-input')).toHaveValue('tcp.flags.syn == 1')
    await expect(handshake).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('packet-row').first()).toContainText('[SYN]')
    await keepScreenshot(page, 'filter-6-saved')

    await page.getByTestId('toolbar-conversations').click()
    await page.getByTestId('conversations-table').locator('[data-stream="2"] [data-testid="conversation-filter"]').click()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('filter-input')).toHaveValue('tcp.stream == 2')
    await expect(page.getByTestId('packet-row')).toHaveCount(2)
    await expect(page.getByTestId('status-displayed')).toHaveText('Displayed: 2 (6.5%)')
    await keepScreenshot(page, 'filter-7-connection')
  })
})

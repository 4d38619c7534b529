// The rest of what a student meets in the analyzer, each kept as a screenshot: the start page,
// Expert Info, Follow TCP stream, a connection's diagram, the dark theme and the projector font.
import { CAPTURES } from './captures'
import { expect, keepScreenshot, test } from './serve'

const row = (frame: number) => `[data-testid="packet-row"][data-frame="${frame}"]`

test.describe('a tour of the analyzer', () => {
  test('should offer Open file and Open sample on the start page after Close', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await expect(page.locator(row(1))).toBeVisible()
    await page.getByTestId('toolbar-close').click()
    await expect(page.getByTestId('start-page')).toBeVisible()
    await expect(page.getByTestId('start-open')).toBeEnabled()
    await keepScreenshot(page, 'tour-1-start-page')
    await page.getByTestId('start-open-sample').click()
    await expect(page.getByTestId('status-file')).toHaveText('tcp-lens-sample.pcapng')
  })

  test('should list the expert items with their frames', async ({ open }) => {
    const page = await open()
    await expect(page.locator(row(1))).toBeVisible()
    await page.getByTestId('toolbar-expert').click()
    await expect(page.getByTestId('expert-group').first()).toBeVisible()
    const syn = page.getByTestId('expert-entry').filter({ hasText: 'Connection establish request (SYN): server port 80 ' })
    await syn.click()
    // The sample's first SYN to port 80 is frame 1; each evidence frame is a link.
    await expect(page.getByTestId('expert-frame').first()).toHaveText('1')
    await keepScreenshot(page, 'tour-2-expert')
  })

  test('should follow the HTTP stream of the sample', async ({ open }) => {
    const page = await open()
    await page.locator(row(4)).click()
    await page.getByTestId('toolbar-follow').click()
    await expect(page.getByTestId('follow-text')).toContainText('GET /')
    await expect(page.getByTestId('follow-text')).toContainText('HTTP/1.1 200 OK')
    await keepScreenshot(page, 'tour-3-follow')
  })

  test('should draw a connection from Conversations', async ({ open }) => {
    const page = await open()
    await expect(page.locator(row(1))).toBeVisible()
    await page.getByTestId('toolbar-conversations').click()
    await page.getByTestId('conversation-steps').first().click()
    await expect(page.getByTestId('teach-view')).toBeVisible()
    await expect(page.getByTestId('diagram-arrow').first()).toContainText('SYN')
    await keepScreenshot(page, 'tour-4-diagram')
  })

  test('should be readable in the dark theme with the projector font', async ({ open }) => {
    const page = await open()
    await page.getByTestId('theme-switch').selectOption('dark')
    await page.getByTestId('font-scale-switch').selectOption({ index: 2 })
    await page.locator(row(3)).click()
    await expect(page.locator('[data-testid="tree-node"]').first()).toBeVisible()
    // Each view preference says what it is, even as an icon.
    await expect(page.getByRole('combobox', { name: 'Time' })).toHaveValue('relative')
    await expect(page.getByRole('combobox', { name: 'Font size' })).toHaveValue('1.5')
    await keepScreenshot(page, 'tour-5-dark-large')
  })
})

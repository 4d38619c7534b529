// The analyzer from the keyboard alone: a sorted list walked with the arrow keys, and a dialog
// that keeps Tab inside, closes on Escape and gives the focus back to the list.
import { CAPTURES } from './captures'
import { expect, keepScreenshot, test } from './serve'

const selectedRow = '[data-testid="packet-row"][aria-selected="true"]'
const atPosition = (position: number) => `[data-testid="packet-row"][data-position="${position}"]`

test.describe('the analyzer from the keyboard', () => {
  test('should walk a sorted list in its order, and keep Tab inside a dialog', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await expect(page.getByTestId('packet-row')).toHaveCount(11)
    const length = page.locator('[data-testid="column-header"][data-column="length"]')
    await length.click()
    await length.click()
    await expect(length).toHaveAttribute('aria-sort', 'descending')
    await expect(page.locator(atPosition(0))).toHaveAttribute('data-frame', /\d+/)
    const sorted = await page.getByTestId('packet-row').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-frame'))))
    expect(sorted).not.toEqual([...sorted].sort((a, b) => a - b))

    await page.getByTestId('packet-list').focus()
    await page.keyboard.press('Home')
    await expect(page.locator(selectedRow)).toHaveAttribute('data-frame', String(sorted[0]))
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await expect(page.locator(selectedRow)).toHaveAttribute('data-frame', String(sorted[2]))
    await page.keyboard.press('End')
    await expect(page.locator(selectedRow)).toHaveAttribute('data-frame', String(sorted[10]))

    await page.keyboard.press('Control+g')
    const dialog = page.getByTestId('go-to-dialog')
    await expect(dialog).toBeVisible()
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab')
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true)
    }
    await keepScreenshot(page, 'keyboard-1-sorted-go-to')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('packet-list')).toBeFocused()
  })
})

// The ways into a capture in browser mode besides the command line: a file dropped on the page
// (uploaded to the server) and the server's Open dialog.
import { readFileSync } from 'node:fs'
import { CAPTURES } from './captures'
import { expect, keepScreenshot, test } from './serve'

test.describe('opening files in browser mode', () => {
  test('should upload and open a capture dropped on the window', async ({ open }) => {
    const page = await open()
    await expect(page.getByTestId('status-file')).toHaveText('tcp-lens-sample.pcapng')
    const bytes = [...readFileSync(CAPTURES.handshake)]
    // A real drop's DataTransfer, holding the file as the browser would hand it over.
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array(content)], 'dropped-handshake.pcap', { type: 'application/vnd.tcpdump.pcap' }))
      return data
    }, bytes)
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: transfer })
    await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer })
    await page.dispatchEvent('body', 'drop', { dataTransfer: transfer })
    await expect(page.getByTestId('status-file')).toHaveText('dropped-handshake.pcap')
    await expect(page.getByTestId('packet-row')).toHaveCount(11)
    await keepScreenshot(page, 'open-1-dropped')
  })

  test('should open a capture chosen in the server file dialog with the keyboard', async ({ open }) => {
    const page = await open(CAPTURES.handshake)
    await expect(page.getByTestId('packet-row')).toHaveCount(11)
    await page.keyboard.press('Control+o')
    // The dialog starts in the folder of the open file: damaged.pcap, handshake.pcap, notes.txt.
    const list = page.getByTestId('file-dialog-list')
    await expect(list.getByTestId('file-entry')).toHaveCount(3)
    await expect(list.getByTestId('file-entry').first()).toContainText('damaged.pcap')
    await expect(list.locator('[data-testid="file-entry"][data-capture="true"]')).toHaveCount(2)
    await keepScreenshot(page, 'open-2-file-dialog')
    await list.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('status-file')).toHaveText('damaged.pcap')
    await expect(page.getByTestId('damaged-banner')).toBeVisible()
  })
})

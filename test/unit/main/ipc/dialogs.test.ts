import { describe, expect, it, vi } from 'vitest'

const showOpenDialog = vi.fn()
const showMessageBox = vi.fn(async () => ({ response: 0 }))
vi.mock('electron', () => ({ dialog: { showOpenDialog: (...args: unknown[]) => showOpenDialog(...args), showMessageBox: (...args: unknown[]) => showMessageBox(...(args as [])) } }))

const { chooseCaptureFile, showOpenError } = await import('../../../../main/ipc/dialogs')
const window = {} as never

describe('main/ipc/dialogs', () => {
  it('should answer the chosen path, with the dialog in the UI language', async () => {
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/s/lab.pcapng'] })
    expect(await chooseCaptureFile(window, 'zh-CN')).toBe('/home/s/lab.pcapng')
    expect(showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ title: '打开抓包文件', properties: ['openFile'] }))
    const filters = showOpenDialog.mock.calls[0][1].filters as Array<{ name: string; extensions: string[] }>
    expect(filters[0]).toMatchObject({ name: '抓包文件', extensions: expect.arrayContaining(['pcap', 'pcapng', 'gz']) })
  })

  it('should answer null when the user cancelled', async () => {
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] })
    expect(await chooseCaptureFile(window, 'en')).toBeNull()
  })

  it('should show why a file could not be opened', async () => {
    await showOpenError(window, 'en', { code: 'not-found', message: 'no such file: /x.pcap' })
    expect(showMessageBox).toHaveBeenCalledWith(window, expect.objectContaining({ type: 'error', message: 'The file could not be opened', detail: 'no such file: /x.pcap' }))
  })
})

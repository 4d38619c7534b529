// The installed app called as a command (`tcplens conv lab.pcapng`, through the Linux packages'
// /usr/bin/tcplens link) runs the command line and exits with its status: no window, no lock.
import { describe, expect, it, vi } from 'vitest'

const exit = vi.fn()
const requestSingleInstanceLock = vi.fn(() => true)
const runCli = vi.fn(async () => 2)

vi.mock('electron', () => ({
  app: { isPackaged: true, requestSingleInstanceLock, quit: vi.fn(), exit, dock: undefined },
  BrowserWindow: {},
  ipcMain: {},
  session: {},
}))
vi.mock('../../../main/cli/run', () => ({ runCli }))

describe('main/index as the tcplens command', () => {
  it('should run the command with its arguments and exit with its status, opening no window', async () => {
    const argv = process.argv
    process.argv = ['/usr/bin/tcplens', 'conv', 'lab.pcapng']
    try {
      await import('../../../main/index')
    } finally {
      process.argv = argv
    }
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(2))
    expect(runCli).toHaveBeenCalledWith(['conv', 'lab.pcapng'], { stdout: process.stdout, stderr: process.stderr })
    expect(requestSingleInstanceLock).not.toHaveBeenCalled()
  })
})

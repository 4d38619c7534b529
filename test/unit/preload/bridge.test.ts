import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { TcpLensApi } from '../../../preload/contract/api'
import { DROPPED_CHANNEL } from '../../../main/ipc/channels'
import { METHODS } from '../../../main/api/validate'

type Listener = (event: unknown, data: unknown) => void

const exposed: Record<string, unknown> = {}
const listeners = new Map<string, Set<Listener>>()
const ipcRenderer = {
  invoke: vi.fn(async (channel: string, ...args: unknown[]): Promise<unknown> => ({ ok: true, value: { channel, args } })),
  send: vi.fn(),
  on: vi.fn((channel: string, listener: Listener) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set())
    listeners.get(channel)!.add(listener)
  }),
  removeListener: vi.fn((channel: string, listener: Listener) => listeners.get(channel)?.delete(listener)),
}
const getPathForFile = vi.fn((_file: unknown) => '')

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer,
  webUtils: { getPathForFile: (file: unknown) => getPathForFile(file) },
}))

await import('../../../preload/index')
const api = exposed['tcplens'] as TcpLensApi

/** What main sends on a channel, as the renderer process receives it. */
const deliver = (channel: string, data: unknown) => {
  for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the IPC event' }, data)
}

describe('preload bridge', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    listeners.clear()
  })

  it('should expose window.tcplens with named functions only, and never ipcRenderer itself', () => {
    expect(Object.keys(exposed)).toEqual(['tcplens'])
    expect(api.transport).toBe('electron')
    for (const [key, value] of Object.entries(api)) {
      if (key === 'transport') continue
      expect(typeof value, key).toBe('function')
      expect(value).not.toHaveProperty('invoke')
      expect(value).not.toHaveProperty('send')
    }
  })

  it('should offer every request of the contract', () => {
    for (const method of METHODS) expect(typeof api[method], method).toBe('function')
  })

  it('should invoke tcplens:<method> with the arguments as given', async () => {
    expect(await api.rows(10, 50)).toEqual({ ok: true, value: { channel: 'tcplens:rows', args: [10, 50] } })
    await api.narrative(3, 'zh-CN')
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('tcplens:narrative', 3, 'zh-CN')
    await api.open({ kind: 'sample' })
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('tcplens:open', { kind: 'sample' })
    await api.listDirectory()
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('tcplens:listDirectory')
    await api.appInfo()
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('tcplens:appInfo')
  })

  it('should answer an internal error Result when IPC itself fails, never reject', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'tcplens:status'"))
    expect(await api.status()).toEqual({ ok: false, error: { code: 'internal', message: "status: No handler registered for 'tcplens:status'" } })
  })

  it('should pass event data to a listener without the IPC event, until it unsubscribes', () => {
    const first = vi.fn()
    const second = vi.fn()
    const stopFirst = api.onCapture(first)
    api.onCapture(second)
    deliver('tcplens:event:capture', { session: 1 })
    expect(first).toHaveBeenCalledWith({ session: 1 })
    expect(first.mock.calls[0]).toHaveLength(1)
    stopFirst()
    deliver('tcplens:event:capture', { session: 2 })
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).toHaveBeenCalledTimes(2)
  })

  it('should subscribe each on… to its own event channel', () => {
    const seen: string[] = []
    api.onProgress(() => seen.push('progress'))
    api.onWork(() => seen.push('work'))
    api.onPreferences(() => seen.push('preferences'))
    api.onMenu(() => seen.push('menu'))
    for (const name of ['menu', 'preferences', 'progress', 'work']) deliver(`tcplens:event:${name}`, null)
    expect(seen).toEqual(['menu', 'preferences', 'progress', 'work'])
  })

  it('should pass a long request’s progress (work) to onWork until it unsubscribes', () => {
    const heard = vi.fn()
    const stop = api.onWork(heard)
    const work = { session: 4, task: 'sort', done: 120_000, total: 1_000_000 }
    deliver('tcplens:event:work', work)
    expect(heard).toHaveBeenCalledWith(work)
    expect(heard.mock.calls[0]).toHaveLength(1)
    stop()
    deliver('tcplens:event:work', { ...work, done: work.total })
    expect(heard).toHaveBeenCalledTimes(1)
    expect(listeners.get('tcplens:event:work')?.size).toBe(0)
  })

  it('should tell main about a dropped file before answering its path', () => {
    const file = { name: 'lab.pcap' } as unknown as File
    getPathForFile.mockReturnValueOnce('/home/student/lab.pcap')
    expect(api.pathForFile!(file)).toBe('/home/student/lab.pcap')
    expect(getPathForFile).toHaveBeenCalledWith(file)
    expect(ipcRenderer.send).toHaveBeenCalledWith(DROPPED_CHANNEL, '/home/student/lab.pcap')
  })

  it('should tell main nothing for a file that has no path', () => {
    expect(api.pathForFile!({} as File)).toBe('')
    expect(ipcRenderer.send).not.toHaveBeenCalled()
  })
})

import { describe, expect, it, vi } from 'vitest'

const exposed: Record<string, unknown> = {}
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: { invoke: () => Promise.reject(new Error('not in this test')) },
}))

describe('preload bridge', () => {
  it('should expose window.tcplens with named members only, and never ipcRenderer itself', async () => {
    await import('../../../preload/index')
    expect(Object.keys(exposed)).toEqual(['tcplens'])
    const api = exposed['tcplens'] as Record<string, unknown>
    expect(api['transport']).toBe('electron')
    for (const value of Object.values(api)) {
      expect(value).not.toHaveProperty('invoke')
      expect(value).not.toHaveProperty('send')
    }
  })
})

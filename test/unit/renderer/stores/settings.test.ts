import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useTeachStore } from '../../../../renderer/src/stores/teach'
import { useSettingsStore } from '../../../../renderer/src/stores/settings'
import type { FakeApi } from '../fake-api'
import { flushPromises, setUp } from '../harness'

type MediaListener = (event: { matches: boolean }) => void

function fakeMatchMedia(dark: boolean) {
  const listeners = new Set<MediaListener>()
  const query = {
    matches: dark,
    addEventListener: (_: string, listener: MediaListener) => listeners.add(listener),
    removeEventListener: (_: string, listener: MediaListener) => listeners.delete(listener),
  }
  vi.stubGlobal('matchMedia', () => query)
  const change = (matches: boolean) => listeners.forEach((listener) => listener({ matches }))
  return Object.assign(change, { listeners })
}

describe('stores/settings', () => {
  let api: FakeApi

  beforeEach(() => {
    api = setUp({ systemLanguage: 'zh-CN' }).api
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it("should follow the system language when the preference is 'system'", async () => {
    const settings = useSettingsStore()
    await settings.start()
    expect(settings.language).toBe('zh-CN')
    await settings.update({ language: 'en' })
    expect(settings.language).toBe('en')
    expect(api.callsOf('setPreferences')).toEqual([[{ language: 'en' }]])
  })

  it("should follow the OS colour scheme when the theme is 'system'", async () => {
    const change = fakeMatchMedia(true)
    const settings = useSettingsStore()
    await settings.start()
    expect(settings.theme).toBe('dark')
    change(false)
    expect(settings.theme).toBe('light')
    await settings.update({ theme: 'dark' })
    expect(settings.theme).toBe('dark')
  })

  it('should listen to the OS colour scheme once, and no more when stopped', async () => {
    const change = fakeMatchMedia(false)
    const settings = useSettingsStore()
    await settings.start()
    await settings.start()
    expect(change.listeners.size).toBe(1)
    settings.stop()
    expect(change.listeners.size).toBe(0)
    expect(api.listenerCount('preferences')).toBe(0)
  })

  it('should take preferences changed elsewhere', async () => {
    const settings = useSettingsStore()
    await settings.start()
    api.emit('preferences', { language: 'en', theme: 'light', timeFormat: 'delta', fontScale: 1.5 })
    expect(settings.preferences.fontScale).toBe(1.5)
    expect(settings.preferences.timeFormat).toBe('delta')
  })

  it('should tell the narrative again in the new language', async () => {
    const settings = useSettingsStore()
    await settings.start()
    const teach = useTeachStore()
    await teach.open(1)
    expect(teach.narrative?.lang).toBe('zh-CN')
    await settings.update({ language: 'en' })
    await flushPromises()
    expect(teach.narrative?.lang).toBe('en')
    expect(api.callsOf('narrative')).toEqual([
      [1, 'zh-CN'],
      [1, 'en'],
    ])
  })
})

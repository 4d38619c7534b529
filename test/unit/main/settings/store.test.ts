import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SETTINGS_FILES, SettingsStore } from '../../../../main/settings/store'
import { DEFAULT_PREFERENCES } from '../../../../main/settings/preferences'
import { MAX_RECENT_FILES } from '../../../../main/settings/recent-files'

describe('main/settings/store', () => {
  let folder: string
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'tcplens-settings-'))
  })
  afterEach(() => rmSync(folder, { recursive: true, force: true }))

  const capture = (name: string) => {
    const path = join(folder, name)
    writeFileSync(path, 'capture')
    return path
  }

  describe('preferences', () => {
    it('should give the defaults when the folder has no settings yet', async () => {
      const store = await SettingsStore.open(join(folder, 'not-created-yet'))
      expect(store.getPreferences()).toEqual(DEFAULT_PREFERENCES)
      expect(await store.recentFiles()).toEqual([])
      expect(store.getWindowState()).toEqual({ maximized: false, firstRunDone: false })
    })

    it('should give the defaults when the files are corrupt', async () => {
      for (const file of Object.values(SETTINGS_FILES)) writeFileSync(join(folder, file), '{ "language": "zh-CN", trailing garbage')
      const store = await SettingsStore.open(folder)
      expect(store.getPreferences()).toEqual(DEFAULT_PREFERENCES)
      expect(await store.recentFiles()).toEqual([])
      expect(store.getWindowState()).toEqual({ maximized: false, firstRunDone: false })
    })

    it('should keep each valid stored value and replace only the invalid ones', async () => {
      writeFileSync(join(folder, SETTINGS_FILES.preferences), JSON.stringify({ language: 'zh-CN', theme: 'purple', timeFormat: 'delta', fontScale: 99, extra: true }))
      const store = await SettingsStore.open(folder)
      expect(store.getPreferences()).toEqual({ language: 'zh-CN', theme: 'system', timeFormat: 'delta', fontScale: 1 })
    })

    it('should merge, save and announce changes, and read them back in a new store', async () => {
      const store = await SettingsStore.open(folder)
      const heard = vi.fn()
      store.onPreferences(heard)
      const saved = await store.setPreferences({ theme: 'dark', fontScale: 1.5 })
      expect(saved).toEqual({ ...DEFAULT_PREFERENCES, theme: 'dark', fontScale: 1.5 })
      expect(heard).toHaveBeenCalledWith(saved)
      expect((await SettingsStore.open(folder)).getPreferences()).toEqual(saved)
    })

    it('should keep the display-filter history, and refuse one that is not a short list of filters', async () => {
      const store = await SettingsStore.open(folder)
      await store.setPreferences({ filterHistory: ['tcp.flags.syn == 1', 'udp'] })
      expect((await SettingsStore.open(folder)).getPreferences().filterHistory).toEqual(['tcp.flags.syn == 1', 'udp'])
      writeFileSync(join(folder, SETTINGS_FILES.preferences), JSON.stringify({ filterHistory: [1, 2] }))
      expect((await SettingsStore.open(folder)).getPreferences().filterHistory).toBeUndefined()
      writeFileSync(join(folder, SETTINGS_FILES.preferences), JSON.stringify({ filterHistory: Array.from({ length: 31 }, (_, i) => `frame.number == ${i}`) }))
      expect((await SettingsStore.open(folder)).getPreferences().filterHistory).toBeUndefined()
    })

    it('should write atomically, leaving no temporary file behind', async () => {
      const store = await SettingsStore.open(folder)
      await Promise.all([store.setPreferences({ theme: 'dark' }), store.setPreferences({ theme: 'light' }), store.setPreferences({ language: 'en' })])
      await store.flush()
      expect(readdirSync(folder)).toEqual([SETTINGS_FILES.preferences])
      expect(JSON.parse(readFileSync(join(folder, SETTINGS_FILES.preferences), 'utf8'))).toMatchObject({ theme: 'light', language: 'en' })
    })

    it('should stop telling a listener that unsubscribed', async () => {
      const store = await SettingsStore.open(folder)
      const heard = vi.fn()
      store.onPreferences(heard)()
      await store.setPreferences({ theme: 'dark' })
      expect(heard).not.toHaveBeenCalled()
    })
  })

  describe('recent files', () => {
    it('should list the most recent first, each path once, at most ten', async () => {
      const store = await SettingsStore.open(folder)
      const paths = Array.from({ length: 12 }, (_, i) => capture(`c${i}.pcap`))
      for (const [i, path] of paths.entries()) await store.addRecentFile(path, 1000 + i)
      await store.addRecentFile(paths[5], 5000)
      const list = await store.recentFiles()
      expect(list).toHaveLength(MAX_RECENT_FILES)
      expect(list[0]).toEqual({ path: paths[5], name: 'c5.pcap', openedAt: 5000 })
      expect(list.map((f) => f.name).slice(1, 4)).toEqual(['c11.pcap', 'c10.pcap', 'c9.pcap'])
      expect(new Set(list.map((f) => f.path)).size).toBe(list.length)
    })

    it('should drop the files that no longer exist when the list is read, and remember that', async () => {
      const store = await SettingsStore.open(folder)
      const kept = capture('kept.pcapng')
      const gone = capture('gone.pcapng')
      await store.addRecentFile(kept, 1)
      await store.addRecentFile(gone, 2)
      rmSync(gone)
      const heard = vi.fn()
      store.onRecentFiles(heard)
      expect((await store.recentFiles()).map((f) => f.path)).toEqual([kept])
      expect(heard).toHaveBeenCalledTimes(1)
      expect(store.isRecentFile(gone)).toBe(false)
      expect(JSON.parse(readFileSync(join(folder, SETTINGS_FILES.recentFiles), 'utf8'))).toHaveLength(1)
    })

    it('should skip malformed entries of a hand-edited file', async () => {
      const kept = capture('a.pcap')
      writeFileSync(join(folder, SETTINGS_FILES.recentFiles), JSON.stringify([{ path: kept, name: 'a.pcap', openedAt: 1 }, { path: 3 }, 'x', null]))
      const store = await SettingsStore.open(folder)
      expect(await store.recentFiles()).toEqual([{ path: kept, name: 'a.pcap', openedAt: 1 }])
      expect(store.isRecentFile(kept)).toBe(true)
    })
  })

  describe('window state', () => {
    it('should remember the bounds, maximized and the first run across stores', async () => {
      const store = await SettingsStore.open(folder)
      await store.setWindowState({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true, firstRunDone: true })
      expect((await SettingsStore.open(folder)).getWindowState()).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true, firstRunDone: true })
    })

    it('should not restore bounds that make no sense', async () => {
      writeFileSync(join(folder, SETTINGS_FILES.windowState), JSON.stringify({ bounds: { x: 0, y: 0, width: -5, height: 'big' }, maximized: 'yes' }))
      expect((await SettingsStore.open(folder)).getWindowState()).toEqual({ maximized: false, firstRunDone: false })
    })
  })
})

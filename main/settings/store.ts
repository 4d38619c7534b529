// The settings of one user, as JSON files in one folder (Electron: app.getPath('userData');
// browser mode: ~/.config/tcplens or a temporary folder): preferences, recent files, and the
// window's state. Each file is read once when the store opens and written atomically on every
// change; a missing or corrupt file gives the defaults. No Electron here: browser mode uses it too.
import { stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Preferences, RecentFile } from '../../preload/contract/dto'
import { readJsonFile, writeJsonFileAtomic } from './json-file'
import { preferencesFrom } from './preferences'
import { recentFilesFrom, withRecentFile } from './recent-files'
import { windowStateFrom, type WindowState } from './window-state'

export const SETTINGS_FILES = {
  preferences: 'preferences.json',
  recentFiles: 'recent-files.json',
  windowState: 'window-state.json',
} as const

type Listener<T> = (value: T) => void

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

export class SettingsStore {
  private readonly preferenceListeners = new Set<Listener<Preferences>>()
  private readonly recentListeners = new Set<Listener<RecentFile[]>>()
  /** One write at a time per file, in the order the changes were made. */
  private readonly writes = new Map<string, Promise<void>>()

  private constructor(
    readonly folder: string,
    private preferences: Preferences,
    private recent: RecentFile[],
    private window: WindowState,
  ) {}

  /** Reads the folder's settings (creating nothing until the first change). */
  static async open(folder: string): Promise<SettingsStore> {
    const [preferences, recent, window] = await Promise.all([
      readJsonFile(join(folder, SETTINGS_FILES.preferences)),
      readJsonFile(join(folder, SETTINGS_FILES.recentFiles)),
      readJsonFile(join(folder, SETTINGS_FILES.windowState)),
    ])
    return new SettingsStore(folder, preferencesFrom(preferences), recentFilesFrom(recent), windowStateFrom(window))
  }

  getPreferences(): Preferences {
    return { ...this.preferences }
  }

  /** Merges valid changes (invalid values are ignored), saves, and tells the listeners. */
  async setPreferences(changes: Partial<Preferences>): Promise<Preferences> {
    this.preferences = preferencesFrom({ ...this.preferences, ...changes })
    const saved = this.getPreferences()
    await this.save(SETTINGS_FILES.preferences, saved)
    for (const listener of this.preferenceListeners) listener(this.getPreferences())
    return saved
  }

  /** The recent files that still exist, most recent first (the missing ones are forgotten). */
  async recentFiles(): Promise<RecentFile[]> {
    const list = this.recent
    const exists = await Promise.all(list.map((file) => isFile(file.path)))
    const present = list.filter((_, i) => exists[i])
    if (present.length !== list.length && this.recent === list) await this.replaceRecent(present)
    return present.map((file) => ({ ...file }))
  }

  /** True when `path` is on the recent list (whether or not it still exists). */
  isRecentFile(path: string): boolean {
    const wanted = resolve(path)
    return this.recent.some((file) => file.path === wanted)
  }

  /** Puts a file that was just opened at the top of the recent list. */
  async addRecentFile(path: string, openedAt = Date.now()): Promise<void> {
    await this.replaceRecent(withRecentFile(this.recent, resolve(path), openedAt))
  }

  getWindowState(): WindowState {
    return { ...this.window, ...(this.window.bounds ? { bounds: { ...this.window.bounds } } : {}) }
  }

  async setWindowState(changes: Partial<WindowState>): Promise<void> {
    this.window = windowStateFrom({ ...this.window, ...changes })
    await this.save(SETTINGS_FILES.windowState, this.window)
  }

  onPreferences(listener: Listener<Preferences>): () => void {
    this.preferenceListeners.add(listener)
    return () => this.preferenceListeners.delete(listener)
  }

  onRecentFiles(listener: Listener<RecentFile[]>): () => void {
    this.recentListeners.add(listener)
    return () => this.recentListeners.delete(listener)
  }

  /** Waits for the writes under way (tests, and before the app quits). */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.writes.values()])
  }

  private async replaceRecent(list: RecentFile[]): Promise<void> {
    this.recent = list
    await this.save(SETTINGS_FILES.recentFiles, list)
    for (const listener of this.recentListeners) listener(list.map((file) => ({ ...file })))
  }

  private save(file: string, value: unknown): Promise<void> {
    const snapshot = JSON.parse(JSON.stringify(value)) as unknown
    const previous = this.writes.get(file) ?? Promise.resolve()
    const next = previous.catch(() => undefined).then(() => writeJsonFileAtomic(join(this.folder, file), snapshot))
    this.writes.set(file, next)
    return next
  }
}

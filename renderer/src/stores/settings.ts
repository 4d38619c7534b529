import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AppInfo, Lang, Preferences } from '../../../preload/contract/api'
import { useApiStore } from './api'

export const DEFAULT_PREFERENCES: Preferences = { language: 'system', theme: 'system', timeFormat: 'relative', fontScale: 1 }
export const FONT_SCALES = [1, 1.25, 1.5] as const

const DARK_QUERY = '(prefers-color-scheme: dark)'

/** The language of the browser, for when the back end has not said yet. */
function browserLanguage(): Lang {
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/** Preferences (saved by the back end) and what 'system' resolves to on this machine. */
export const useSettingsStore = defineStore('settings', () => {
  const preferences = ref<Preferences>({ ...DEFAULT_PREFERENCES })
  const appInfo = ref<AppInfo | null>(null)
  const systemDark = ref(false)
  let unsubscribe: (() => void) | null = null
  let unfollowSystemTheme: (() => void) | null = null

  const language = computed<Lang>(() =>
    preferences.value.language === 'system' ? (appInfo.value?.systemLanguage ?? browserLanguage()) : preferences.value.language,
  )
  const theme = computed<'light' | 'dark'>(() =>
    preferences.value.theme === 'system' ? (systemDark.value ? 'dark' : 'light') : preferences.value.theme,
  )
  const serverFiles = computed(() => appInfo.value?.files === 'server')

  function followSystemTheme(): void {
    unfollowSystemTheme?.()
    unfollowSystemTheme = null
    if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return
    const query = window.matchMedia(DARK_QUERY)
    systemDark.value = query.matches
    const onChange = (event: { matches: boolean }): void => {
      systemDark.value = event.matches
    }
    query.addEventListener?.('change', onChange)
    unfollowSystemTheme = () => query.removeEventListener?.('change', onChange)
  }

  /** Reads the app info and preferences, and follows later changes (another window, the menu). */
  async function start(): Promise<void> {
    const api = useApiStore()
    followSystemTheme()
    unsubscribe?.()
    unsubscribe = api.current().onPreferences((next) => (preferences.value = { ...next }))
    const [info, saved] = await Promise.all([api.request('appInfo'), api.request('getPreferences')])
    if (info) appInfo.value = info
    if (saved) preferences.value = { ...saved }
  }

  /** Applies a change at once (the switch is live) and saves it. */
  async function update(changes: Partial<Preferences>): Promise<void> {
    preferences.value = { ...preferences.value, ...changes }
    const saved = await useApiStore().request('setPreferences', changes)
    if (saved) preferences.value = { ...saved }
  }

  function stop(): void {
    unsubscribe?.()
    unsubscribe = null
    unfollowSystemTheme?.()
    unfollowSystemTheme = null
  }

  return { preferences, appInfo, systemDark, language, theme, serverFiles, start, update, stop }
})

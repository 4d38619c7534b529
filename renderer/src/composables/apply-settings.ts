// Puts the resolved preferences on the page: the UI language, the theme and the font scale.
import { watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSettingsStore } from '../stores/settings'

export function useApplySettings(root: HTMLElement = document.documentElement): void {
  const settings = useSettingsStore()
  const { locale } = useI18n({ useScope: 'global' })
  watchEffect(() => {
    locale.value = settings.language
    root.lang = settings.language
    root.dataset.theme = settings.theme
    root.style.setProperty('--font-scale', String(settings.preferences.fontScale))
  })
}

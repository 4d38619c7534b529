import { createI18n } from 'vue-i18n'
import type { Lang } from '../../../preload/contract/api'
import en, { type MessageSchema } from './en'
import zhCN from './zh-CN'

export const MESSAGES: Record<Lang, MessageSchema> = { en, 'zh-CN': zhCN }

/** The UI's vue-i18n instance (Composition API); the language follows the settings store. */
export function createUiI18n(locale: Lang = 'en') {
  return createI18n<[MessageSchema], Lang, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: MESSAGES,
    missingWarn: false,
    fallbackWarn: false,
  })
}

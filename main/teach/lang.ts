// Which language the narrative speaks: zh-CN or en. The default follows the system locale
// (the POSIX variables, as gettext reads them); `--lang` values are parsed strictly.

export const LANGS = ['en', 'zh-CN'] as const
export type Lang = (typeof LANGS)[number]

type Env = Record<string, string | undefined>

function isChinese(locale: string): boolean {
  return /^zh(?:[-_.@]|$)/i.test(locale.trim())
}

/**
 * The language of the system locale: 'zh-CN' when the locale that decides the language of
 * messages is Chinese (zh_CN.UTF-8, zh_TW, zh…), else 'en'.
 *
 * The order is gettext's: LC_ALL, then LC_MESSAGES, then LANG decide the locale; LANGUAGE (a
 * colon-separated priority list) overrides them for messages unless that locale is C/POSIX.
 * When no variable is set (Windows, say) `fallback` decides: by default the locale Node's Intl
 * resolves.
 */
export function systemLanguage(env: Env = process.env, fallback: string = Intl.DateTimeFormat().resolvedOptions().locale): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v != null && v.trim() !== '')
  const language = env.LANGUAGE?.split(':').find((v) => v.trim() !== '')
  const isC = locale != null && /^(C|POSIX)(?:[.@]|$)/i.test(locale.trim())
  if (language != null && !isC) return isChinese(language) ? 'zh-CN' : 'en'
  if (locale != null) return isChinese(locale) ? 'zh-CN' : 'en'
  return isChinese(fallback) ? 'zh-CN' : 'en'
}

/** Parses a `--lang` value: zh-CN (also zh, zh_CN, any case) or en. Anything else throws. */
export function parseLang(value: string): Lang {
  const v = value.trim().toLowerCase().replace('_', '-')
  if (v === 'zh' || v === 'zh-cn') return 'zh-CN'
  if (v === 'en') return 'en'
  throw new Error(`unknown language "${value}": use zh-CN (or zh) or en`)
}

import { describe, expect, it } from 'vitest'
import { parseLang, systemLanguage } from '../../../../main/teach/lang'

describe('teach/lang', () => {
  it('should speak Chinese when the locale is zh_CN.UTF-8, in any of the variables gettext reads', () => {
    expect(systemLanguage({ LANG: 'zh_CN.UTF-8' }, 'en-US')).toBe('zh-CN')
    expect(systemLanguage({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, 'en-US')).toBe('zh-CN')
    expect(systemLanguage({ LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' }, 'en-US')).toBe('zh-CN')
    expect(systemLanguage({ LANGUAGE: 'zh_CN:en_US', LANG: 'en_US.UTF-8' }, 'en-US')).toBe('zh-CN')
    expect(systemLanguage({ LANG: 'zh' }, 'en-US')).toBe('zh-CN')
  })

  it('should follow gettext precedence: LC_ALL over LC_MESSAGES over LANG, LANGUAGE over all unless the locale is C', () => {
    expect(systemLanguage({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }, 'zh-CN')).toBe('en')
    expect(systemLanguage({ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }, 'zh-CN')).toBe('en')
    expect(systemLanguage({ LANGUAGE: 'en', LC_ALL: 'zh_CN.UTF-8' }, 'zh-CN')).toBe('en')
    expect(systemLanguage({ LANGUAGE: 'zh_CN', LC_ALL: 'C' }, 'zh-CN')).toBe('en')
    expect(systemLanguage({ LANGUAGE: 'zh_CN', LC_ALL: 'C.UTF-8' }, 'zh-CN')).toBe('en')
  })

  it('should not take other languages for Chinese', () => {
    expect(systemLanguage({ LANG: 'en_US.UTF-8' }, 'zh-CN')).toBe('en')
    expect(systemLanguage({ LANG: 'zu_ZA.UTF-8' }, 'zh-CN')).toBe('en')
  })

  it('should fall back to the platform locale only when no variable is set', () => {
    expect(systemLanguage({}, 'zh-Hans-CN')).toBe('zh-CN')
    expect(systemLanguage({ LANG: '' }, 'zh-CN')).toBe('zh-CN')
    expect(systemLanguage({}, 'en-US')).toBe('en')
  })

  it('should parse --lang values and reject others with a clear message', () => {
    expect(parseLang('zh-CN')).toBe('zh-CN')
    expect(parseLang('zh')).toBe('zh-CN')
    expect(parseLang('zh_CN')).toBe('zh-CN')
    expect(parseLang('ZH-cn')).toBe('zh-CN')
    expect(parseLang('en')).toBe('en')
    expect(() => parseLang('fr')).toThrow('unknown language "fr": use zh-CN (or zh) or en')
    expect(() => parseLang('')).toThrow(/unknown language/)
  })
})

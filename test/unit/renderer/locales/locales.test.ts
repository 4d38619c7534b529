import { describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../../../preload/contract/api'
import en from '../../../../renderer/src/locales/en'
import zhCN from '../../../../renderer/src/locales/zh-CN'

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'object' ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]))
}

function leaves(messages: object): string[] {
  return Object.values(messages).flatMap((value) => (typeof value === 'object' ? leaves(value as object) : [value as string]))
}

describe('locales', () => {
  it('should have the same keys in English and Chinese', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort())
  })

  it('should have no empty message', () => {
    expect(leaves(en).filter((text) => !text.trim())).toEqual([])
    expect(leaves(zhCN).filter((text) => !text.trim())).toEqual([])
  })

  it('should word every api error code in both languages', () => {
    const codes: ErrorCode[] = ['bad-argument', 'forbidden', 'not-found', 'no-capture', 'unsupported', 'damaged', 'cancelled', 'io', 'internal']
    for (const code of codes) {
      expect(en.errors[code]).toBeTruthy()
      expect(zhCN.errors[code]).toBeTruthy()
      expect(zhCN.errors[code]).not.toBe(en.errors[code])
    }
  })

  it('should use no character vue-i18n would read as syntax outside parameters', () => {
    const bad = [...leaves(en), ...leaves(zhCN)].filter((text) => /[@$|]/.test(text.replace(/\{\w+\}/g, '')))
    expect(bad).toEqual([])
  })
})

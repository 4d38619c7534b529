import { describe, expect, it } from 'vitest'
import { formatFilterError, messageLanguage } from '../../../../main/cli/display-filter'
import { parseArgs } from '../../../../main/cli/argv'
import type { FilterError } from '../../../../main/filter'

const mistake = (start: number, end: number): FilterError => ({ code: 'test', message: { en: '"80" was unexpected in this context.', 'zh-CN': '此处不应出现 "80"。' }, start, end })

describe('cli/display-filter', () => {
  it("should underline the mistake as tshark does: the filter indented by four, a caret, then a tilde per further character", () => {
    expect(formatFilterError('tcp.port == 80 80', mistake(15, 17), 'en')).toBe('tcplens: "80" was unexpected in this context.\n    tcp.port == 80 80\n                   ^~\n')
  })

  it('should put a lone caret after the filter for a mistake at its end', () => {
    expect(formatFilterError('tcp.port ==', mistake(11, 11), 'en')).toBe('tcplens: "80" was unexpected in this context.\n    tcp.port ==\n               ^\n')
  })

  it('should count Chinese characters in the filter as two columns, so the caret stays under the mistake', () => {
    const text = 'frame contains "中文" 80'
    const start = text.lastIndexOf('80')
    const lines = formatFilterError(text, mistake(start, start + 2), 'zh-CN').split('\n')
    expect(lines[0]).toBe('tcplens: 此处不应出现 "80"。')
    // "中文" is 2 characters but 4 columns wide.
    expect(lines[2]).toBe(' '.repeat(4 + start + 2) + '^~')
  })

  it('should keep a span that reaches past the text inside it', () => {
    expect(formatFilterError('tcp', mistake(1, 99), 'en').split('\n')[2]).toBe('     ^~')
  })

  it('should speak English unless --lang says zh-CN (or zh), and refuse another language', () => {
    const spec = { withValue: ['--lang'] }
    expect(messageLanguage(parseArgs([], spec))).toBe('en')
    expect(messageLanguage(parseArgs(['--lang', 'zh'], spec))).toBe('zh-CN')
    expect(messageLanguage(parseArgs(['--lang=zh-CN'], spec))).toBe('zh-CN')
    expect(() => messageLanguage(parseArgs(['--lang', 'fr'], spec))).toThrow(/unknown language "fr"/)
  })
})

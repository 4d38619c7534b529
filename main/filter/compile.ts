// Placeholder until the language lands: every filter is refused.
import type { CompileResult } from './types'

export function compileFilter(text: string): CompileResult {
  return { ok: false, error: { code: 'not-built', message: { en: 'display filters are not built yet', 'zh-CN': '显示过滤器尚未实现' }, start: 0, end: text.length } }
}

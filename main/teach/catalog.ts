// The message catalogs and the one formatter. Messages are templates with {name} placeholders;
// en is the reference catalog: its keys are the message keys, and its placeholders are the
// parameters each message takes (checked by the type of `m()`). zh-CN must have exactly the same
// keys (a missing or extra key fails typecheck) and may use no placeholder en does not have.
import { en } from './locales/en'
import { zhCN } from './locales/zh-CN'
import type { Lang } from './lang'

export type MessageKey = keyof typeof en
export type Catalog = { readonly [K in MessageKey]: string }

/** The placeholder names of a template (tail-recursive, so long texts are fine). */
type Placeholders<S extends string, Acc extends string = never> = S extends `${string}{${infer P}}${infer Rest}` ? Placeholders<Rest, Acc | P> : Acc

type En = typeof en
type Zh = typeof zhCN
/** Keys whose zh-CN text uses a placeholder en does not have (must be never). */
type ForeignPlaceholders = { [K in MessageKey]: [Exclude<Placeholders<Zh[K]>, Placeholders<En[K]>>] extends [never] ? never : K }[MessageKey]
const _placeholdersMatch: [ForeignPlaceholders] extends [never] ? true : ForeignPlaceholders = true
void _placeholdersMatch

export const CATALOGS: Readonly<Record<Lang, Catalog>> = { en, 'zh-CN': zhCN }

/** A message to be formatted in some language: a key and its parameters. */
export interface Msg {
  key: MessageKey
  params?: Readonly<Record<string, Param>>
}

/**
 * A parameter: a number (printed as is, never grouped: sequence numbers are copied by hand), a
 * string (printed as is: state names, flags, formulas), another message, frames ("frame 8",
 * "frames 24–26"), seconds ("1.5 s"), or a list (joined the language's way).
 */
export type Param =
  | string
  | number
  | Msg
  | { frames: readonly number[] }
  | { seconds: number; digits?: number }
  | { list: readonly Param[]; and?: boolean; sep?: string }

/** Every placeholder needs a value; extra values are allowed (a caller may pass a shared set). */
type ParamsOf<K extends MessageKey> = { readonly [P in Placeholders<En[K]>]: Param } & { readonly [name: string]: Param }

/** Builds a message; its parameters are checked against the en template. */
export function m<K extends MessageKey>(key: K, ...params: [Placeholders<En[K]>] extends [never] ? [] : [ParamsOf<K>]): Msg {
  return params.length > 0 ? { key, params: params[0] as Record<string, Param> } : { key }
}

function isMsg(p: Param): p is Msg {
  return typeof p === 'object' && 'key' in p
}

/** 24, 25, 26, 30 → "24–26, 30" (runs of three or more become ranges). */
function frameRuns(frames: readonly number[]): string[] {
  const sorted = [...new Set(frames)].sort((a, b) => a - b)
  const out: string[] = []
  for (let i = 0; i < sorted.length; ) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++
    if (j - i >= 2) out.push(`${sorted[i]}–${sorted[j]}`)
    else for (let k = i; k <= j; k++) out.push(String(sorted[k]))
    i = j + 1
  }
  return out
}

/** At most this many runs of frames are listed; the rest is counted. */
const MAX_FRAME_RUNS = 12

/** Seconds with up to `digits` decimals, trailing zeros dropped (1.5, 0.0235, 63). */
export function trimNumber(n: number, digits = 6): string {
  const text = n.toFixed(digits)
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text
}

function formatParam(p: Param, lang: Lang): string {
  if (typeof p === 'number') return String(p)
  if (typeof p === 'string') return p
  if (isMsg(p)) return format(p, lang)
  if ('frames' in p) {
    const runs = frameRuns(p.frames)
    const shown = runs.slice(0, MAX_FRAME_RUNS)
    let list = shown.join(CATALOGS[lang]['list.sep'])
    if (runs.length > shown.length) list += format(m('list.more', { n: p.frames.length }), lang)
    return runs.length === 1 && !runs[0]!.includes('–') ? format(m('frames.one', { n: list }), lang) : format(m('frames.many', { list }), lang)
  }
  if ('seconds' in p) return format(m('unit.seconds', { n: trimNumber(p.seconds, p.digits ?? 6) }), lang)
  const items = p.list.map((x) => formatParam(x, lang))
  const sep = p.sep ?? CATALOGS[lang]['list.sep']
  if (p.and && items.length > 1) return joinWords(items.slice(0, -1).join(sep), CATALOGS[lang]['list.and'], items[items.length - 1]!)
  return items.join(sep)
}

const CJK = /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/
const LATIN = /[A-Za-z0-9]/

/** Joins with a word like 和: a space goes between Chinese and Latin letters or digits ("SYN 和 10 字节数据"). */
function joinWords(left: string, word: string, right: string): string {
  if (!CJK.test(word)) return left + word + right
  const before = LATIN.test(left.slice(-1)) ? ' ' : ''
  const after = LATIN.test(right.charAt(0)) ? ' ' : ''
  return left + before + word + after + right
}

/** Formats a message. A placeholder without a value is a programming error: it throws. */
export function format(msg: Msg, lang: Lang): string {
  const template: string = CATALOGS[lang][msg.key]
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = msg.params?.[name]
    if (value === undefined) throw new Error(`message ${msg.key} (${lang}): no value for {${name}}`)
    return formatParam(value, lang)
  })
}

// The user's preferences: what each one may be, the defaults, and how a stored (possibly
// hand-edited or corrupt) object becomes valid preferences. The request validator checks
// setPreferences against the same table.
import type { LanguagePreference, Preferences, ThemePreference, TimeFormat } from '../../preload/contract/dto'
import { isRecord } from './json-file'

export const LANGUAGE_PREFERENCES: readonly LanguagePreference[] = ['system', 'en', 'zh-CN']
export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark']
export const TIME_FORMATS: readonly TimeFormat[] = ['relative', 'delta', 'absolute', 'epoch']
/** 1 is normal; the View menu's "large font" is 1.25; a projector may want up to 2. */
export const FONT_SCALE = { min: 0.75, max: 2, large: 1.25 } as const
/** The filter history kept: so many filters, each at most so long (MAX_FILTER_LENGTH). */
export const FILTER_HISTORY = { entries: 30, length: 10_000 } as const

export const DEFAULT_PREFERENCES: Readonly<Preferences> = Object.freeze({
  language: 'system',
  theme: 'system',
  timeFormat: 'relative',
  fontScale: 1,
})

const oneOf =
  <T>(values: readonly T[]) =>
  (value: unknown): value is T =>
    values.includes(value as T)

/** Each preference and the values it accepts: one table for the store and the validator. */
export const PREFERENCE_CHECKS: { readonly [K in keyof Preferences]-?: (value: unknown) => value is NonNullable<Preferences[K]> } = {
  language: oneOf(LANGUAGE_PREFERENCES),
  theme: oneOf(THEME_PREFERENCES),
  timeFormat: oneOf(TIME_FORMATS),
  fontScale: (value): value is number => typeof value === 'number' && Number.isFinite(value) && value >= FONT_SCALE.min && value <= FONT_SCALE.max,
  filterHistory: (value): value is string[] =>
    Array.isArray(value) && value.length <= FILTER_HISTORY.entries && value.every((each) => typeof each === 'string' && each.length <= FILTER_HISTORY.length),
}

const PREFERENCE_KEYS = Object.keys(PREFERENCE_CHECKS) as Array<keyof Preferences>

/** Valid preferences from anything: each valid stored value is kept, the rest are defaults. */
export function preferencesFrom(stored: unknown): Preferences {
  const result: Preferences = { ...DEFAULT_PREFERENCES }
  if (!isRecord(stored)) return result
  for (const key of PREFERENCE_KEYS) {
    const value = stored[key]
    if (PREFERENCE_CHECKS[key](value)) (result as unknown as Record<string, unknown>)[key] = value
  }
  return result
}

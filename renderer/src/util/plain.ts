import { isRef, toRaw } from 'vue'

/**
 * A copy of `value` without Vue proxies at any depth, for anything that crosses the contract
 * (Electron's structured clone refuses proxies; JSON would also carry them, but as copies).
 */
export function plain<T>(value: T): T {
  const raw: unknown = isRef(value) ? toRaw(value).value : toRaw(value)
  if (Array.isArray(raw)) return raw.map((item) => plain(item)) as T
  if (raw !== null && typeof raw === 'object' && Object.getPrototypeOf(raw) === Object.prototype) {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(raw)) if (item !== undefined) copy[key] = plain(item)
    return copy as T
  }
  return raw as T
}

// Numbers as the UI shows them.

/** 1,234,567 (grouped for the UI language). */
export function formatCount(value: number, lang = 'en'): string {
  return new Intl.NumberFormat(lang).format(value)
}

export type ByteUnit = 'bytes' | 'kib' | 'mib' | 'gib' | 'tib'

/** 512 bytes, 12.3 KiB, 4.56 MiB, 1.20 GiB: the number and its unit (the locale words it, units.*). */
export function formatBytes(value: number): { unit: ByteUnit; value: string } {
  const units: ByteUnit[] = ['bytes', 'kib', 'mib', 'gib', 'tib']
  let size = value
  let unit = 0
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024
    unit++
  }
  return { unit: units[unit]!, value: unit === 0 ? String(size) : size.toFixed(size < 10 ? 2 : size < 100 ? 1 : 0) }
}

/** Milliseconds as "850 ms" or "2.35 s". */
export function formatDuration(ms: number): { unit: 'ms' | 's'; value: string } {
  return ms < 1000 ? { unit: 'ms', value: String(Math.round(ms)) } : { unit: 's', value: (ms / 1000).toFixed(2) }
}

/** A share in [0, 1] of a loading file (0 when the size is unknown). */
export function fraction(done: number, total: number): number {
  return total > 0 ? Math.min(1, Math.max(0, done / total)) : 0
}

/** "100.0%", "6.5%" as Wireshark's status bar writes a share of the packets ("" when there is no whole). */
export function formatPercent(part: number, whole: number, lang = 'en'): string {
  if (!(whole > 0)) return ''
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(part / whole)
}

/** Elapsed time as a clock: "0:07", "12:34", "1:02:03". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

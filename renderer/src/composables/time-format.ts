// The Time column as Wireshark's View › Time Display Format shows it (microsecond precision).
import type { PacketRowDto, TimeFormat } from '../../../preload/contract/api'

const pad = (value: number, width: number): string => String(value).padStart(width, '0')

/** Seconds with six decimals: 0.000000, 12.345678, −0.000100. */
export function formatSeconds(seconds: number): string {
  return seconds.toFixed(6)
}

/** The local time of day of an epoch time: 14:03:07.123456. */
export function formatTimeOfDay(epoch: number): string {
  let whole = Math.floor(epoch)
  let micros = Math.round((epoch - whole) * 1e6)
  if (micros >= 1_000_000) {
    whole += 1
    micros -= 1_000_000
  }
  const date = new Date(whole * 1000)
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}.${pad(micros, 6)}`
}

/** The Time cell of a row in one of the formats ("" when the record has no time). */
export function formatRowTime(row: Pick<PacketRowDto, 'time' | 'delta' | 'epoch'>, format: TimeFormat): string {
  switch (format) {
    case 'relative':
      return row.time === null ? '' : formatSeconds(row.time)
    case 'delta':
      return row.delta === null ? '' : formatSeconds(row.delta)
    case 'absolute':
      return row.epoch === null ? '' : formatTimeOfDay(row.epoch)
    case 'epoch':
      return row.epoch === null ? '' : formatSeconds(row.epoch)
  }
}

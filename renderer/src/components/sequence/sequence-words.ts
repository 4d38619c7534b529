// The diagram's numbers in words of the UI language: durations (850 ms, 75 s, 4 min) and byte counts.
import { useI18n } from 'vue-i18n'
import { durationParts } from '../../diagram/sequence-text'
import { formatBytes } from '../../util/format'

export function useSequenceWords() {
  const { t } = useI18n()
  const duration = (seconds: number): string => {
    const { unit, value } = durationParts(seconds)
    return t(`sequence.duration.${unit}`, { value })
  }
  const bytes = (count: number): string => {
    const { unit, value } = formatBytes(count)
    return t(`units.${unit}`, { value })
  }
  return { t, duration, bytes }
}

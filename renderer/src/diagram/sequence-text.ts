// What an arrow's label says, as text (the numbers, the flags, the step badge), and the small
// formatting the diagram needs (durations, wrapping a phase name into the gutter).
import type { ArrowNumbers, ArrowTag, PhaseName } from './sequence-types'

export type NumberMode = 'relative' | 'raw'

/** "seq=1 ack=1 len=100" (relative) or with the raw numbers; ack only when the ACK flag is set. */
export function numbersText(numbers: ArrowNumbers, mode: NumberMode): string {
  const raw = mode === 'raw'
  const seq = raw ? numbers.rawSeq : numbers.seq
  const parts = [`seq=${seq}`]
  if (numbers.hasAck) parts.push(`ack=${raw ? numbers.rawAck : numbers.ack}`)
  parts.push(`len=${numbers.length < 0 ? '?' : numbers.length}`)
  return parts.join(' ')
}

/** The step numbers as taught, circled: "①", or "②③" for a merged FIN-ACK. */
export function stepBadge(steps: readonly number[]): string {
  return steps.map((n) => (n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${n})`)).join('')
}

/** "SYN, ACK" as Wireshark lists flags. */
export const flagsText = (flags: readonly string[]): string => flags.join(', ')

/** A payload summary cut to `max` characters, in quotes: “GET /index.html”. */
export function payloadText(payload: string | undefined, max = 22): string {
  if (!payload) return ''
  const cut = payload.length > max ? `${payload.slice(0, max - 1)}…` : payload
  return `“${cut}”`
}

/** The first line of an arrow's label: badge, flags, payload. */
export function headText(arrow: { steps: readonly number[]; flags: readonly string[]; payload?: string }): string {
  return [stepBadge(arrow.steps), flagsText(arrow.flags), payloadText(arrow.payload)].filter(Boolean).join('  ')
}

export type DurationUnit = 'ms' | 's' | 'min'

/** A duration in the unit a person would say: 850 ms, 1.5 s, 75 s, 4 min. */
export function durationParts(seconds: number): { unit: DurationUnit; value: string } {
  if (seconds < 1) return { unit: 'ms', value: String(Math.round(seconds * 1000)) }
  if (seconds < 180) return { unit: 's', value: String(Number(seconds.toFixed(seconds < 10 ? 1 : 0))) }
  return { unit: 'min', value: String(Number((seconds / 60).toFixed(1))) }
}

/** How wide a character is, in "narrow character" units: CJK and full-width count as two. */
const charWidth = (ch: string): number => (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1)
export const textWidth = (text: string): number => [...text].reduce((w, ch) => w + charWidth(ch), 0)

/** Wraps a text into lines of at most `max` narrow-character units (words kept whole; CJK broken anywhere). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const token of text.match(/[\u2e80-\ua4cf\uff00-\uffef]|[^\s\u2e80-\ua4cf\uff00-\uffef]+|\s+/g) ?? []) {
    if (/^\s+$/.test(token)) {
      if (line) line += ' '
      continue
    }
    if (line && textWidth(line + token) > max) {
      lines.push(line.trimEnd())
      line = ''
    }
    line += token
  }
  if (line.trim()) lines.push(line.trimEnd())
  return lines
}

/** A phase's (or an arrow tag's) locale key: sequence.phase.threeWayHandshake, sequence.tag.keepAlive. */
export const phaseKey = (phase: PhaseName | ArrowTag): string => phase.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())

// The lab answers as language-free drafts (a question, lines and frames as catalog messages),
// and the small wordings they share: milliseconds, flags in hex, roles.
import type { LabAnswer } from '../../../preload/contract/dto'
import type { Role } from '../../tcp/step'
import { format, m, type Msg, type Param } from '../catalog'
import type { Lang } from '../lang'
import { roleMsg } from '../phrases'

export interface AnswerDraft {
  id: string
  question: Msg
  lines: Msg[]
  /** The frames the answer rests on. */
  frames: number[]
}

export function formatAnswer(draft: AnswerDraft, lang: Lang): LabAnswer {
  const frames = [...new Set(draft.frames)].sort((a, b) => a - b)
  return { id: draft.id, question: format(draft.question, lang), answer: draft.lines.map((line) => format(line, lang)), frames }
}

/** Seconds as milliseconds with three decimals ("20.100 ms"). */
export const msText = (seconds: number): string => (seconds * 1000).toFixed(3)
export const ms = (seconds: number): Msg => m('unit.ms', { n: msText(seconds) })

export const frame = (n: number): Param => ({ frames: [n] })
export const frames = (list: readonly number[]): Param => ({ frames: list })

/** The flags word as Wireshark writes it: 0x002. */
export const flagsHex = (flags: number): string => `0x${flags.toString(16).padStart(3, '0')}`

export const role = (r: Role): Msg => roleMsg(r)

/** At most this many items are listed one per line; the rest are counted. */
export const LISTED = 8

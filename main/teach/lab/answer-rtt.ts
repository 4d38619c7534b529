// The RTT question: the samples of one direction, the EstimatedRTT after each (the first one and
// one update worked out by hand), which samples were left out and why, or why there are none.
import { m, type Msg } from '../catalog'
import type { RttAnalysis, RttCandidate } from './rtt'
import { frame, frames, LISTED, ms, msText, role, type AnswerDraft } from './words'

const alphaText = (alpha: number): string => String(alpha)

/** `whole`: the connection's first and last frames, for an answer that rests on all of it. */
export function rttAnswer(rtt: RttAnalysis, whole: readonly number[]): AnswerDraft {
  const question = m('lab.q.rtt', { alpha: alphaText(rtt.alpha) })
  const used: number[] = []
  const lines: Msg[] = []
  const { samples, measured } = rtt
  if (measured === null) return { id: 'rtt', question, lines: [m('lab.rtt.none')], frames: [...whole] }
  if (samples.length === 0) {
    lines.push(m('lab.rtt.noneKarn'))
  } else {
    lines.push(m('lab.rtt.direction', { who: role(measured) }))
    lines.push(m('lab.rtt.formula', { alpha: alphaText(rtt.alpha), keep: alphaText(1 - rtt.alpha) }))
    for (const s of samples.slice(0, LISTED)) {
      lines.push(m('lab.rtt.sample', { frame: frame(s.frame), acked: frame(s.acked), rtt: ms(s.rtt), estimated: ms(s.estimated) }))
      used.push(s.frame, s.acked)
    }
    if (samples.length > LISTED) lines.push(m('lab.rtt.more', { n: samples.length - LISTED }))
    lines.push(m('lab.rtt.first', { rtt: ms(samples[0]!.rtt) }))
    const second = samples[1]
    if (second) lines.push(m('lab.rtt.update', { frame: frame(second.frame), keep: alphaText(1 - rtt.alpha), alpha: alphaText(rtt.alpha), previous: msText(samples[0]!.estimated), sample: msText(second.rtt), estimated: msText(second.estimated) }))
    const last = samples[samples.length - 1]!
    lines.push(m('lab.rtt.final', { estimated: ms(last.estimated), n: samples.length }))
  }
  if (rtt.karn.length > 0) {
    lines.push(m('lab.rtt.karn', { frames: frames(rtt.karn.map((c) => c.frame)) }))
    used.push(...rtt.karn.map((c) => c.frame))
  }
  if (rtt.other.length > 0) lines.push(otherDirection(rtt.other))
  return { id: 'rtt', question, lines, frames: used.length > 0 ? used : [...whole] }
}

function otherDirection(other: readonly RttCandidate[]): Msg {
  const rtts = other.map((c) => c.rtt)
  const min = Math.min(...rtts)
  const max = Math.max(...rtts)
  const range = min === max ? ms(min) : m('lab.range', { from: ms(min), to: ms(max) })
  return m('lab.rtt.other', { who: role(other[0]!.measured), frames: frames(other.map((c) => c.frame)), range })
}

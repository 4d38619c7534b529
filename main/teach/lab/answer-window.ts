// The window question: the smallest window each side advertised, and whether the receiver's
// window held the sender back (a zero window, a full window, or bytes in flight reaching it).
import { VERDICT } from '../../tcp/verdicts'
import { otherRole, type Role, type Step } from '../../tcp/step'
import { m, type Msg } from '../catalog'
import type { LabInput } from './lab-input'
import { advertisesWindow, carriesData, hasFlag, rolesByData } from './segments'
import { TCP_FLAG } from '../../tcp/segment'
import { frame, frames, role, type AnswerDraft } from './words'

const marked = (step: Step, bit: number, code: string): boolean => (step.verdicts & bit) !== 0 || step.notes.some((n) => n.code === code)

/** The smallest window a side advertised: after its SYN if it sent more (a SYN's window is not scaled, so it says little). */
function smallestWindow(steps: readonly Step[], side: Role): Step | undefined {
  const own = steps.filter((s) => s.from === side && advertisesWindow(s))
  const later = own.filter((s) => !hasFlag(s, TCP_FLAG.SYN))
  let min: Step | undefined
  for (const s of later.length > 0 ? later : own) if (!min || s.segment.window < min.segment.window) min = s
  return min
}

function minimumLine(step: Step): Msg {
  const s = step.segment
  const p = { who: role(step.from), window: s.window, frame: frame(step.frame) }
  if (hasFlag(step, TCP_FLAG.SYN)) return m('lab.window.minSyn', p)
  if (s.windowRaw > 0 && s.window !== s.windowRaw) return m('lab.window.minScaled', { ...p, raw: s.windowRaw, scale: s.window / s.windowRaw })
  return m('lab.window.min', p)
}

/** The window in force when `at` was sent: the peer's last advertisement before it. */
function windowBefore(steps: readonly Step[], at: number, receiver: Role): number | undefined {
  for (let i = at - 1; i >= 0; i--) if (steps[i]!.from === receiver && advertisesWindow(steps[i]!)) return steps[i]!.segment.window
  return undefined
}

/** A side's window scale is known only from its SYN (without it the window field is all there is). */
const scaleKnown = (steps: readonly Step[], side: Role): boolean => steps.some((s) => s.from === side && hasFlag(s, TCP_FLAG.SYN))

/** Whether (and where) the receiver's window held `sender` back. */
function throttling(input: LabInput, sender: Role): { lines: Msg[]; frames: number[] } {
  const steps = input.timeline.steps
  const receiver = otherRole(sender)
  const zero = steps.filter((s) => s.from === receiver && marked(s, VERDICT.ZERO_WINDOW, 'zero-window')).map((s) => s.frame)
  const full = steps.filter((s) => s.from === sender && marked(s, VERDICT.WINDOW_FULL, 'window-full')).map((s) => s.frame)
  const p = { who: role(sender), peer: role(receiver) }
  const lines: Msg[] = []
  if (zero.length > 0) {
    lines.push(m('lab.window.zero', { ...p, frames: frames([...zero]) }))
    const update = steps.find((s) => s.from === receiver && s.frame > zero[zero.length - 1]! && s.segment.window > 0 && advertisesWindow(s))
    if (update) lines.push(m('lab.window.reopened', { frame: frame(update.frame), window: update.segment.window }))
    if (update) zero.push(update.frame)
  }
  if (full.length > 0) lines.push(m('lab.window.full', { ...p, frames: frames(full) }))
  if (lines.length > 0) return { lines, frames: [...zero, ...full] }
  if (!scaleKnown(steps, receiver)) return { lines: [], frames: [] }
  return notThrottled(input, sender)
}

function notThrottled(input: LabInput, sender: Role): { lines: Msg[]; frames: number[] } {
  const steps = input.timeline.steps
  let most: { index: number; inFlight: number } | undefined
  steps.forEach((s, index) => {
    const inFlight = input.frames.get(s.frame)?.bytesInFlight ?? 0
    if (s.from === sender && carriesData(s) && (!most || inFlight > most.inFlight)) most = { index, inFlight }
  })
  if (!most) return { lines: [], frames: [] }
  const step = steps[most.index]!
  const window = windowBefore(steps, most.index, otherRole(sender))
  const p = { who: role(sender), peer: role(otherRole(sender)), inFlight: most.inFlight, frame: frame(step.frame) }
  if (window === undefined) return { lines: [m('lab.window.unknown', p)], frames: [step.frame] }
  if (most.inFlight >= window) return { lines: [m('lab.window.reached', { ...p, window })], frames: [step.frame] }
  return { lines: [m('lab.window.notThrottled', { ...p, window })], frames: [step.frame] }
}

export function windowAnswer(input: LabInput): AnswerDraft {
  const steps = input.timeline.steps
  const [sender, receiver] = rolesByData(steps)
  const lines: Msg[] = []
  const used: number[] = []
  for (const side of [receiver, sender]) {
    const min = smallestWindow(steps, side)
    if (!min) continue
    lines.push(minimumLine(min))
    used.push(min.frame)
  }
  const senders = ([sender, receiver] as Role[]).filter((r) => steps.some((s) => s.from === r && carriesData(s)))
  if (senders.length === 0) lines.push(m('lab.window.noData'))
  if (input.timeline.open === 'not-captured') lines.push(m('lab.window.scaleUnknown'))
  for (const side of senders) {
    const t = throttling(input, side)
    lines.push(...t.lines)
    used.push(...t.frames)
  }
  if (lines.length === 0) lines.push(m('lab.window.none'))
  return { id: 'min-window', question: m('lab.q.min-window'), lines, frames: used }
}

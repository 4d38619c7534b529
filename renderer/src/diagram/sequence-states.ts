// The state boxes beside each lifeline, and the TIME-WAIT bars. A state appears when the segment
// that causes it is sent (the sender's change) or arrives (the receiver's); a state entered because
// the peer's earlier SYN or FIN crossed ours appears where that segment arrives. Boxes sit outside
// the lifelines (so they never cover an arrow's label) and stack when they come close.
import type { NarrativeStep, RoleName, StateChangeDto } from '../../../preload/contract/api'
import { initialStateY, type SequenceColumns } from './sequence-metrics'
import type { RowPlacement } from './sequence-rows'
import { crossedStep } from './sequence-time'
import type { Reveal, SequenceMetrics, SequenceStateBox, SequenceTimeWait } from './sequence-types'

export interface StateContext {
  steps: readonly NarrativeStep[]
  rows: RowPlacement
  columns: SequenceColumns
  metrics: SequenceMetrics
  indexOf: Map<number, number>
}

/** Linux waits 60 s in TIME-WAIT; RFC 9293's MSL is 2 minutes. */
const LINUX_TIME_WAIT = 60
const RFC_MSL = 120
const TIME_WAIT_ROWS = 5

const CROSSING_REASONS = new Set(['syns-crossed', 'fins-crossed'])

/** Where on its lifeline a change happens (y), and when it appears in playback. */
export function changePlace(ctx: StateContext, index: number, change: StateChangeDto): { y: number; reveal: Reveal } {
  const step = ctx.steps[index]!
  if (change.reason === 'mid-stream') return { y: ctx.rows.yDepart[index]!, reveal: { index, at: 'departure' } }
  if (CROSSING_REASONS.has(change.reason)) {
    const crossed = crossedStep(step, ctx.indexOf)
    if (crossed >= 0) return { y: ctx.rows.yArrive[crossed]!, reveal: { index, at: 'arrival' } }
  }
  return change.role === step.from ? { y: ctx.rows.yDepart[index]!, reveal: { index, at: 'departure' } } : { y: ctx.rows.yArrive[index]!, reveal: { index, at: 'arrival' } }
}

function boxAt(ctx: StateContext, role: RoleName, state: SequenceStateBox['state'], reason: string, y: number, reveal: Reveal): SequenceStateBox {
  const m = ctx.metrics
  const { width, height } = m.stateBox
  const anchorX = role === 'client' ? ctx.columns.clientX : ctx.columns.serverX
  const gap = 0.5 * m.rem
  const x = role === 'client' ? anchorX - gap - width / 2 : anchorX + gap + width / 2
  return { role, state, reason, x, y, anchorX, anchorY: y, width, height, reveal }
}

/** Every state box: both sides' states before the first step, then one per change. */
export function placeStates(ctx: StateContext): SequenceStateBox[] {
  const boxes: SequenceStateBox[] = []
  const first = ctx.steps[0]
  if (first) {
    const y = initialStateY(ctx.metrics)
    boxes.push(boxAt(ctx, 'client', first.before.client, '', y, { index: -1, at: 'start' }))
    boxes.push(boxAt(ctx, 'server', first.before.server, '', y, { index: -1, at: 'start' }))
  }
  ctx.steps.forEach((step, index) => {
    for (const change of step.changes) {
      const place = changePlace(ctx, index, change)
      boxes.push(boxAt(ctx, change.role, change.to, change.reason, place.y, place.reveal))
    }
  })
  stack(boxes.filter((b) => b.role === 'client'), ctx.metrics)
  stack(boxes.filter((b) => b.role === 'server'), ctx.metrics)
  return boxes
}

/** Moves boxes down so that none covers the one above it on the same lifeline. */
function stack(boxes: SequenceStateBox[], m: SequenceMetrics): void {
  boxes.sort((a, b) => a.anchorY - b.anchorY)
  let floor = -Infinity
  for (const box of boxes) {
    box.y = Math.max(box.anchorY, floor + box.height / 2)
    floor = box.y + box.height / 2 + 0.25 * m.rem
  }
}

/** The lowest event on a lifeline: its y and the step (and kind) that puts it there. */
function lastEventOn(ctx: StateContext, role: RoleName): { y: number; reveal: Reveal } {
  let y = -Infinity
  let index = -1
  for (let i = 0; i < ctx.steps.length; i++) {
    const at = ctx.steps[i]!.from === role ? ctx.rows.yDepart[i]! : ctx.rows.yArrive[i]!
    if (at >= y) {
      y = at
      index = i
    }
  }
  if (index < 0) return { y, reveal: { index, at: 'start' } }
  return { y, reveal: { index, at: ctx.steps[index]!.from === role ? 'departure' : 'arrival' } }
}

/** The values of the first 'time-wait' note (Linux's wait and RFC 9293's MSL). */
function timeWaitNote(steps: readonly NarrativeStep[]): Record<string, unknown> | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const mark = steps[i]!.marks.find((m) => m.code === 'time-wait')
    if (mark) return mark.values
  }
  return undefined
}

/** A bar below the last event of each side that entered TIME-WAIT (2MSL; not drawn to time scale). */
export function placeTimeWaits(ctx: StateContext, boxes: readonly SequenceStateBox[]): SequenceTimeWait[] {
  const m = ctx.metrics
  const bars: SequenceTimeWait[] = []
  for (const role of ['client', 'server'] as const) {
    const entered = boxes.filter((b) => b.role === role && b.state === 'TIME-WAIT').at(-1)
    if (!entered) continue
    const last = lastEventOn(ctx, role)
    const y1 = Math.max(last.y + 0.6 * m.row, entered.y + entered.height / 2 + 0.3 * m.rem)
    const reveal = last.reveal.index >= entered.reveal.index ? last.reveal : entered.reveal
    const note = timeWaitNote(ctx.steps)
    const linux = note?.['linux']
    const msl = note?.['rfcMsl']
    bars.push({
      role,
      x: role === 'client' ? ctx.columns.clientX : ctx.columns.serverX,
      y1,
      y2: y1 + TIME_WAIT_ROWS * m.row,
      linuxSeconds: typeof linux === 'number' ? linux : LINUX_TIME_WAIT,
      rfcSeconds: 2 * (typeof msl === 'number' ? msl : RFC_MSL),
      reveal,
    })
  }
  return bars
}

// One arrow per drawn step: from the sender's lifeline at its departure to the receiver's at its
// arrival, with its numbers (relative and raw), its classes (what it is, for the colours), where
// its label goes, a SYN retry's backoff, and the connectors from originals to retransmissions.
import type { NarrativeStep, RoleName } from '../../../preload/contract/api'
import type { SequenceColumns } from './sequence-metrics'
import type { RowPlacement } from './sequence-rows'
import type { SegmentTimes } from './sequence-time'
import type { ArrowClass, SequenceArrow, SequenceLink, SequenceMetrics } from './sequence-types'

const ACK_FLAG = 0x10

export interface ArrowContext {
  steps: readonly NarrativeStep[]
  times: SegmentTimes
  rows: RowPlacement
  columns: SequenceColumns
  metrics: SequenceMetrics
  indexOf: Map<number, number>
  /** For each step: its index in the collapsed runs' blocks (−1: drawn as an arrow). */
  blockOfStep: Int32Array
}

const PHASE_CLASS: Record<NarrativeStep['phase'], ArrowClass> = { open: 'handshake', data: 'data', close: 'teardown', abort: 'abort' }

/** Classes by step kind (beyond the phase's). */
const KIND_CLASSES: Record<string, ArrowClass[]> = {
  ack: ['ack'],
  refusal: ['refused', 'abort'],
  'syn-retry': ['syn-retry'],
  'syn-ack-retry': ['retransmission'],
  'fin-retry': ['retransmission'],
  'keep-alive': ['keep-alive'],
  'keep-alive-ack': ['keep-alive'],
  'window-probe': ['window'],
  'window-update': ['window'],
  'rst-after-close': ['rst-in-flight'],
  'handshake-ack-data': ['data-on-third'],
}

/** Classes by note code. */
const MARK_CLASSES: Record<string, ArrowClass> = {
  retransmission: 'retransmission',
  'fast-retransmission': 'retransmission',
  'spurious-retransmission': 'retransmission',
  'zero-window': 'window',
  'window-full': 'window',
  'duplicate-ack': 'duplicate-ack',
  crossed: 'crossed',
  'half-close': 'half-close',
  'rst-in-flight': 'rst-in-flight',
  'tfo-cookie-request': 'fast-open',
  'tfo-cookie': 'fast-open',
  'tfo-data-accepted': 'fast-open',
  'tfo-data-ignored': 'fast-open',
  'data-on-third': 'data-on-third',
}

/** What an arrow is, for its colour and dashes. */
export function arrowClasses(step: NarrativeStep): ArrowClass[] {
  const classes: ArrowClass[] = [PHASE_CLASS[step.phase]]
  const byKind = KIND_CLASSES[step.kind]
  if (byKind) for (const name of byKind) if (!classes.includes(name)) classes.push(name)
  for (const mark of step.marks) {
    const name = MARK_CLASSES[mark.code]
    if (name !== undefined && !classes.includes(name)) classes.push(name)
  }
  return classes
}

const lifelineX = (columns: SequenceColumns, role: RoleName): number => (role === 'client' ? columns.clientX : columns.serverX)
const inward = (role: RoleName): number => (role === 'client' ? 1 : -1)

export function makeArrows(ctx: ArrowContext): { arrows: SequenceArrow[]; arrowOfStep: Int32Array } {
  const arrows: SequenceArrow[] = []
  const arrowOfStep = new Int32Array(ctx.steps.length).fill(-1)
  ctx.steps.forEach((step, index) => {
    if (ctx.blockOfStep[index]! >= 0) return
    arrowOfStep[index] = arrows.length
    arrows.push(makeArrow(ctx, step, index))
  })
  placeLabels(arrows, ctx.metrics)
  for (const arrow of arrows) addBackoff(ctx, arrow, arrowOfStep, arrows)
  return { arrows, arrowOfStep }
}

function makeArrow(ctx: ArrowContext, step: NarrativeStep, index: number): SequenceArrow {
  const to: RoleName = step.from === 'client' ? 'server' : 'client'
  const x1 = lifelineX(ctx.columns, step.from)
  const x2 = lifelineX(ctx.columns, to)
  const y1 = ctx.rows.yDepart[index]!
  const y2 = ctx.rows.yArrive[index]!
  const seg = step.segment
  const arrow: SequenceArrow = {
    index,
    frame: step.frame,
    from: step.from,
    to,
    x1,
    y1,
    x2,
    y2,
    depart: ctx.times.depart[index]!,
    arrive: ctx.times.arrive[index]!,
    time: step.time,
    label: step.label,
    kind: step.kind,
    flags: seg.flagNames,
    numbers: { relative: seg.relative, seq: seg.seq, ack: seg.ack, rawSeq: seg.rawSeq, rawAck: seg.rawAck, length: seg.length, hasAck: (seg.flags & ACK_FLAG) !== 0 },
    steps: step.step,
    classes: arrowClasses(step),
    labelX: (x1 + x2) / 2,
    labelY: (y1 + y2) / 2,
    labelAnchor: 'middle',
    seqFromIndex: step.seqFrom === undefined ? -1 : (ctx.indexOf.get(step.seqFrom) ?? -1),
    ackOfIndex: step.ackOf === undefined ? -1 : (ctx.indexOf.get(step.ackOf) ?? -1),
    payload: step.payload || undefined,
  }
  return arrow
}

/** The point of an arrow at `fraction` of the way from its sender. */
export function pointAlong(arrow: Pick<SequenceArrow, 'x1' | 'y1' | 'x2' | 'y2'>, fraction: number): { x: number; y: number } {
  return { x: arrow.x1 + (arrow.x2 - arrow.x1) * fraction, y: arrow.y1 + (arrow.y2 - arrow.y1) * fraction }
}

/**
 * Labels go at the middle of their arrow; where two arrows going opposite ways have their middles
 * within a label's height (they cross, or fly at once), both labels move next to their senders.
 */
function placeLabels(arrows: SequenceArrow[], m: SequenceMetrics): void {
  const middles = new Float64Array(arrows.length)
  const byMiddle = new Uint32Array(arrows.length)
  for (let i = 0; i < arrows.length; i++) {
    middles[i] = arrows[i]!.labelY
    byMiddle[i] = i
  }
  byMiddle.sort((a, b) => middles[a]! - middles[b]!)
  const crowded = new Uint8Array(arrows.length)
  const reach = 0.9 * m.row
  for (let k = 0; k < byMiddle.length; k++) {
    const a = arrows[byMiddle[k]!]!
    for (let j = k + 1; j < byMiddle.length; j++) {
      const b = arrows[byMiddle[j]!]!
      if (b.labelY - a.labelY >= reach) break
      if (b.from !== a.from) crowded[byMiddle[k]!] = crowded[byMiddle[j]!] = 1
    }
  }
  arrows.forEach((arrow, i) => {
    if (!crowded[i]) return
    const offset = 1.2 * m.rem
    const point = pointAlong(arrow, offset / Math.abs(arrow.x2 - arrow.x1))
    arrow.labelX = point.x
    arrow.labelY = point.y
    arrow.labelAnchor = arrow.from === 'client' ? 'start' : 'end'
  })
}

/** A SYN retry's gap since the previous attempt, as a dimension outside the sender's lifeline. */
function addBackoff(ctx: ArrowContext, arrow: SequenceArrow, arrowOfStep: Int32Array, arrows: SequenceArrow[]): void {
  const mark = ctx.steps[arrow.index]!.marks.find((m) => m.code === 'syn-retry')
  const gap = mark?.values?.['gap']
  const previous = mark?.frames[0] === undefined ? -1 : (ctx.indexOf.get(mark.frames[0]) ?? -1)
  if (typeof gap !== 'number' || previous < 0 || arrowOfStep[previous]! < 0) return
  const before = arrows[arrowOfStep[previous]!]!
  arrow.backoff = { seconds: gap, x: arrow.x1 - inward(arrow.from) * 0.9 * ctx.metrics.rem, y1: before.y1, y2: arrow.y1 }
}

/** The step a retransmission (or a retried SYN or SYN-ACK) repeats, or −1. */
export function originalOf(step: NarrativeStep, indexOf: Map<number, number>): number {
  for (const mark of step.marks) {
    const frame =
      mark.code === 'fast-retransmission'
        ? mark.values?.['original']
        : ['retransmission', 'spurious-retransmission', 'syn-retry', 'synack-retry'].includes(mark.code)
          ? mark.frames[0]
          : undefined
    if (typeof frame !== 'number' || frame <= 0) continue
    const index = indexOf.get(frame)
    if (index !== undefined) return index
  }
  return -1
}

/** Thin curves from each original's arrow to its retransmission's, bulging into the diagram. */
export function makeLinks(ctx: ArrowContext, arrows: readonly SequenceArrow[], arrowOfStep: Int32Array): SequenceLink[] {
  const links: SequenceLink[] = []
  for (const arrow of arrows) {
    const original = originalOf(ctx.steps[arrow.index]!, ctx.indexOf)
    if (original < 0 || arrowOfStep[original]! < 0) continue
    const from = pointAlong(arrows[arrowOfStep[original]!]!, 0.2)
    const to = pointAlong(arrow, 0.2)
    links.push({
      fromIndex: original,
      toIndex: arrow.index,
      x1: from.x,
      y1: from.y,
      x2: to.x,
      y2: to.y,
      cx: (arrow.from === 'client' ? Math.max(from.x, to.x) : Math.min(from.x, to.x)) + inward(arrow.from) * 3 * ctx.metrics.rem,
      cy: (from.y + to.y) / 2,
    })
  }
  return links
}

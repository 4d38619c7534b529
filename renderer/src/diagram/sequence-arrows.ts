// One arrow per drawn step: from the sender's lifeline at its departure to the receiver's at its
// arrival, with its numbers (relative and raw), its classes (what it is, for the colours), where
// its label goes, a SYN retry's backoff, and the connectors from originals to retransmissions.
import type { NarrativeStep, RoleName } from '../../../preload/contract/api'
import type { SequenceColumns } from './sequence-metrics'
import type { RowPlacement } from './sequence-rows'
import { headText, numbersText, textWidth } from './sequence-text'
import { ARROW_TAGS, type ArrowClass, type SequenceArrow, type SequenceLink, type SequenceMetrics } from './sequence-types'
import { roundTime, type SegmentTimes } from './sequence-time'

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
  const classes = arrowClasses(step)
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
    classes,
    tag: ARROW_TAGS.find((tag) => classes.includes(tag)),
    labelX: (x1 + x2) / 2,
    labelY: (y1 + y2) / 2,
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

/** Where along its arrow a label may go, in order of preference. */
const LABEL_FRACTIONS = [0.5, 0.36, 0.64, 0.24, 0.76, 0.14, 0.86]
/** How many earlier labels a label is checked against (they are placed from top to bottom). */
const LABEL_NEIGHBOURS = 12
/**
 * Above this many arrows (an expanded bulk transfer, with dozens of segments in flight at once)
 * labels stay at the middle: no placement would keep them apart, and the search would cost.
 */
export const LABEL_SEARCH_UP_TO = 2000

interface Point {
  x: number
  y: number
}

/** A label's area: the four corners of a rectangle laid along its arrow (clockwise from top left). */
export type LabelArea = [Point, Point, Point, Point]

/** The area a label covers: two lines above the arrow, laid along it, centred at `at`. */
function labelArea(arrow: SequenceArrow, at: Point, width: number, m: SequenceMetrics): LabelArea {
  const angle = Math.atan2(arrow.x1 <= arrow.x2 ? arrow.y2 - arrow.y1 : arrow.y1 - arrow.y2, Math.abs(arrow.x2 - arrow.x1))
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)]
  const corner = (dx: number, dy: number): Point => ({ x: at.x + dx * cos - dy * sin, y: at.y + dx * sin + dy * cos })
  const [top, bottom] = [-2.5 * m.rem, -0.1 * m.rem]
  return [corner(-width / 2, top), corner(width / 2, top), corner(width / 2, bottom), corner(-width / 2, bottom)]
}

/** The extent of an area's projection on an axis. */
function projection(area: LabelArea, ax: number, ay: number): [number, number] {
  let min = Infinity
  let max = -Infinity
  for (const p of area) {
    const d = p.x * ax + p.y * ay
    if (d < min) min = d
    if (d > max) max = d
  }
  return [min, max]
}

/** Whether two label areas overlap (separating axis test over both rectangles' edges). */
export function labelsOverlap(a: LabelArea, b: LabelArea): boolean {
  for (const rect of [a, b]) {
    for (let i = 0; i < 2; i++) {
      const ax = rect[i + 1]!.y - rect[i]!.y
      const ay = rect[i]!.x - rect[i + 1]!.x
      const [aMin, aMax] = projection(a, ax, ay)
      const [bMin, bMax] = projection(b, ax, ay)
      if (aMax <= bMin || bMax <= aMin) return false
    }
  }
  return true
}

/** Room for the word a tag adds to the first line ("· keep-alive", "· 重传"). */
const TAG_ROOM = 15

/** About how wide an arrow's label is (its longer line, relative numbers). */
const labelWidth = (arrow: SequenceArrow, m: SequenceMetrics): number =>
  Math.max(textWidth(headText(arrow)) + (arrow.tag ? TAG_ROOM : 0), textWidth(numbersText(arrow.numbers, 'relative'))) * 0.6 * m.rem

/** The area an arrow's label covers where the layout put it. */
export const labelAreaOf = (arrow: SequenceArrow, m: SequenceMetrics): LabelArea => labelArea(arrow, { x: arrow.labelX, y: arrow.labelY }, labelWidth(arrow, m), m)

/**
 * Each label goes where it covers no earlier one: the middle of its arrow if free, else the
 * nearest free place along it (never over a lifeline), else where it covers fewest.
 */
function placeLabels(arrows: SequenceArrow[], m: SequenceMetrics): void {
  if (arrows.length > LABEL_SEARCH_UP_TO) return
  const byMiddle = new Uint32Array(arrows.length)
  for (let i = 0; i < arrows.length; i++) byMiddle[i] = i
  byMiddle.sort((a, b) => arrows[a]!.labelY - arrows[b]!.labelY)
  const placed: Array<{ area: LabelArea; top: number; bottom: number }> = []
  for (const i of byMiddle) {
    const arrow = arrows[i]!
    const width = labelWidth(arrow, m)
    const margin = (width / 2 + 0.5 * m.rem) / Math.abs(arrow.x2 - arrow.x1)
    let best: { at: Point; area: LabelArea; covers: number } | null = null
    for (const fraction of LABEL_FRACTIONS) {
      if (fraction < margin || fraction > 1 - margin) continue
      const at = pointAlong(arrow, fraction)
      const area = labelArea(arrow, at, width, m)
      let covers = 0
      const [top, bottom] = projection(area, 0, 1)
      for (let k = placed.length - 1; k >= 0 && k >= placed.length - LABEL_NEIGHBOURS; k--) {
        const other = placed[k]!
        if (other.bottom > top && other.top < bottom && labelsOverlap(area, other.area)) covers++
      }
      if (!best || covers < best.covers) best = { at, area, covers }
      if (covers === 0) break
    }
    const at = best?.at ?? pointAlong(arrow, 0.5)
    arrow.labelX = at.x
    arrow.labelY = at.y
    const area = best?.area ?? labelArea(arrow, at, width, m)
    const [top, bottom] = projection(area, 0, 1)
    placed.push({ area, top, bottom })
  }
}

/** Segments sent again because a timer ran out (not a fast retransmission): their gaps show the backoff. */
const TIMED_REPEATS = new Set(['syn-retry', 'syn-ack-retry', 'fin-retry'])

function isTimedRepeat(step: NarrativeStep): boolean {
  return TIMED_REPEATS.has(step.kind) || step.marks.some((m) => m.code === 'retransmission' || m.code === 'syn-retry')
}

/** The sender's latest earlier copy of a step's segment (same seq, length and flags), or −1. */
function previousCopy(steps: readonly NarrativeStep[], index: number): number {
  const step = steps[index]!
  const s = step.segment
  for (let i = index - 1; i >= 0; i--) {
    const other = steps[i]!
    if (other.from === step.from && other.segment.seq === s.seq && other.segment.length === s.length && other.segment.flags === s.flags) return i
  }
  return -1
}

/**
 * A segment sent again after a timeout (a SYN retry, a data or FIN retransmission): its gap since
 * the copy before it, as a dimension outside the sender's lifeline. The gaps double as the
 * retransmission timer backs off.
 */
function addBackoff(ctx: ArrowContext, arrow: SequenceArrow, arrowOfStep: Int32Array, arrows: SequenceArrow[]): void {
  const step = ctx.steps[arrow.index]!
  if (!isTimedRepeat(step)) return
  const previous = previousCopy(ctx.steps, arrow.index)
  if (previous < 0 || arrowOfStep[previous]! < 0) return
  const before = arrows[arrowOfStep[previous]!]!
  arrow.backoff = { seconds: roundTime(step.time - ctx.steps[previous]!.time), x: arrow.x1 - inward(arrow.from) * 0.9 * ctx.metrics.rem, y1: before.y1, y2: arrow.y1 }
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

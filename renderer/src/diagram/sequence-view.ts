// What the diagram shows at a moment, as arithmetic the component calls: which marks playback has
// revealed, which arrows are in the scrolled window, where the travelling segment is, and the
// shapes of arrowheads and labels.
import type { Reveal, SequenceArrow, SequenceLayout } from './sequence-types'

/** Playback: steps after `revealed` are not drawn; the step at `revealed` has travelled `travel` (0 … 1). */
export interface PlaybackPoint {
  revealed: number
  travel: number
}

/** A mark is shown once its step is revealed, and (for what an arrival causes) once the segment has arrived. */
export function isRevealed(reveal: Reveal, at: PlaybackPoint): boolean {
  if (reveal.index < at.revealed) return true
  if (reveal.index > at.revealed) return false
  return reveal.at !== 'arrival' || at.travel >= 1
}

/** Above this many arrows, only those in the scrolled window are drawn. */
export const WINDOW_ABOVE = 400

/** The arrows to draw: revealed ones, and (for a long diagram) those crossing [top, bottom]. */
export function arrowsToDraw(arrows: readonly SequenceArrow[], revealed: number, top: number, bottom: number): SequenceArrow[] {
  const windowed = arrows.length > WINDOW_ABOVE
  const out: SequenceArrow[] = []
  for (const arrow of arrows) {
    if (arrow.index > revealed) continue
    if (windowed && (Math.max(arrow.y1, arrow.y2) < top || Math.min(arrow.y1, arrow.y2) > bottom)) continue
    out.push(arrow)
  }
  return out
}

/** The travelling segment's position along its arrow. */
export function travelPoint(arrow: Pick<SequenceArrow, 'x1' | 'y1' | 'x2' | 'y2'>, travel: number): { x: number; y: number } {
  const t = Math.min(1, Math.max(0, travel))
  return { x: arrow.x1 + (arrow.x2 - arrow.x1) * t, y: arrow.y1 + (arrow.y2 - arrow.y1) * t }
}

/** An arrowhead at (x2, y2) pointing along the arrow, as polygon points. */
export function arrowHeadPoints(arrow: Pick<SequenceArrow, 'x1' | 'y1' | 'x2' | 'y2'>, size: number): string {
  const angle = Math.atan2(arrow.y2 - arrow.y1, arrow.x2 - arrow.x1)
  const spread = 0.42
  const a = { x: arrow.x2 - size * Math.cos(angle - spread), y: arrow.y2 - size * Math.sin(angle - spread) }
  const b = { x: arrow.x2 - size * Math.cos(angle + spread), y: arrow.y2 - size * Math.sin(angle + spread) }
  return `${arrow.x2},${arrow.y2} ${a.x.toFixed(2)},${a.y.toFixed(2)} ${b.x.toFixed(2)},${b.y.toFixed(2)}`
}

/** The angle (degrees) that lays a label along its arrow, read left to right. */
export function labelAngle(arrow: Pick<SequenceArrow, 'x1' | 'y1' | 'x2' | 'y2'>): number {
  const [left, right] = arrow.x1 <= arrow.x2 ? [{ x: arrow.x1, y: arrow.y1 }, { x: arrow.x2, y: arrow.y2 }] : [{ x: arrow.x2, y: arrow.y2 }, { x: arrow.x1, y: arrow.y1 }]
  return (Math.atan2(right.y - left.y, right.x - left.x) * 180) / Math.PI
}

/** How far down playback has drawn: the lowest point of the revealed arrows (the top when none). */
export function revealedBottom(layout: Pick<SequenceLayout, 'arrows' | 'blocks'>, revealed: number, top: number): number {
  let bottom = top
  for (const arrow of layout.arrows) if (arrow.index <= revealed) bottom = Math.max(bottom, arrow.y2)
  for (const block of layout.blocks) if (block.collapsed && block.firstIndex <= revealed) bottom = Math.max(bottom, block.y2)
  return bottom
}

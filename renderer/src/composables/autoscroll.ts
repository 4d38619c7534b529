// The packet list's autoscroll while capturing, as arithmetic (as Wireshark: on by default, it
// keeps the newest packet in view; a scroll up by the user turns it off).
import { maxScrollTop, type ScrollGeometry } from './virtual-scroll'

/** True when the viewport shows the last row (within half a row). */
export function isAtBottom(geometry: ScrollGeometry, scrollTop: number): boolean {
  return scrollTop >= maxScrollTop(geometry) - geometry.rowHeight / 2
}

/**
 * The autoscroll switch after a scroll by the user from `before` to `after`: a move up that
 * leaves the bottom turns it off; anything else leaves it as it was (turning it on is the toggle's).
 */
export function autoscrollAfterScroll(on: boolean, before: number, after: number, geometry: ScrollGeometry): boolean {
  if (!on) return false
  return !(after < before && !isAtBottom(geometry, after))
}

/** Where the list scrolls to show the newest packet. */
export function newestScrollTop(geometry: ScrollGeometry): number {
  return maxScrollTop(geometry)
}

// The packet list's windowing, as arithmetic: which rows are in view for a scroll position, and
// which scroll position shows a row. Browsers cap an element's height (Chromium at about 33.5 M
// px), so past MAX_SCROLL_HEIGHT the spacer is capped and the scroll position maps
// proportionally to the first row: the scrollbar stays usable and the last row reachable.

export const MAX_SCROLL_HEIGHT = 10_000_000

export interface ScrollGeometry {
  /** Rows in the view. */
  count: number
  rowHeight: number
  /** Height of the scrolling viewport (px). */
  viewportHeight: number
}

export interface RowWindow {
  /** First row (partly) visible. */
  first: number
  /** Rows to render from `first` (the visible ones and one partly shown). */
  rendered: number
  /** Where the first rendered row is drawn, relative to the spacer's top (px). */
  top: number
}

/** Rows that fit entirely in the viewport (at least 1). */
export function fullRows(geometry: ScrollGeometry): number {
  return Math.max(1, Math.floor(geometry.viewportHeight / geometry.rowHeight))
}

/** Height of the element that makes the scrollbar. */
export function spacerHeight(geometry: ScrollGeometry): number {
  return Math.min(geometry.count * geometry.rowHeight, MAX_SCROLL_HEIGHT)
}

export function isScaled(geometry: ScrollGeometry): boolean {
  return geometry.count * geometry.rowHeight > MAX_SCROLL_HEIGHT
}

/** The largest scrollTop the browser allows. */
export function maxScrollTop(geometry: ScrollGeometry): number {
  return Math.max(0, spacerHeight(geometry) - geometry.viewportHeight)
}

/** The first row a list can start at and still be full: count − visible rows. */
export function lastFirstRow(geometry: ScrollGeometry): number {
  return Math.max(0, geometry.count - fullRows(geometry))
}

/** The rows to draw for a scroll position. */
export function rowWindow(geometry: ScrollGeometry, scrollTop: number): RowWindow {
  const { count, rowHeight } = geometry
  if (count === 0) return { first: 0, rendered: 0, top: 0 }
  const max = maxScrollTop(geometry)
  const clamped = Math.min(Math.max(0, scrollTop), max)
  const visible = Math.ceil(geometry.viewportHeight / rowHeight) + 1
  if (!isScaled(geometry)) {
    const first = Math.min(Math.floor(clamped / rowHeight), count - 1)
    return { first, rendered: Math.min(visible, count - first), top: first * rowHeight }
  }
  // Scaled: the rows snap to whole rows, drawn where the viewport is.
  const first = max === 0 ? 0 : Math.round((clamped / max) * lastFirstRow(geometry))
  return { first, rendered: Math.min(visible, count - first), top: clamped }
}

/** The scrollTop at which `first` is the first row shown. */
export function scrollTopForFirst(geometry: ScrollGeometry, first: number): number {
  const target = Math.min(Math.max(0, first), lastFirstRow(geometry))
  if (!isScaled(geometry)) return Math.min(target * geometry.rowHeight, maxScrollTop(geometry))
  const last = lastFirstRow(geometry)
  return last === 0 ? 0 : (target / last) * maxScrollTop(geometry)
}

/**
 * The scrollTop that brings `row` fully into view with the least movement (the current one when
 * it is already in view).
 */
export function scrollTopToReveal(geometry: ScrollGeometry, scrollTop: number, row: number): number {
  const { first } = rowWindow(geometry, scrollTop)
  const shown = fullRows(geometry)
  if (!isScaled(geometry)) {
    const rowTop = row * geometry.rowHeight
    if (rowTop < scrollTop) return rowTop
    if (rowTop + geometry.rowHeight > scrollTop + geometry.viewportHeight) return rowTop + geometry.rowHeight - geometry.viewportHeight
    return scrollTop
  }
  if (row < first) return scrollTopForFirst(geometry, row)
  if (row >= first + shown) return scrollTopForFirst(geometry, row - shown + 1)
  return scrollTop
}

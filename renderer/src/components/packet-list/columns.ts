import type { ColumnId } from '../../../../preload/contract/api'

/** The list's columns in order, and their widths (the Info column takes the rest). */
export const COLUMNS: ReadonlyArray<{ id: ColumnId; width: string; align?: 'right' }> = [
  { id: 'no', width: '8ch', align: 'right' },
  { id: 'time', width: 'var(--time-width)', align: 'right' },
  { id: 'source', width: 'minmax(10ch, 18ch)' },
  { id: 'destination', width: 'minmax(10ch, 18ch)' },
  { id: 'protocol', width: '10ch' },
  { id: 'length', width: '8ch', align: 'right' },
  { id: 'info', width: 'minmax(20ch, 1fr)' },
]

export const GRID_TEMPLATE = COLUMNS.map((column) => column.width).join(' ')

/** Row height at font scale 1 (px); it grows with the font scale. */
export const BASE_ROW_HEIGHT = 20

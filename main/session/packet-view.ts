// The packet list's view: which frames it shows, in which order, as positions over the packet
// index, with no object per row. Three shapes:
//   every frame in capture order      no array at all; grows while the file loads
//   one TCP stream in capture order   the stream's frames (linked in TcpColumns); grows too
//   filtered or sorted                a Uint32Array of frames, made once (a snapshot: frames
//                                     read after it are not in it until the view is set again)
// Sorting by No., Time or Length reads the index's columns. Source, Destination, Protocol and
// Info need each row's text: the caller supplies it (see SessionCore), and ties keep capture order.
import type { ColumnId, ViewSpec } from '../../preload/contract/dto'
import { GrowingList, lowerBound } from './columns'
import { ROW_MARK, type PacketIndex } from './packet-index'
import type { TcpColumns } from './tcp-columns'

export interface PacketView {
  readonly spec: ViewSpec
  /** Rows in the view now. */
  count(): number
  /** The frame at a position (0 ≤ position < count()). */
  frameAt(position: number): number
  /** A frame's position, or −1 when the view does not show it. */
  positionOf(frame: number): number
}

/** Columns sorted from the index alone (no decoding). */
export const INDEX_COLUMNS: ReadonlySet<ColumnId> = new Set(['no', 'time', 'length'])

export class AllFrames implements PacketView {
  readonly spec: ViewSpec = {}

  constructor(private readonly index: PacketIndex) {}

  count(): number {
    return this.index.length
  }

  frameAt(position: number): number {
    return position + 1
  }

  positionOf(frame: number): number {
    return Number.isInteger(frame) && frame >= 1 && frame <= this.index.length ? frame - 1 : -1
  }
}

export class StreamFrames implements PacketView {
  private readonly frames = new GrowingList(new Uint32Array(0))

  constructor(
    readonly spec: ViewSpec & { stream: number },
    private readonly tcp: TcpColumns,
  ) {}

  count(): number {
    this.catchUp()
    return this.frames.length
  }

  frameAt(position: number): number {
    this.catchUp()
    return this.frames.at(position)
  }

  positionOf(frame: number): number {
    this.catchUp()
    const at = lowerBound(this.frames.view(), this.frames.length, frame)
    return at < this.frames.length && this.frames.at(at) === frame ? at : -1
  }

  /** Appends the stream's frames indexed since the last look. */
  private catchUp(): void {
    const known = this.frames.length ? this.frames.at(this.frames.length - 1) : 0
    if ((this.tcp.lastFrame[this.spec.stream] ?? 0) <= known) return
    const newer: number[] = []
    for (let f = this.tcp.lastFrame[this.spec.stream]!; f > known; f = this.tcp.previousInStream[f - 1]!) newer.push(f)
    for (let i = newer.length - 1; i >= 0; i--) this.frames.push(newer[i]!)
  }
}

/**
 * A fixed list of frames: a filter's result in capture order, or a sorted permutation (a
 * snapshot: frames read after it are not in it until the view is set again).
 */
export class ListedFrames implements PacketView {
  constructor(
    readonly spec: ViewSpec,
    private readonly frames: Uint32Array,
    /** In capture order (ascending), so a frame is found by binary search. */
    private readonly ascending: boolean,
  ) {}

  count(): number {
    return this.frames.length
  }

  frameAt(position: number): number {
    return this.frames[position]!
  }

  positionOf(frame: number): number {
    if (!this.ascending) return this.frames.indexOf(frame)
    const at = lowerBound(this.frames, this.frames.length, frame)
    return at < this.frames.length && this.frames[at] === frame ? at : -1
  }
}

/** Compares two frames by a column; text columns read `text` (indexed by frame − 1). */
export type FrameComparator = (a: number, b: number) => number

export function indexComparator(column: ColumnId, index: PacketIndex): FrameComparator {
  switch (column) {
    case 'length':
      return (a, b) => index.origLen[a - 1]! - index.origLen[b - 1]!
    case 'time': {
      // A record with no time sorts first (its time is empty).
      const timed = (f: number) => ((index.kind[f - 1]! & ROW_MARK.NO_TIMESTAMP) === 0 ? 1 : 0)
      return (a, b) => timed(a) - timed(b) || index.tsSec[a - 1]! - index.tsSec[b - 1]! || index.tsNsec[a - 1]! - index.tsNsec[b - 1]!
    }
    default:
      return () => 0
  }
}

export function textComparator(text: readonly string[]): FrameComparator {
  return (a, b) => {
    const x = text[a - 1]!
    const y = text[b - 1]!
    return x < y ? -1 : x > y ? 1 : 0
  }
}

/** The frames in column order (ties in capture order, whichever the direction). */
export function sortFrames(frames: Uint32Array, compare: FrameComparator, descending: boolean): Uint32Array {
  const sign = descending ? -1 : 1
  return frames.sort((a, b) => sign * compare(a, b) || a - b)
}

/** after + 1 … n (1 … n by default). */
export function allFrameNumbers(n: number, after = 0): Uint32Array {
  const frames = new Uint32Array(Math.max(0, n - after))
  for (let i = 0; i < frames.length; i++) frames[i] = after + i + 1
  return frames
}

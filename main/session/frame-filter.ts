// Running a display filter over a capture's frames in the session. Two passes:
//   1. every frame against the packet index (index-frame-fields.ts): most frames are decided
//      there, with no decode; a frame whose answer needs a field the index does not hold (or a
//      frame that is not a plain TCP segment) is set aside;
//   2. the frames set aside are decoded and tested on their field trees: one by one by file
//      offset when they are few, else by streaming the file again (scanDecoded), which is far
//      cheaper than millions of random reads.
// Both passes give way to other requests between batches, report their progress, and stop as
// soon as the caller no longer wants the result (a newer view, cancelWork, a close).
import { ApiFailure } from '../api/port'
import { decodedFrameFields } from '../filter'
import type { DisplayFilter } from '../filter/types'
import type { CaptureLoad } from './capture-load'
import { giveWay, scanDecoded } from './full-scan'
import { IndexFrameFields } from './index-frame-fields'

export interface FilterControl {
  /** False once the result is no longer wanted: the run stops with ApiFailure('cancelled'). */
  wanted(): boolean
  /** `done` of the `total` frames to test are decided so far (rises from 0 to total). */
  progress(done: number, total: number): void
}

/** Frames tested against the index between two looks at the message queue. */
const INDEX_BATCH = 1 << 17
/** Frames decoded one by one between two looks at the message queue. */
const DECODE_BATCH = 500
/** Set-aside frames above this many (and above 1/8 of the capture) are decoded by streaming the file. */
const STREAM_ABOVE = 20_000

/** The frames of `candidates` (ascending frame numbers) that `filter` selects, ascending. */
export async function filterFrames(load: CaptureLoad, filter: DisplayFilter, candidates: Uint32Array, control: FilterControl): Promise<Uint32Array> {
  const { selected, undecided } = await byIndex(load, filter, candidates, control)
  if (undecided.length === 0) return selected
  const decidedFirst = candidates.length - undecided.length
  const decided = await byDecoding(load, filter, undecided, { wanted: control.wanted, progress: (done) => control.progress(decidedFirst + done, candidates.length) })
  return mergeAscending(selected, decided)
}

/** Pass 1: what the index decides, and the frames it cannot. */
async function byIndex(load: CaptureLoad, filter: DisplayFilter, candidates: Uint32Array, control: FilterControl): Promise<{ selected: Uint32Array; undecided: Uint32Array }> {
  const fields = new IndexFrameFields(load.indexer)
  const selected = new Uint32Array(candidates.length)
  const undecided = new Uint32Array(candidates.length)
  let kept = 0
  let setAside = 0
  for (let start = 0; start < candidates.length; start += INDEX_BATCH) {
    const end = Math.min(candidates.length, start + INDEX_BATCH)
    for (let i = start; i < end; i++) {
      const frame = candidates[i]!
      fields.row = frame - 1
      fields.missed = false
      const passes = filter.matches(fields)
      if (fields.missed) undecided[setAside++] = frame
      else if (passes) selected[kept++] = frame
    }
    if (end < candidates.length) {
      await stillWanted(control)
      control.progress(end - setAside, candidates.length)
    }
  }
  return { selected: selected.subarray(0, kept), undecided: undecided.subarray(0, setAside) }
}

/** Pass 2: the set-aside frames decoded and tested on their field trees. */
async function byDecoding(load: CaptureLoad, filter: DisplayFilter, frames: Uint32Array, control: FilterControl): Promise<Uint32Array> {
  const selected = new Uint32Array(frames.length)
  let kept = 0
  control.progress(0, frames.length)
  if (frames.length > STREAM_ABOVE && frames.length > load.packets / 8) {
    // Streamed: every frame up to the last one set aside is decoded in order; only those are tested.
    const last = frames[frames.length - 1]!
    let next = 0
    await scanDecoded(
      load.path,
      last,
      (decoded) => {
        if (decoded.raw.no !== frames[next]) return
        next++
        if (filter.matches(decodedFrameFields(decoded))) selected[kept++] = decoded.raw.no
      },
      control.wanted,
      () => control.progress(next, frames.length),
    )
    return selected.subarray(0, kept)
  }
  for (let start = 0; start < frames.length; start += DECODE_BATCH) {
    const batch = [...frames.subarray(start, start + DECODE_BATCH)]
    for (const decoded of await load.decoder.decodeMany(batch)) {
      if (filter.matches(decodedFrameFields(decoded))) selected[kept++] = decoded.raw.no
    }
    await stillWanted(control)
    control.progress(Math.min(frames.length, start + DECODE_BATCH), frames.length)
  }
  return selected.subarray(0, kept)
}

async function stillWanted(control: FilterControl): Promise<void> {
  await giveWay()
  if (!control.wanted()) throw new ApiFailure('cancelled', 'the filter was cancelled (another view replaced it, or the capture was closed)')
}

/** Two ascending lists of distinct frames as one ascending list. */
export function mergeAscending(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) out[k++] = a[i]! < b[j]! ? a[i++]! : b[j++]!
  while (i < a.length) out[k++] = a[i++]!
  while (j < b.length) out[k++] = b[j++]!
  return out
}

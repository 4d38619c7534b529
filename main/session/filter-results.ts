// The last display filter's result, kept so that asking for the same view again (the packet list
// does, while a file is still loading) tests only the frames read since, not the whole capture.
// A frame's verdict never changes once it is read: the filter sees only that frame and the
// analysis of the frames before it.
import { compileFilter } from '../filter'
import type { DisplayFilter } from '../filter/types'
import { ApiFailure } from '../api/port'
import type { CaptureLoad } from './capture-load'
import { filterFrames, mergeAscending, type FilterControl } from './frame-filter'

interface Kept {
  load: CaptureLoad
  key: string
  /** Frames 1 … upTo were tested. */
  upTo: number
  frames: Uint32Array
}

export class FilterResults {
  private kept?: Kept

  /**
   * The frames of `load` the filter `text` selects, within `stream` when given. `candidates(after)`
   * lists the frames to consider that come after frame `after`, ascending.
   */
  async select(load: CaptureLoad, text: string, stream: number | undefined, candidates: (after: number) => Uint32Array, control: FilterControl): Promise<Uint32Array> {
    const filter = compiled(text)
    const key = `${stream ?? ''}\u0000${text}`
    const kept = this.kept?.load === load && this.kept.key === key ? this.kept : undefined
    const upTo = load.packets
    const fresh = await filterFrames(load, filter, candidates(kept?.upTo ?? 0), control)
    const frames = kept ? mergeAscending(kept.frames, fresh) : fresh
    this.kept = { load, key, upTo, frames }
    return frames
  }

  clear(): void {
    this.kept = undefined
  }
}

/** The filter, or ApiFailure('bad-filter') saying what is wrong and where. */
export function compiled(text: string): DisplayFilter {
  const result = compileFilter(text)
  if (!result.ok) throw new ApiFailure('bad-filter', `${result.error.message.en} (at character ${result.error.start + 1})`)
  return result.filter
}

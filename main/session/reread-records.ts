// Reading a loaded capture's records once more, in file order, for what needs many of its frames
// at once (a sort by a text column, Expert Info with many frames to decode): streaming the file is
// far cheaper than millions of reads by offset.
import { openCapture } from '../capture/open'
import { CaptureError, type CaptureInfo, type RawFrame } from '../capture/source'

/**
 * Reads frames 1 … `upTo` of the file at `path` again: `start` is given the file's info and
 * returns the visitor of each record (its bytes valid during the call); after each batch
 * `between()` runs (to give way, and throw when the work is no longer wanted), then `onBatch`
 * hears the frames done. Damage past the indexed frames ends the read quietly: the load stopped
 * at the same place.
 */
export async function rereadRecords(
  path: string,
  upTo: number,
  start: (info: CaptureInfo) => (raw: RawFrame) => void | Promise<void>,
  between: () => Promise<void>,
  onBatch?: (done: number) => void,
): Promise<void> {
  if (upTo <= 0) return
  const reader = await openCapture(path)
  try {
    const visit = start(reader.info)
    for await (const batch of reader.batches()) {
      for (const raw of batch) {
        if (raw.no > upTo) return
        const visiting = visit(raw)
        if (visiting) await visiting
      }
      await between()
      const last = batch.at(-1)?.no
      if (last === undefined) continue
      onBatch?.(Math.min(upTo, last))
      if (last >= upTo) return
    }
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error
  } finally {
    await reader.close()
  }
}

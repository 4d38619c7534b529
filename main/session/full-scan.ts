// A full decode of a capture's first frames, in file order, by DecodePass itself: what needs
// every frame's text at once (sorting the whole capture by the Info column) reads the file again
// in one stream, which is far cheaper than decoding millions of frames one by one. (Expert Info
// decodes only the frames whose items the columns do not tell: expert-scan.ts.) It gives way to
// other requests after each batch, says how far it has got, and stops as soon as the caller no
// longer wants it.
import { openCapture } from '../capture/open'
import { CaptureError } from '../capture/source'
import type { DecodedFrame } from '../decode/frame'
import { DecodePass } from '../decode/pass'
import { ApiFailure } from '../api/port'

/** Lets queued messages and timers run (the worker answers requests meanwhile). */
export const giveWay = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Decodes frames 1 … `upTo` of the file at `path`, handing each to `visit` (valid during the
 * call), and after each batch the frames done to `onBatch`. Throws ApiFailure('cancelled') when
 * `wanted()` turns false between batches.
 */
export async function scanDecoded(path: string, upTo: number, visit: (frame: DecodedFrame) => void, wanted: () => boolean, onBatch?: (done: number) => void): Promise<void> {
  if (upTo <= 0) return
  const reader = await openCapture(path)
  try {
    const pass = new DecodePass(reader.info)
    for await (const batch of reader.batches()) {
      for (const raw of batch) {
        if (raw.no > upTo) return
        visit(pass.decode(raw))
      }
      await giveWay()
      if (!wanted()) throw new ApiFailure('cancelled', 'the scan was cancelled (another request replaced it, or the capture was closed)')
      if (batch.length) onBatch?.(Math.min(upTo, batch[batch.length - 1]!.no))
      if (batch.length && batch[batch.length - 1]!.no >= upTo) return
    }
  } catch (error) {
    // Damage after the indexed frames cannot be reached: the load stopped at the same place.
    if (!(error instanceof CaptureError)) throw error
  } finally {
    await reader.close()
  }
}

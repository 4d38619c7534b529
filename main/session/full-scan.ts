// A full decode of a capture's first frames, in file order, by DecodePass itself: what needs
// every frame's text at once (sorting the whole capture by the Info column) reads the file again
// in one stream, which is far cheaper than decoding millions of frames one by one. (Expert Info
// decodes only the frames whose items the columns do not tell: expert-scan.ts.) It gives way to
// other requests after each batch, says how far it has got, and stops as soon as the caller no
// longer wants it.
import type { DecodedFrame } from '../decode/frame'
import { DecodePass } from '../decode/pass'
import { ApiFailure } from '../api/port'
import { rereadRecords } from './reread-records'

/** Lets queued messages and timers run (the worker answers requests meanwhile). */
export const giveWay = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * Decodes frames 1 … `upTo` of the file at `path`, handing each to `visit` (valid during the
 * call), and after each batch the frames done to `onBatch`. Throws ApiFailure('cancelled') when
 * `wanted()` turns false between batches.
 */
export async function scanDecoded(path: string, upTo: number, visit: (frame: DecodedFrame) => void, wanted: () => boolean, onBatch?: (done: number) => void): Promise<void> {
  const between = async () => {
    await giveWay()
    if (!wanted()) throw new ApiFailure('cancelled', 'the scan was cancelled (another request replaced it, or the capture was closed)')
  }
  await rereadRecords(
    path,
    upTo,
    (info) => {
      const pass = new DecodePass(info)
      return (raw) => visit(pass.decode(raw))
    },
    between,
    onBatch,
  )
}

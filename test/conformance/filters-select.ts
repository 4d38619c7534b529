// The frames each display filter selects in a capture, as `tcplens fields -Y FILTER` selects
// them: every frame decoded in order by one DecodePass (IP reassembly on, tshark's default), each
// filter compiled by compileFilter and tested on decodedFrameFields of the frame. The capture is
// read once for all the filters.
import { openCaptureBytes } from '../../main/capture/open'
import { CaptureError } from '../../main/capture/source'
import { DecodePass } from '../../main/decode/pass'
import { compileFilter, decodedFrameFields, type DisplayFilter, type FilterError } from '../../main/filter'

export interface Selections {
  /** Per filter that compiled, the numbers of the frames it selects. */
  frames: Map<string, number[]>
  /** Per filter that compiled, the names of the fields (and protocols) it reads. */
  fieldsRead: Map<string, string[]>
  /** Per filter that did not compile, why. */
  errors: Map<string, FilterError>
  /** The damage that ended the read, if any (the frames before it were tested). */
  readError?: CaptureError
}

export async function ourSelections(bytes: Uint8Array, filters: readonly string[]): Promise<Selections> {
  const compiled: [string, DisplayFilter][] = []
  const selections: Selections = { frames: new Map(), fieldsRead: new Map(), errors: new Map() }
  for (const text of filters) {
    const result = compileFilter(text)
    if (result.ok) {
      compiled.push([text, result.filter])
      selections.frames.set(text, [])
      selections.fieldsRead.set(text, result.filter.fields.map((f) => f.name))
    } else selections.errors.set(text, result.error)
  }
  let reader
  try {
    reader = await openCaptureBytes(bytes)
    const pass = new DecodePass(reader.info)
    for await (const batch of reader.batches()) {
      for (const raw of batch) {
        const fields = decodedFrameFields(pass.decode(raw))
        for (const [text, filter] of compiled) if (filter.matches(fields)) selections.frames.get(text)!.push(raw.no)
      }
    }
  } catch (error) {
    if (!(error instanceof CaptureError)) throw error
    selections.readError = error
  } finally {
    await reader?.close()
  }
  return selections
}

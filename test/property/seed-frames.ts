// The real frames the property tests mutate: every frame of every catalogue fixture that reads
// cleanly, in catalogue order, each with its bytes copied.
import type { RawFrame } from '../../main/capture/source'
import { FIXTURES } from '../fixtures/catalog'
import { readClean } from '../unit/main/capture/read-all'

export async function catalogueFrames(): Promise<RawFrame[]> {
  const frames: RawFrame[] = []
  for (const fixture of FIXTURES) {
    if (fixture.expect?.error) continue
    frames.push(...(await readClean(fixture.bytes())).frames)
  }
  return frames
}

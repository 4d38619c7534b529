// Test helpers for the display filters: the catalogue's frames decoded as `tcplens fields` decodes
// them, a FrameFields made of plain values, and compiling a filter that must compile.
import { DecodePass } from '../../../../main/decode/pass'
import type { DecodedFrame } from '../../../../main/decode/frame'
import { compileFilter, type DisplayFilter, type FilterError, type FilterField, type FilterValue, type FrameFields } from '../../../../main/filter'
import { FIXTURES } from '../../../fixtures/catalog'
import { readAll } from '../capture/read-all'

export interface DecodedFixture {
  name: string
  frames: DecodedFrame[]
}

/** Every catalogue fixture's readable frames, decoded in one pass per file. */
export async function decodedFixtures(): Promise<DecodedFixture[]> {
  const out: DecodedFixture[] = []
  for (const fixture of FIXTURES) {
    const { info, frames } = await readAll(fixture.bytes())
    if (!info || frames.length === 0) continue
    const pass = new DecodePass(info)
    out.push({ name: fixture.name, frames: frames.map((raw) => pass.decode(raw)) })
  }
  return out
}

/** A frame given as name → values, for semantics that do not need a decoded packet. */
export function fakeFrame(values: Record<string, FilterValue[]>): FrameFields {
  return { values: (field: FilterField) => values[field.name] ?? [] }
}

export function compiled(text: string): DisplayFilter {
  const result = compileFilter(text)
  if (!result.ok) throw new Error(`"${text}" should compile: ${result.error.message.en}`)
  return result.filter
}

export function compileError(text: string): FilterError {
  const result = compileFilter(text)
  if (result.ok) throw new Error(`"${text}" should not compile`)
  return result.error
}

/** Does the filter select the frame? */
export function selects(text: string, frame: FrameFields): boolean {
  return compiled(text).matches(frame)
}

// Reading tshark's committed selections (test/fixtures/tshark/filter-reference.sh writes them):
// one JSON file per capture, the frames each filter selects as ranges "1-5,9", and invalid.json,
// tshark's verdict on each invalid filter.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO } from './captures-dir'

export const FILTER_REFERENCE = join(REPO, 'test/fixtures/tshark/filters')

export interface FilterReference {
  /** tshark's exit status on the file: 2 when it is damaged. */
  exit: number
  /** Per filter, the frames tshark selects, numbered as TCP Lens numbers them. */
  frames: Map<string, number[]>
}

export interface InvalidVerdict {
  exit: number
  message: string
  /** Where tshark's caret points, [start, end), or null when it shows none. */
  caret: [number, number] | null
}

/** "1-3,7" → [1, 2, 3, 7]. */
export function parseRanges(text: string): number[] {
  const numbers: number[] = []
  for (const part of text.split(',').filter((p) => p !== '')) {
    const [first, last = first] = part.split('-').map(Number)
    for (let n = first; n <= last; n++) numbers.push(n)
  }
  return numbers
}

/**
 * tshark 4.0 numbers each pcapng custom block among the frames; TCP Lens skips them, as every
 * block that is not a packet (see tsv.ts). So the custom blocks' records are dropped and the
 * frames after them numbered down.
 */
function withoutCustomBlocks(frames: number[], customBlocks: readonly number[]): number[] {
  if (customBlocks.length === 0) return frames
  return frames.filter((n) => !customBlocks.includes(n)).map((n) => n - customBlocks.filter((c) => c < n).length)
}

export function readFilterReference(capture: string): FilterReference {
  const json = JSON.parse(readFileSync(join(FILTER_REFERENCE, `${capture}.json`), 'utf8')) as { exit: number; custom_blocks: string; frames: Record<string, string> }
  const customBlocks = parseRanges(json.custom_blocks)
  const frames = new Map(Object.entries(json.frames).map(([filter, ranges]) => [filter, withoutCustomBlocks(parseRanges(ranges), customBlocks)]))
  return { exit: json.exit, frames }
}

export function readInvalidVerdicts(): Map<string, InvalidVerdict> {
  return new Map(Object.entries(JSON.parse(readFileSync(join(FILTER_REFERENCE, 'invalid.json'), 'utf8')) as Record<string, InvalidVerdict>))
}

/** The sha256 of each input file the reference was made from, by file name. */
export function recordedInputs(list: 'captures.sha256' | 'fixtures.sha256'): Map<string, string> {
  const lines = readFileSync(join(FILTER_REFERENCE, list), 'utf8').trim().split('\n')
  return new Map(lines.map((line) => [line.slice(66), line.slice(0, 64)]))
}

// One record repeated many times: a SYN sent again and again, the same data segment retransmitted,
// one frame duplicated in place. Every copy is valid, so nothing is refused: this finds work that
// grows faster than the frames do (a per-step cost that walks every step made the lab quadratic).
import { isPacketBlock } from '../../../main/capture/pcapng-codes'
import { pcapngBlocks, pcapRecordOffsets } from '../../fixtures/damage'
import type { Seed } from '../corpus'
import { asStored, inserted, type Mutator } from './mutator'

/** How many copies to add: mostly a few, sometimes enough for a quadratic cost to show. */
const COPIES = [1, 3, 20, 100, 400] as const

/** Where each frame's record or block starts and ends in the file. */
function frameSpans(seed: Seed): Array<{ start: number; end: number }> {
  const plain = seed.plain
  if (seed.kind === 'pcap') {
    const starts = pcapRecordOffsets(plain)
    return starts.map((start, i) => ({ start, end: starts[i + 1] ?? plain.length })).filter((span) => span.end <= plain.length)
  }
  if (seed.kind === 'pcapng') {
    return pcapngBlocks(plain)
      .filter((block) => isPacketBlock(block.type) && block.length >= 12 && block.offset + block.length <= plain.length)
      .map((block) => ({ start: block.offset, end: block.offset + block.length }))
  }
  return []
}

export const repeatRecord: Mutator = {
  name: 'repeat-record',
  mutate(seed, random) {
    const spans = frameSpans(seed)
    if (spans.length === 0) return asStored(seed, seed.plain, 'no frame to repeat: the seed as it is', random)
    const index = random.int(spans.length)
    const { start, end } = spans[index]!
    const copies = random.pick(COPIES)
    const record = seed.plain.subarray(start, end)
    const repeated = new Uint8Array(record.length * copies)
    for (let i = 0; i < copies; i++) repeated.set(record, i * record.length)
    return asStored(seed, inserted(seed.plain, end, repeated), `frame ${index + 1} repeated ${copies} more times`, random)
  },
}

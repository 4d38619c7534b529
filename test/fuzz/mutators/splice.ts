// Splices of two captures: the head of one and the tail of another, each cut at a record or
// block boundary or anywhere (a pcap file's records after a pcapng section, frames of one link
// type after another's header, a section cut in the middle of a block …).
import { pcapngBlocks, pcapRecordOffsets } from '../../fixtures/damage'
import type { Seed } from '../corpus'
import type { Random } from '../../fixtures/random'
import { asStored, hex, type Mutator } from './mutator'

/** Where `seed` may be cut: its record or block boundaries (and its end), else anywhere. */
function cutPoint(seed: Seed, random: Random, from: 'head' | 'tail'): number {
  const plain = seed.plain
  const boundaries = seed.kind === 'pcap' ? pcapRecordOffsets(plain) : seed.kind === 'pcapng' ? pcapngBlocks(plain).map((b) => b.offset) : []
  const usable = boundaries.filter((b) => b <= plain.length && (from === 'tail' || b > 0))
  if (usable.length && random.chance(0.7)) return random.pick([...usable, ...(from === 'head' ? [plain.length] : [])])
  return random.int(plain.length + 1)
}

export const splice: Mutator = {
  name: 'splice',
  mutate(head, random, corpus) {
    const tail = random.pick(corpus.seeds)
    const a = cutPoint(head, random, 'head')
    const b = cutPoint(tail, random, 'tail')
    const bytes = new Uint8Array(a + tail.plain.length - b)
    bytes.set(head.plain.subarray(0, a))
    bytes.set(tail.plain.subarray(b), a)
    return asStored(head, bytes, `${head.name} up to ${hex(a)} + ${tail.name} from ${hex(b)}`, random)
  },
}

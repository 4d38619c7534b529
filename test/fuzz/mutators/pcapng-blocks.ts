// pcapng block surgery on a pcapng seed (another pcapng seed when the one drawn is not): a
// block's type swapped for another (SHB, IDB, EPB, SPB, PB, NRB, ISB, custom, unknown), a block
// duplicated, dropped or moved, two blocks swapped, or a second section in the other byte order
// put between blocks.
import { BLOCK } from '../../../main/capture/pcapng-codes'
import { pcapngBlocks } from '../../fixtures/damage'
import type { Seed } from '../corpus'
import type { Random } from '../../fixtures/random'
import { asStored, hex, inserted, type Mutation, type Mutator } from './mutator'

const TYPES = [
  BLOCK.SECTION_HEADER,
  BLOCK.INTERFACE_DESCRIPTION,
  BLOCK.PACKET,
  BLOCK.SIMPLE_PACKET,
  BLOCK.NAME_RESOLUTION,
  BLOCK.INTERFACE_STATISTICS,
  BLOCK.ENHANCED_PACKET,
  BLOCK.CUSTOM,
  BLOCK.CUSTOM_NO_COPY,
  0x00000007, // unknown, reserved
  0x00000bad ^ 1,
  0x80000001, // local use
  0,
  0xffffffff,
]

type Block = ReturnType<typeof pcapngBlocks>[number]

/** The blocks whose whole bytes are in the file. */
function wholeBlocks(plain: Uint8Array): Block[] {
  return pcapngBlocks(plain).filter((b) => b.length >= 12 && b.offset + b.length <= plain.length)
}

const OPERATIONS: Record<string, (plain: Uint8Array, blocks: Block[], seed: Seed, random: Random) => { bytes: Uint8Array; what: string }> = {
  'swap-type'(plain, blocks, _seed, random) {
    const block = random.pick(blocks)
    const type = random.pick(TYPES)
    const bytes = plain.slice()
    // An SHB's type reads the same in both orders; any other is written in its section's order.
    new DataView(bytes.buffer).setUint32(block.offset, type, block.littleEndian)
    return { bytes, what: `block at ${hex(block.offset)} type ${hex(block.type)} → ${hex(type)}` }
  },
  duplicate(plain, blocks, _seed, random) {
    const block = random.pick(blocks)
    const copy = plain.slice(block.offset, block.offset + block.length)
    const at = random.pick(blocks).offset
    return { bytes: inserted(plain, at, copy), what: `block at ${hex(block.offset)} (type ${hex(block.type)}) copied to ${hex(at)}` }
  },
  drop(plain, blocks, _seed, random) {
    const block = random.pick(blocks)
    const bytes = new Uint8Array(plain.length - block.length)
    bytes.set(plain.subarray(0, block.offset))
    bytes.set(plain.subarray(block.offset + block.length), block.offset)
    return { bytes, what: `block at ${hex(block.offset)} (type ${hex(block.type)}) dropped` }
  },
  'swap-two'(plain, blocks, _seed, random) {
    const [a, b] = [random.pick(blocks), random.pick(blocks)].sort((x, y) => x.offset - y.offset)
    if (a === b) return { bytes: plain.slice(), what: 'block swapped with itself' }
    const bytes = new Uint8Array(plain.length)
    let at = 0
    for (const part of [plain.subarray(0, a.offset), plain.subarray(b.offset, b.offset + b.length), plain.subarray(a.offset + a.length, b.offset), plain.subarray(a.offset, a.offset + a.length), plain.subarray(b.offset + b.length)]) {
      bytes.set(part, at)
      at += part.length
    }
    return { bytes, what: `blocks at ${hex(a.offset)} and ${hex(b.offset)} swapped` }
  },
  'other-order-section'(plain, blocks, seed, random) {
    const section = seed.otherOrderSection
    if (!section) return { bytes: plain.slice(), what: 'no section to insert' }
    const at = random.chance(0.3) ? plain.length : random.pick(blocks).offset
    return { bytes: inserted(plain, at, section), what: `a section in the other byte order (${section.length} bytes) put at ${hex(at)}` }
  },
}

export const pcapngBlockSwaps: Mutator = {
  name: 'pcapng-blocks',
  mutate(drawn, random, corpus): Mutation {
    const seed = drawn.kind === 'pcapng' || corpus.pcapng.length === 0 ? drawn : random.pick(corpus.pcapng)
    const blocks = wholeBlocks(seed.plain)
    if (blocks.length === 0) return asStored(seed, seed.plain.slice(), 'no whole block to move', random)
    const name = random.pick(Object.keys(OPERATIONS))
    let bytes = seed.plain
    const whats: string[] = []
    // Sometimes two operations: a duplicated block whose type is then swapped, and so on.
    for (let n = random.chance(0.25) ? 2 : 1; n > 0; n--) {
      const op = n === 1 && whats.length === 0 ? name : random.pick(Object.keys(OPERATIONS))
      const current = wholeBlocks(bytes)
      if (current.length === 0) break
      const done = OPERATIONS[op]!(bytes, current, seed, random)
      bytes = done.bytes
      whats.push(`${op}: ${done.what}`)
    }
    return { ...asStored(seed, bytes, whats.join('; '), random), seed: seed.name }
  },
}
